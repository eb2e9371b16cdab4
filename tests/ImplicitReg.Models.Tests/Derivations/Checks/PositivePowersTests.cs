using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Tests.Derivations.Checks;

public sealed class PositivePowersTests
{
    private static readonly Expr[] SigmaPositive = [new Sym("sigma")];

    private static Expr Normalize(string text, params Expr[] positive) => PositivePowers.Normalize(Parser.ParseExpression(text), positive);

    [Theory]
    [InlineData("abs(sigma)", "sigma")]
    [InlineData("(sigma^2)^(1-1/N)", "sigma^(2-2/N)")]
    [InlineData("(2*sigma)^(1/N)", "2^(1/N)*sigma^(1/N)")]
    [InlineData("abs(exp(x)*sigma^N)", "exp(x)*sigma^N")]
    public void RulesFireOnAssumedPositiveBases(string input, string expected) =>
        Assert.Equal(Normalize(expected, SigmaPositive), Normalize(input, SigmaPositive));

    // Each unsound rewrite is false somewhere the assumptions allow (x = -1, or sigma = 1/2 for sigma - 1).
    [Theory]
    [InlineData("abs(x)", "x")]
    [InlineData("(x^2)^(1/2)", "x")]
    [InlineData("(x^3)^(1/N)", "x^(3/N)")]
    [InlineData("(x*sigma)^(1/N)", "x^(1/N)*sigma^(1/N)")]
    [InlineData("abs(sigma - 1)", "sigma - 1")]
    public void BasesNotAssumedPositiveAreLeftAlone(string input, string unsoundRewrite)
    {
        var e = Normalize(input, SigmaPositive);
        Assert.NotEqual(Normalize(unsoundRewrite, SigmaPositive), e);
        Assert.Equal(Normalize(input, new Sym("x"), new Sym("sigma"), Parser.ParseExpression("sigma - 1")), Normalize(unsoundRewrite, SigmaPositive)); // fires once assumed
    }

    [Fact]
    public void AnAssumedSumIsRecognisedAfterItsOwnExponentsAreNormalized()
    {
        var sum = Parser.ParseExpression("s0^(2/N - 1) + (2/N - 1)*I");
        var e = Normalize("((s0^(2/N - 1) + (2/N - 1)*I)^(1/(2/N - 1)))^(2 - 2/N)", sum, new Sym("s0"));
        Assert.IsType<Pow>(e);
        Assert.Equal(PositivePowers.Normalize(sum, [sum]), ((Pow)e).Base);
        Assert.NotEqual(e, Normalize("((s0^(2/N - 1) + (2/N - 1)*I)^(1/(2/N - 1)))^(2 - 2/N)")); // not assumed: untouched
    }
}
