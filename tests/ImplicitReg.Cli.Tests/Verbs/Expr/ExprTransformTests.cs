using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

public sealed class ExprTransformTests
{
    [Theory]
    [InlineData("expand", "(x+y)^3", "x^3 + 3*x^2*y + 3*x*y^2 + y^3")]
    [InlineData("expand", "(a - b)*(a + b)", "a^2 - b^2")]
    [InlineData("simplify", "(x^2 - 1)/(x - 1)", "x + 1")]
    [InlineData("simplify", "x/(x+1) + 1/(x+1)", "1")]
    [InlineData("together", "1/x + 1/y", "(x + y)/(x*y)")]
    [InlineData("cancel", "(x^2 - 1)/(x^2 + x)", "(x - 1)/x")]
    public void TransformsPrintTheKernelResult(string subcommand, string input, string output)
    {
        var r = ExprCli.Run(subcommand, input);
        Assert.Equal((ExitCodes.Ok, output + "\n", ""), (r.Code, r.Out, r.Err));
    }

    [Fact]
    public void ExpansionIsNotTheIdentity() =>
        Assert.NotEqual("(x + y)^3\n", ExprCli.Run("expand", "(x+y)^3").Out); // negative control for the table

    [Fact]
    public void CollectGroupsByPowersOfTheNamedSymbol()
    {
        var r = ExprCli.Run("collect", "a*x + b*x + x^2*y + c", "--wrt", "x");
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Equal(Parser.Parse("c + (a + b)*x + y*x^2"), Parser.Parse(r.Out));
        Assert.Contains("x*(a + b)", r.Out);
        ExprCli.Run("collect", "a*x").AssertCleanFailure();
    }

    [Theory]
    [InlineData("latex", @"\frac{3 x^{2}}{4 y}")]
    [InlineData("mathml", "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mfrac><mrow><mn>3</mn><mo>&#x2062;</mo><msup><mi>x</mi><mn>2</mn></msup></mrow><mrow><mn>4</mn><mo>&#x2062;</mo><mi>y</mi></mrow></mfrac></math>")]
    public void RenderSubcommandsPrintTheNotation(string subcommand, string output) =>
        Assert.Equal(output + "\n", ExprCli.Run(subcommand, "3*x^2/(4*y)").Out);

    [Theory]
    [InlineData("W[1,2]^2 <= x/2", "(<= (* |W[1,2]| |W[1,2]|) (* (/ 1.0 2.0) x))")]
    [InlineData("x < 1 implies not y = 0", "(=> (< x 1.0) (not (= y 0.0)))")]
    [InlineData("abs(x)", "(ite (>= x 0.0) x (- x))")]
    public void SmtlibPrintsATermOverTheReals(string input, string smt)
    {
        var r = ExprCli.Run("smtlib", input);
        Assert.Equal((ExitCodes.Ok, smt + "\n", ""), (r.Code, r.Out, r.Err));
    }

    [Theory]
    [InlineData("sqrt(x)", "non-integer exponent")]
    [InlineData("exp(x)", "no exact SMT-LIB2")]
    public void SmtlibRefusesWhatRealArithmeticCannotStateExactly(string input, string message)
    {
        var r = ExprCli.Run("smtlib", input).AssertCleanFailure();
        Assert.Contains(message, r.Err);
    }

    [Theory]
    [InlineData("text", "x^2 + 2*x*y + y^2")]
    [InlineData("latex", "x^{2} + 2 x y + y^{2}")]
    [InlineData("json", """{"type":"add","terms":[{"type":"pow","base":{"type":"sym","name":"x"},"exponent":{"type":"num","value":"2"}},{"type":"mul","factors":[{"type":"num","value":"2"},{"type":"sym","name":"x"},{"type":"sym","name":"y"}]},{"type":"pow","base":{"type":"sym","name":"y"},"exponent":{"type":"num","value":"2"}}]}""")]
    public void FormatChoosesTheNotationOfTheResult(string format, string output) =>
        Assert.Equal(output + "\n", ExprCli.Run("expand", "(x+y)^2", "--format", format).Out);

    [Fact]
    public void MathMLFormatIsOneMathElement()
    {
        var r = ExprCli.Run("simplify", "x/(x+1) + 1/(x+1) + y", "--format", "mathml");
        var root = System.Xml.Linq.XElement.Parse(r.Out);
        Assert.Equal("math", root.Name.LocalName);
    }

    [Fact]
    public void JsonOutputIsAcceptedAsInput()
    {
        var json = ExprCli.Run("expand", "(x+W2[1,3])^2", "--format", "json").Out;
        var back = ExprCli.RunWithInput(json, "simplify", "-");
        Assert.Equal("W2[1,3]^2 + 2*W2[1,3]*x + x^2\n", back.Out);
    }

    [Fact]
    public void ExpressionsComeFromStdinOrFiles()
    {
        Assert.Equal("x^2 + 2*x + 1\n", ExprCli.RunWithInput("(x +\n 1)^2\n", "expand", "-").Out);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "(x - 1)*(x + 1)");
            Assert.Equal("x^2 - 1\n", ExprCli.Run("expand", "@" + path).Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StatementsAreTransformedSideBySide() =>
        Assert.Equal("x^2 + 2*x + 1 >= 0\n", ExprCli.Run("expand", "(x+1)^2 >= 0").Out);
}
