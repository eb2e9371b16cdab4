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

    /// <summary>Display math on its own lines.</summary>
    public static string Display(string tex) => tex.Length <= MathMarkup.MaxMathChars / 3
        ? "$$\n" + tex + "\n$$"
        : $"`{tex[..MathMarkup.ExcerptChars].Replace("`", "'", StringComparison.Ordinal)} …` (too long to typeset: {tex.Length} characters of LaTeX; whole in results.json)";

    private static string Relation(string symbol) => symbol switch
    {
        "!=" => @"\neq",
        "<=" => @"\leq",
        ">=" => @"\geq",
        _ => symbol,
    };
}
