using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

/// <summary>
/// The gcd's fast paths (a factor linear in one variable; arguments with different variables) must give the
/// gcd the primitive PRS gives, decide the cases they claim, and decline the others.
/// </summary>
public sealed class PolyGcdFastPathTests
{
    private static readonly VariableOrder Xyz = VariableOrder.Of("x", "y", "z");

    private static Poly P(string text) => PolyConversion.ToPoly(Parser.Parse(text), Xyz);

    [Theory]
    [InlineData("x + 1", 0)]
    [InlineData("x*y + 1", -1)]
    [InlineData("x^2 + y", 1)]
    [InlineData("x*y + z - 3", 2)]
    [InlineData("x^2 + y^2", -1)]
    [InlineData("3*x - y^2*z + 1/2", 0)]
    public void LinearVariableHasDegreeOneAndAConstantCoefficient(string text, int expected)
    {
        Assert.Equal(expected < 0 ? null : expected, PolyGcd.LinearVariable(P(text)));
    }

    [Theory]
    [InlineData("x^2 - 1", "x + 1", "x + 1")]
    [InlineData("x^2 + 1", "x + 1", "1")]
    [InlineData("(x + y)*(x - z)/3", "2*x + 2*y", "x + y")]
    [InlineData("x*y*z + y + 1", "y - z", "1")]
    [InlineData("(y^2 + z)*(x - y^2)", "x - y^2", "x - y^2")]
    [InlineData("(x - y)^3*(x + z)", "y - x", "x - y")]
    public void LinearFactorGcdIsTheGcd(string a, string b, string expected)
    {
        Assert.Equal(P(expected), PolyGcd.GcdWithIrreducibleLinear(P(a), P(b)));
        Assert.Equal(P(expected), PolyGcd.GcdWithIrreducibleLinear(P(b), P(a)));
        Assert.Equal(P(expected), PolyGcd.GcdByPrs(P(a), P(b)));
    }

    [Fact]
    public void LinearFastPathDeclinesWithoutALinearVariable()
    {
        Assert.Null(PolyGcd.GcdWithIrreducibleLinear(P("x^2 - y^2"), P("x^2 + x*y")));
    }

    [Fact]
    public void ModularTestNeverCallsADivisorANonDivisor()
    {
        var b = P("x - 2*y + z^2");
        var q = P("x^2*y - 3*z + 7/2");
        // b | b·q: the value on b = 0 is zero, so the test must not answer "does not divide".
        Assert.True(PolyGcd.VanishesOnZeroOf(b * q, b, 0));
        Assert.False(PolyGcd.ProvablyNotDivisible(b * q, b));
        // Negative control: b·q + 1 is not a multiple, and the point on b = 0 shows it.
        Assert.False(PolyGcd.VanishesOnZeroOf(b * q + Poly.One(Xyz), b, 0));
        Assert.True(PolyGcd.ProvablyNotDivisible(b * q + Poly.One(Xyz), b));
        // Without a linear variable the test decides nothing.
        Assert.False(PolyGcd.ProvablyNotDivisible(P("x^2 + 1"), P("x^2 + y^2")));
    }

    [Theory]
    [InlineData("(x^2 + 1)*(y + 1)", "x^2 + 1", "x^2 + 1")]
    [InlineData("(x^2 + 1)*(y + 1)", "x^2 + 2", "1")]
    [InlineData("y^2 + 1", "x^2 + 1", "1")]
    [InlineData("(x^2 + y^2)*(z^2 + 1)", "(x^2 + y^2)*(x^2 - 2)", "x^2 + y^2")]
    [InlineData("(x^2 + y^2)*z^2 + x^2 + y^2", "x^4 - y^4", "x^2 + y^2")]
    public void SharedVariableGcdIsTheGcd(string a, string b, string expected)
    {
        Assert.Equal(P(expected), PolyGcd.GcdOverSharedVariables(P(a), P(b)));
        Assert.Equal(P(expected), PolyGcd.GcdOverSharedVariables(P(b), P(a)));
        Assert.Equal(P(expected), PolyGcd.GcdByPrs(P(a), P(b)));
    }

    [Fact]
    public void SharedVariableFastPathDeclinesWhenTheVariablesAreTheSame()
    {
        Assert.Null(PolyGcd.GcdOverSharedVariables(P("x^2*y - 1"), P("x*y^2 + x")));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void FastPathsAgreeWithThePrsOnRandomPlantedLinearFactors(int seed)
    {
        var random = new RandomPolys(seed, Xyz);
        for (int round = 0; round < 8; round++)
        {
            // A linear factor in x (coefficient ±1 or 2), planted in one or both arguments.
            var linear = Poly.Monomial(Xyz, new Rational(round % 3 == 0 ? 2 : 1), 0, 1) + random.Next(maxTerms: 2, maxExponent: 1);
            var a = random.Next(maxTerms: 3, maxExponent: 2) * (round % 2 == 0 ? linear : Poly.One(Xyz));
            var message = $"seed {seed} round {round}: a = {a}, linear = {linear}";
            Assert.Equal(PolyGcd.GcdByPrs(a, linear), PolyGcd.Gcd(a, linear));
            var b = random.Next(maxTerms: 3, maxExponent: 2);
            Assert.True(PolyGcd.Gcd(a, b).Equals(PolyGcd.GcdByPrs(a, b)), message + $", b = {b}");
        }
    }

    [Fact]
    public void CoefficientsInSeveralVariablesRebuildThePolynomial()
    {
        var p = P("3*x^2*y*z + x^2*z - y*z^2 + 5*y + 2*z + 7");
        var outer = new[] { false, true, true };
        var parts = p.CoefficientsIn(outer);
        // Coefficients of y·z, z, z^2, y, 1 (first occurrence order), each a polynomial in x alone.
        Assert.Equal(new[] { P("3*x^2"), P("x^2 + 2"), P("-1"), P("5"), P("7") }, parts);
        Assert.All(parts, c => Assert.True(c.OccurringVariables().All(v => v == 0)));
    }
}
