using ImplicitReg.Reports.Html;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Reports.Tests.Html;

public sealed class MathMarkupTests
{
    [Fact]
    public void AFormulaIsTypesetFromTheKernelsReading()
    {
        var math = MathMarkup.FromText("sqrt(x) >= 0");
        Assert.StartsWith("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">", math);
        Assert.Contains("<msqrt>", math, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatDoesNotParseIsShownAsCodeNotDropped() =>
        Assert.Equal("<code class=\"formula\">x +* &lt;y</code>", MathMarkup.FromText("x +* <y"));

    [Fact]
    public void AFormulaTooLongToTypesetIsShownAsTheStartOfItsText()
    {
        var huge = Parser.Parse(string.Join(" + ", Enumerable.Range(1, 600).Select(i => $"x{i}^2*y{i}")));
        var html = MathMarkup.Block(huge);
        Assert.StartsWith("<p class=\"formula-excerpt\"><code>", html);
        Assert.Contains("too long to typeset", html, StringComparison.Ordinal);
        Assert.True(html.Length < 1000);
        var small = Parser.Parse("x1^2*y1 + x2^2*y2");
        Assert.StartsWith("<math", MathMarkup.Block(small));
    }
}
