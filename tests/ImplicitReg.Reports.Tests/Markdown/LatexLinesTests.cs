using System.Text.RegularExpressions;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Tests.Markdown;

/// <summary>
/// report.md sets long formulas in rows like the page: an <c>aligned</c> environment split before the signs of the
/// outermost sum, the printer's LaTeX unchanged between the breaks, short formulas and unbreakable ones untouched.
/// </summary>
public sealed partial class LatexLinesTests
{
    private static string LongSum(string lhs) =>
        lhs + " = " + string.Join(" - ", Enumerable.Range(1, 30).Select(i => $"W{i % 4 + 1}[{i % 3 + 1},{i % 2 + 1}]*W{i % 3 + 1}[1,2]*(x{i} + 1)"));

    // The formula with the layout taken out: what a reader sees, row after row.
    private static string Unbroken(string rows) =>
        Layout().Replace(rows.Replace("\n", " ", StringComparison.Ordinal), " ").Trim().Replace("&", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\s*(\\begin\{aligned\}|\\end\{aligned\}|\\quad|\\\\)\s*")]
    private static partial Regex Layout();

    private static string Spaces(string tex) => string.Join(' ', tex.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void ALongEquationIsSetInAlignedRowsBeforeTheSignsOfItsRightSide()
    {
        var tex = LatexPrinter.Print(Parser.Parse(LongSum("d")));
        var rows = LatexLines.Layout(tex);
        Assert.True(rows.StartsWith("\\begin{aligned}\nd &= ", StringComparison.Ordinal), rows);
        Assert.EndsWith("\n\\end{aligned}", rows, StringComparison.Ordinal);
        var lines = rows.Split('\n')[1..^1];
        Assert.True(lines.Length >= 4, rows);
        Assert.All(lines[..^1], l => Assert.EndsWith(" \\\\", l, StringComparison.Ordinal));
        Assert.All(lines[1..], l => Assert.Matches(@"^&\\quad [+-] ", l));
        // Only the layout changes: the printer's LaTeX, in the same order, between the breaks.
        Assert.Equal(Spaces(tex), Spaces(Unbroken(rows)));
        foreach (var line in lines)
            Assert.True(LatexLines.Width(line) <= MathLines.RowEm + 4, line);
        // Negative control: the one-row formula is far wider than a row.
        Assert.True(LatexLines.Width(tex) > 3 * MathLines.RowEm);
    }

    [Fact]
    public void TheMarkdownDisplayUsesTheRowsAndLeavesAShortFormulaAlone()
    {
        var tex = LatexPrinter.Print(Parser.Parse(LongSum("phi")));
        Assert.True(LatexMarkup.Display(tex).StartsWith("$$\n\\begin{aligned}\n\\phi &= ", StringComparison.Ordinal), LatexMarkup.Display(tex));
        Assert.Equal("$$\nW_{1,1} W_{2,1} + x \\geq 0\n$$", LatexMarkup.Display("W_{1,1} W_{2,1} + x \\geq 0"));
    }

    [Fact]
    public void NoRowBreaksABraceGroupOrALeftRightPair()
    {
        // The long sums sit inside \left( … \right)^{3} and \sqrt{…}: LaTeX cannot carry them across rows.
        var inner = string.Join(" + ", Enumerable.Range(1, 24).Select(i => $"W1[1,{i % 3 + 1}]*W2[{i % 2 + 1},1]*W3[1,{i}]"));
        foreach (var formula in new[] { $"phi = ({inner} - 1)^3", $"phi = sqrt({inner})" })
        {
            var tex = LatexPrinter.Print(Parser.Parse(formula));
            Assert.Equal(tex, LatexLines.Layout(tex));
        }
        // With an outer sum around them, the breaks fall only between its terms.
        var mixed = LatexPrinter.Print(Parser.Parse($"phi = ({inner} - 1)^3 + " + string.Join(" + ", Enumerable.Range(1, 20).Select(i => $"y{i}*z{i}"))));
        var rows = LatexLines.Layout(mixed).Split('\n')[1..^1];
        Assert.True(rows.Length >= 2);
        foreach (var row in rows)
        {
            Assert.Equal(Regex.Count(row, @"\\left"), Regex.Count(row, @"\\right"));
            Assert.Equal(row.Count(c => c == '{'), row.Count(c => c == '}'));
        }
    }

    [Fact]
    public void AFormulaWithALongLeftSideOrTwoRelationsIsBrokenAsAWholeFromTheAlignmentPoint()
    {
        var lhs = string.Join(" + ", Enumerable.Range(1, 12).Select(i => $"a{i}*b{i}"));
        var tex = LatexPrinter.Print(Parser.Parse(LongSum(lhs)));
        var rows = LatexLines.Layout(tex);
        Assert.True(rows.StartsWith("\\begin{aligned}\n& a1 b1 + a2 b2", StringComparison.Ordinal), rows);
        Assert.Equal(Spaces(tex), Spaces(Unbroken(rows)));
    }
}
