using ImplicitReg.Claims.Results;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// Display-mode MathML for the report, built from the kernel's <see cref="MathMLPrinter"/>: formulas written as
/// text (claim statements, solver obligations) are parsed by the kernel first; what does not parse is shown as
/// code rather than dropped.
/// </summary>
public static class MathMarkup
{
    private static readonly string Open = $"<math xmlns=\"{MathMLPrinter.Namespace}\">";

    /// <summary>
    /// Longest MathML typeset, in characters. Some derived right sides (a determinant's rate through three layers)
    /// expand to hundreds of kilobytes: typeset, they make the page too slow to open and are unreadable anyway.
    /// Longer formulas are shown as the start of their text, with the whole text in a collapsed element.
    /// </summary>
    public const int MaxMathChars = 12_000;

    /// <summary>Characters of a too-long formula's text shown in its place.</summary>
    public const int ExcerptChars = 300;

    /// <summary>One expression or statement as a display-mode <c>&lt;math&gt;</c> element.</summary>
    public static string Block(Expr e)
    {
        var inner = Inner(e);
        return inner.Length <= MaxMathChars ? Wrap(inner) : TooLong(e.ToString());
    }

    /// <summary>
    /// A derivation equation: <c>d/dt lhs = rhs</c> for a rate, else <c>lhs op rhs</c>, as one <c>&lt;mrow&gt;</c>: the
    /// <c>&lt;math&gt;</c> element then has a single child, laid out as one line whatever style a browser gives it.
    /// </summary>
    public static string Equation(FormulaEvidence f)
    {
        var lhs = f.IsRate
            ? "<mfrac><mi>d</mi><mrow><mi>d</mi><mi>t</mi></mrow></mfrac><mo>&#x2061;</mo>" +
              (f.LhsExpr is Sym or Num ? Inner(f.LhsExpr) : $"<mrow><mo>(</mo>{Inner(f.LhsExpr)}<mo>)</mo></mrow>")
            : Inner(f.LhsExpr);
        var rhs = Inner(f.RhsExpr);
        return lhs.Length + rhs.Length <= MaxMathChars ? Wrap($"<mrow><mrow>{lhs}</mrow><mo>{Relation(f.Relation)}</mo>{rhs}</mrow>") : TooLong(f.ToString());
    }

    /// <summary>
    /// A formula too long to typeset: the start of its text at once, and the whole text in a collapsed
    /// <c>&lt;details&gt;</c> element, so that a reviewer can read all of it in the page. Only the excerpt is laid out
    /// until the reader opens it, and plain text is cheap to lay out even then (typeset, it made the page slow).
    /// </summary>
    public static string TooLong(string text) =>
        $"<div class=\"formula-long\"><p class=\"formula-excerpt\"><code>{HtmlText.Escape(text[..Math.Min(text.Length, ExcerptChars)])} …</code> " +
        $"<span class=\"muted\">(too long to typeset: {text.Length} characters; whole below and in results.json)</span></p>\n" +
        $"<details><summary>the whole formula ({text.Length} characters)</summary><pre class=\"formula-whole\">{HtmlText.Escape(text)}</pre></details></div>";

    /// <summary>
    /// A formula written in the kernel's syntax, typeset when it parses (as a statement or an expression), else
    /// shown verbatim as code.
    /// </summary>
    public static string FromText(string text)
    {
        var e = TryParse(text);
        return e is null ? $"<code class=\"formula\">{HtmlText.Escape(text)}</code>" : Block(e);
    }

    /// <summary>
    /// A formula of the claim file typeset as the kernel reads it, followed by the text exactly as written: the kernel's
    /// canonical form (√2(1 − √2√l)²/(2√l) for (1 − sqrt(2l))²/sqrt(2l)) is the same statement, but a reviewer compares
    /// it with the paper, and the written form is the one to find there.
    /// </summary>
    public static string WithWritten(string text)
    {
        var typeset = FromText(text);
        return typeset.StartsWith("<code", StringComparison.Ordinal) ? typeset
            : typeset + $"\n<p class=\"written\"><span class=\"muted\">as written:</span> <code>{HtmlText.Escape(text)}</code></p>";
    }

    /// <summary>The kernel's reading of a formula, or null when it does not parse.</summary>
    public static Expr? TryParse(string text)
    {
        try
        {
            return Parser.Parse(text);
        }
        catch (ParseException)
        {
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or SymbolicException)
        {
            // The smart constructors reject some well-formed but meaningless inputs (e.g. a statement inside a sum).
            return null;
        }
    }

    /// <summary>The content of the kernel's <c>&lt;math&gt;</c> element (one MathML element).</summary>
    private static string Inner(Expr e)
    {
        var full = MathMLPrinter.Print(e);
        return full[Open.Length..^"</math>".Length];
    }

    // A long formula is laid out in rows (MathLines): Chromium does not break MathML lines.
    private static string Wrap(string inner)
    {
        var (markup, scale) = MathLines.Lay(inner);
        var style = scale < 1 ? " style=\"font-size: " + ((int)Math.Round(scale * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%\"" : "";
        return $"<math xmlns=\"{MathMLPrinter.Namespace}\" display=\"block\"{style}>{markup}</math>";
    }

    private static string Relation(string symbol) => symbol switch
    {
        "=" => "=",
        "!=" => "&#x2260;",
        "<" => "&lt;",
        "<=" => "&#x2264;",
        ">" => "&gt;",
        ">=" => "&#x2265;",
        _ => HtmlText.Escape(symbol),
    };
}
