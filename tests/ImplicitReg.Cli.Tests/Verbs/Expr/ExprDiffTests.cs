using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

public sealed class ExprDiffTests
{
    [Theory]
    [InlineData("2*x*sin(y)", "x^2*sin(y)", "--wrt", "x")]
    [InlineData("x^2*cos(y)", "x^2*sin(y)", "--wrt", "y")]
    [InlineData("2*x*cos(y)", "x^2*sin(y)", "--wrt", "x", "--wrt", "y")]
    [InlineData("2*x*cos(y)", "x^2*sin(y)", "--wrt", "x,y")]
    [InlineData("2*cos(y)", "x^2*sin(y)", "--wrt", "x,x,y")]
    [InlineData("6*x", "x^3", "--wrt", "x", "--order", "2")]
    [InlineData("6", "x^3", "--order", "3")]
    [InlineData("x^3", "x^3", "--wrt", "x", "--order", "0")]
    [InlineData("3*x^2", "x^3")]
    [InlineData("2*W2[1,3]", "W2[1,3]^2 + W[1,2]", "--wrt", "W2[1, 3]")]
    [InlineData("1", "W[1,2]*y", "--wrt", "W[1,2],y")]
    public void DerivativesFollowTheRequestedVariables(string expected, string input, params string[] options)
    {
        var r = ExprCli.Run(["diff", input, .. options]);
        Assert.Equal((ExitCodes.Ok, expected + "\n", ""), (r.Code, r.Out, r.Err));
    }

    [Fact]
    public void TheOrderOfMixedDerivativesDoesNotMatterForSmoothFunctions() =>
        Assert.Equal(ExprCli.Run("diff", "exp(x*y)*sin(x)", "--wrt", "x,y").Out, ExprCli.Run("diff", "exp(x*y)*sin(x)", "--wrt", "y,x").Out);

    [Fact]
    public void LatexFormatAppliesToTheDerivative() =>
        Assert.Equal(@"\frac{1}{x}" + "\n", ExprCli.Run("diff", "log(x)", "--format", "latex").Out);

    [Theory]
    [InlineData("--order applies to a single --wrt variable", "x*y", "--wrt", "x,y", "--order", "2")]
    [InlineData("name the variable with --wrt; the expression has the symbols x, y", "x*y")]
    [InlineData("the expression is a constant", "3")]
    [InlineData("--wrt expects a symbol name", "x*y", "--wrt", "2x")]
    [InlineData("--wrt has an empty name", "x*y", "--wrt", "x,,y")]
    [InlineData("option --order must be between 0 and 1000, got -1", "x", "--order", "-1")]
    [InlineData("--order expects an integer", "x", "--order", "two")]
    [InlineData("works on expressions", "x < 1", "--wrt", "x")]
    public void BadRequestsAreExplained(string message, string input, params string[] options)
    {
        var r = ExprCli.Run(["diff", input, .. options]).AssertCleanFailure();
        Assert.Contains(message, r.Err);
    }
}
