using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// Canonical forms may drop where the input is defined (x/x is 1); the parser reports those conditions so a
/// checker can decide a statement "wherever its terms, as written, are defined".
/// </summary>
public sealed class ParserDomainTests
{
    [Theory]
    [InlineData("x/x", "x != 0")]
    [InlineData("sqrt(x)*sqrt(x)", "x >= 0")]
    [InlineData("(x^3)^(1/3)", "x^3 >= 0")]
    [InlineData("log(x^2)", "x^2 > 0")]
    [InlineData("x^(-2)", "x != 0")]
    [InlineData("y^(-1/2)", "y > 0")]
    [InlineData("a/(b - c) + sqrt(d)", "b - c != 0; d >= 0")]
    public void ConditionsLostByCanonicalFormsAreReported(string input, string expected)
    {
        Parser.ParseWithDomain(input, out var domain);
        Assert.Equal(expected.Split("; ").Order(), domain.Select(d => d.ToString()).Order());
    }

    [Theory]
    [InlineData("x/2 + sqrt(4) + y^2 + log(3)")]
    [InlineData("x*y - 1")]
    public void TriviallyDefinedInputHasNoConditions(string input)
    {
        Parser.ParseWithDomain(input, out var domain);
        Assert.Empty(domain);
    }

    [Fact]
    public void TheExpressionIsTheSameAsWithoutDomainCollection() =>
        Assert.Equal(Parser.Parse("sqrt(x)*sqrt(x) + 1/y"), Parser.ParseWithDomain("sqrt(x)*sqrt(x) + 1/y", out _));
}
