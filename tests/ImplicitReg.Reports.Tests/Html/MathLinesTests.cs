using System.Xml.Linq;
using ImplicitReg.Reports.Html;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// Long formulas are laid out in rows (Chromium does not break MathML lines), and only the layout changes: the
/// same glyphs in the same order, each row within the width, short formulas untouched.
/// </summary>
public sealed class MathLinesTests
{
    private static readonly XNamespace MathML = "http://www.w3.org/1998/Math/MathML";

    // The token elements of a formula in reading order: what a reader sees, whatever the grouping.
    private static string[] Glyphs(string mathHtml) => XElement.Parse(mathHtml).Descendants()
        .Where(e => e.Name.LocalName is "mi" or "mn" or "mo" or "mtext")
        .Select(e => e.Name.LocalName + ":" + e.Value).ToArray();

    // The kernel's own MathML of the formula, in one row.
    private static string Unbroken(Expr e) => MathMLPrinter.Print(e);

    [Fact]
    public void ALongSumIsSplitIntoRowsBeforeItsSignsWithTheSameGlyphsInTheSameOrder()
    {
        var e = Parser.Parse("d = " + string.Join(" - ", Enumerable.Range(1, 30).Select(i => $"W{i % 4 + 1}[{i % 3 + 1},{i % 2 + 1}]*W{i % 3 + 1}[1,2]*(x{i} + 1)")));
        var html = MathMarkup.Block(e);
        var table = XElement.Parse(html).Descendants(MathML + "mtable").Single();
        var rows = table.Elements(MathML + "mtr").ToList();
        Assert.True(rows.Count >= 4, html);
        // The left side and the relation open the first row; every later row starts with a sign, in the right column.
        Assert.Equal("d", rows[0].Elements().First().Value);
        Assert.StartsWith("=", rows[0].Elements().Last().Value, StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.Equal("", r.Elements().First().Value));
        Assert.All(rows.Skip(1), r => Assert.Matches("^[-+\u2212]", r.Elements().Last().Value));
        Assert.Equal(Glyphs(Unbroken(e)), Glyphs(html));
        foreach (var row in rows)
            Assert.True(MathLines.Width(new XElement("mrow", row.Elements().Select(c => new XElement("mrow", c.Elements())))) <= MathLines.RowEm + 2.5, row.Value);
    }

    [Fact]
    public void ALongParenthesisedSumToAPowerAndAFractionOfSumsAreBrokenInsideWithoutLosingAGlyph()
    {
        var sum = string.Join(" + ", Enumerable.Range(1, 24).Select(i => $"W1[1,{i % 3 + 1}]*W2[{i % 2 + 1},1]*W3[1,{i}]"));
        var power = Parser.Parse($"phi = ({sum} - 1)^3");
        var powerHtml = MathMarkup.Block(power);
        Assert.Contains("<mtable class=\"lines\">", powerHtml, StringComparison.Ordinal);
        Assert.Contains("<msup><mo>)</mo><mn>3</mn></msup>", powerHtml, StringComparison.Ordinal); // the exponent rides on ")"
        Assert.Equal(Glyphs(Unbroken(power)), Glyphs(powerHtml));

        var fraction = Parser.Parse($"phi = ({sum})^2/(y + 3)");
        var fractionHtml = MathMarkup.Block(fraction);
        var frac = XElement.Parse(fractionHtml).Descendants(MathML + "mfrac").First(); // the outermost
        Assert.Equal("mtable", frac.Elements().First().Name.LocalName); // the numerator in rows above one bar
        Assert.Equal(Glyphs(Unbroken(fraction)), Glyphs(fractionHtml));
    }

    [Fact]
    public void AShortFormulaIsLeftAsThePrinterWroteIt()
    {
        var e = Parser.Parse("W1[1,1]*W2[1,1] + W1[1,2]*W2[2,1] >= 0");
        var html = MathMarkup.Block(e);
        Assert.DoesNotContain("mtable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("font-size", html, StringComparison.Ordinal);
        Assert.Equal(Unbroken(e), html.Replace(" display=\"block\"", "", StringComparison.Ordinal));
    }
}
