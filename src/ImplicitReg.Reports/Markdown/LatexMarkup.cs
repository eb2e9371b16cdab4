using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Html;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Markdown;

/// <summary>LaTeX for report.md, from the kernel's <see cref="LatexPrinter"/>: display math as <c>$$ … $$</c>.</summary>
public static class LatexMarkup
{
    /// <summary>A derivation equation as LaTeX (<c>\frac{d}{dt} …</c> for a rate).</summary>
    public static string Equation(FormulaEvidence f)
    {
        var lhs = LatexPrinter.Print(f.LhsExpr);
        if (f.IsRate) lhs = @"\frac{d}{dt} " + (f.LhsExpr is Sym or Num ? lhs : @"\left(" + lhs + @"\right)");
        return $"{lhs} {Relation(f.Relation)} {LatexPrinter.Print(f.RhsExpr)}";
    }

    /// <summary>A formula written in the kernel's syntax as LaTeX, or null when it does not parse.</summary>
    public static string? FromText(string text) => MathMarkup.TryParse(text) is { } e ? LatexPrinter.Print(e) : null;

    /// <summary>A display block for a formula in kernel syntax; a formula that does not parse stays verbatim as code.</summary>
    public static string Block(string text) => FromText(text) is { } tex ? Display(tex) : $"`{text.Replace("`", "'", StringComparison.Ordinal)}`";

    /// <summary>
    /// Display math on its own lines, a long formula in rows (<see cref="LatexLines"/>); a formula too long to typeset is shown by its start, with the whole LaTeX in a
    /// collapsed <c>&lt;details&gt;</c> element (Markdown renderers pass it through; GitHub typesets the math inside).
    /// </summary>
    public static string Display(string tex) => tex.Length <= MathMarkup.MaxMathChars / 3
        ? "$$\n" + LatexLines.Layout(tex) + "\n$$"
        : $"`{tex[..MathMarkup.ExcerptChars].Replace("`", "'", StringComparison.Ordinal)} …` (too long to typeset: {tex.Length} characters of LaTeX; whole below and in results.json)\n\n" +
          $"<details><summary>the whole formula ({tex.Length} characters of LaTeX)</summary>\n\n$$\n{tex}\n$$\n\n</details>";

    private static string Relation(string symbol) => symbol switch
    {
        "!=" => @"\neq",
        "<=" => @"\leq",
        ">=" => @"\geq",
        _ => symbol,
    };
}
