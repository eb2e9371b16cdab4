using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class LatexPrinterTests
{
    private static string Latex(string input) => LatexPrinter.Print(Parser.Parse(input));

    [Theory]
    [InlineData("3*x^2/(4*y)", @"\frac{3 x^{2}}{4 y}")]
    [InlineData("x/2", @"\frac{x}{2}")]
    [InlineData("-x/2", @"-\frac{x}{2}")]
    [InlineData("1/(x*y^2)", @"\frac{1}{x y^{2}}")]
    [InlineData("3/4", @"\frac{3}{4}")]
    [InlineData("-3/4", @"-\frac{3}{4}")]
    [InlineData("x^10", "x^{10}")]
    [InlineData("x^(3/2)", @"x^{\frac{3}{2}}")]
    [InlineData("x^y^z", "x^{y^{z}}")]
    [InlineData("(x^y)^z", @"\left(x^{y}\right)^{z}")]
    [InlineData("(x + y)^3", @"\left(x + y\right)^{3}")]
    [InlineData("(-2)^x", @"\left(-2\right)^{x}")]
    [InlineData("sqrt(x + 1)", @"\sqrt{x + 1}")]
    [InlineData("1/sqrt(x)", @"\frac{1}{\sqrt{x}}")]
    [InlineData("abs(x - y)", @"\left|x - y\right|")]
    [InlineData("sign(x)", @"\operatorname{sign}\left(x\right)")]
    [InlineData("exp(-x)", @"\exp\left(-x\right)")]
    [InlineData("log(x)", @"\log\left(x\right)")]
    [InlineData("sin(x)^2 + cos(x)", @"\sin\left(x\right)^{2} + \cos\left(x\right)")]
    [InlineData("x - y", "x - y")]
    [InlineData("2*(x + y)*z", @"2 z \left(x + y\right)")]
    [InlineData("2*3^x", @"2 \cdot 3^{x}")]
    public void ArithmeticUsesStandardNotation(string input, string latex) => Assert.Equal(latex, Latex(input));

    [Theory]
    [InlineData("W2[1,3]", "W2_{1,3}")]
    [InlineData("G[1,2]^2", "G_{1,2}^{2}")]
    [InlineData("w1_2[3]", "{w1_{2}}_{3}")]
    [InlineData("w_1", "w_{1}")]
    [InlineData("eta", @"\eta")]
    [InlineData("Sigma", @"\Sigma")]
    [InlineData("eta_max", @"\eta_{\mathrm{max}}")]
    [InlineData("loss", @"\mathrm{loss}")]
    [InlineData("x1", "x1")]
    public void SymbolNamesAreTypesetWithSubscripts(string input, string latex) => Assert.Equal(latex, Latex(input));

    [Theory]
    [InlineData("x <= 1", @"x \le 1")]
    [InlineData("x >= 1", @"x \ge 1")]
    [InlineData("x != 1", @"x \ne 1")]
    [InlineData("x = 1", "x = 1")]
    [InlineData("x < 1 and y > 0", @"x < 1 \land y > 0")]
    [InlineData("x < 1 or y > 0", @"x < 1 \lor y > 0")]
    [InlineData("not x < 1", @"\lnot x < 1")]
    [InlineData("not (x < 1 and y > 0)", @"\lnot \left(x < 1 \land y > 0\right)")]
    [InlineData("(x < 1 or y > 0) and z = 0", @"\left(x < 1 \lor y > 0\right) \land z = 0")]
    [InlineData("x < 1 implies y > 0", @"x < 1 \Rightarrow y > 0")]
    [InlineData("(x < 1 implies y > 0) implies z = 0", @"\left(x < 1 \Rightarrow y > 0\right) \Rightarrow z = 0")]
    [InlineData("true", @"\mathrm{true}")]
    public void StatementsUseLogicSymbols(string input, string latex) => Assert.Equal(latex, Latex(input));

    [Fact]
    public void EveryRandomExpressionHasBalancedBracesAndDelimiters()
    {
        var generator = new RandomExpressions(7);
        for (int i = 0; i < 2000; i++)
        {
            var e = generator.Next();
            var latex = LatexPrinter.Print(e);
            int depth = 0, lowest = 0;
            foreach (var c in latex)
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                lowest = Math.Min(lowest, depth);
            }
            if (depth != 0 || lowest < 0) Assert.Fail($"seed 7, #{i}: '{e}' → unbalanced '{latex}'");
            Assert.Equal(Count(latex, @"\left"), Count(latex, @"\right"));
            Assert.DoesNotContain("__", latex); // a double subscript is a LaTeX error
            Assert.DoesNotContain("^{}", latex);
        }
    }

    private static int Count(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
