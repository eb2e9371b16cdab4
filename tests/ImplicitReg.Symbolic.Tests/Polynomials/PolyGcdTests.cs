using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

public sealed class PolyGcdTests
{
    private static readonly VariableOrder Xyz = VariableOrder.Of("x", "y", "z");

    private static Poly P(string text) => PolyConversion.ToPoly(Parser.Parse(text), Xyz);

    [Theory]
    [InlineData("x^2 - 1", "x^2 + 2*x + 1", "x + 1")]
    [InlineData("x^2 - y^2", "x^3 - y^3", "x - y")]
    [InlineData("6*x^2*y", "4*x*y^3", "x*y")]
    [InlineData("x + 1", "x + 2", "1")]
    [InlineData("(x + y)*(y + z)*(z + x)", "(x + y)^2*(x - z)", "x + y")]
    [InlineData("x^2/2 - 1/2", "3*x - 3", "x - 1")]
    [InlineData("0", "-2*x - 4", "x + 2")]
    [InlineData("x*y + x*z", "y^2 - z^2", "y + z")]
    public void GcdTable(string a, string b, string expected)
    {
        Assert.Equal(P(expected), PolyGcd.Gcd(P(a), P(b)));
        Assert.Equal(P(expected), PolyGcd.Gcd(P(b), P(a)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomProductsWithAPlantedCommonFactorRecoverIt(int seed)
    {
        var random = new RandomPolys(seed, Xyz);
        for (int round = 0; round < 6; round++)
        {
            var g = random.Next(maxTerms: 3, maxExponent: 2);
            var a = random.Next(maxTerms: 3, maxExponent: 2);
            var b = random.Next(maxTerms: 3, maxExponent: 2);
            var gcd = PolyGcd.Gcd(a * g, b * g);
            var message = $"seed {seed} round {round}: g = {g}, a = {a}, b = {b}, gcd = {gcd}";
            // gcd divides both products, and the planted factor divides the gcd.
            Assert.True(Poly.TryDivideExact(a * g, gcd) is not null, message);
            Assert.True(Poly.TryDivideExact(b * g, gcd) is not null, message);
            Assert.True(Poly.TryDivideExact(gcd, g) is not null, message);
            // Maximality: the cofactors have no common factor left.
            var ca = Poly.DivideExact(a * g, gcd);
            var cb = Poly.DivideExact(b * g, gcd);
            Assert.True(PolyGcd.Gcd(ca, cb).IsConstant, message);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void HeuristicAndPrsGcdAgreeOnRandomPlantedFactors(int seed)
    {
        // Gcd tries GCDHEU first; GcdByPrs never does: two independent algorithms must give the same gcd.
        var random = new RandomPolys(seed, Xyz);
        for (int round = 0; round < 4; round++)
        {
            var g = random.Next(maxTerms: 3, maxExponent: 2);
            var a = random.Next(maxTerms: 3, maxExponent: 2) * g;
            var b = random.Next(maxTerms: 3, maxExponent: 2) * g;
            Assert.True(PolyGcd.Gcd(a, b).Equals(PolyGcd.GcdByPrs(a, b)), $"seed {seed} round {round}: a = {a}, b = {b}");
        }
    }

    [Theory]
    [InlineData("x^2*y", "x^3*z + x*y^2", "x")]
    [InlineData("-3*x*y*z", "6*x^2*y^3*z", "x*y*z")]
    [InlineData("x*y*z", "x*y + y*z + x*z", "1")]
    [InlineData("x^5*y^4*z^3", "x^4*y^6*z^2 + 2*x^3*y^4*z^5", "x^3*y^4*z^2")]
    public void AMonomialsGcdIsItsSmallestCommonPower(string monomial, string other, string expected)
    {
        Assert.Equal(P(expected), PolyGcd.Gcd(P(monomial), P(other)));
        Assert.Equal(P(expected), PolyGcd.Gcd(P(other), P(monomial)));
        Assert.Equal(PolyGcd.GcdByPrs(P(monomial), P(other)), PolyGcd.Gcd(P(monomial), P(other)));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void TheMonomialShortcutAgreesWithThePrsGcd(int seed)
    {
        var random = new RandomPolys(seed, Xyz);
        for (int round = 0; round < 8; round++)
        {
            var m = random.Next(maxTerms: 1, maxExponent: 4);
            var g = random.Next(maxTerms: 1, maxExponent: 2);
            var p = random.Next(maxTerms: 4, maxExponent: 3) * g;
            if (m.IsZero || p.IsZero) continue;
            Assert.True(PolyGcd.Gcd(m * g, p).Equals(PolyGcd.GcdByPrs(m * g, p)), $"seed {seed} round {round}: m = {m * g}, p = {p}");
        }
    }

    [Fact]
    public void GcdOfLargeMultivariateProductsIsFound()
    {
        // 4 variables, degree 8-10: the plain PRS needs tens of seconds here; the heuristic answers at once.
        var vars = VariableOrder.Of("w", "x", "y", "z");
        Poly Q(string t) => PolyConversion.ToPoly(Parser.Parse(t), vars);
        var common = Q("(x^2 + y^2 + z^2 + w)^2");
        var a = common * Q("(x*y - z*w + 3)^2*(x^2 + y^2 + z^2 + w)");
        var b = common * Q("(x + w)^3");
        Assert.Equal(common, PolyGcd.Gcd(a, b));
    }

    [Fact]
    public void GcdIsNormalisedToAPrimitiveIntegerPolynomialWithPositiveLeadingCoefficient()
    {
        var g = PolyGcd.Gcd(P("-3*x^2/4 + 3/4"), P("-x/2 - 1/2"));
        Assert.Equal(P("x + 1"), g);
        Assert.True(g.LeadingCoefficient.Sign > 0);
    }

    [Fact]
    public void CoprimeRandomPolynomialsHaveGcdOne()
    {
        // Negative control of the planted-factor test: without a planted factor, generic pairs are coprime.
        var random = new RandomPolys(99, Xyz);
        int coprime = 0;
        for (int i = 0; i < 10; i++)
            if (PolyGcd.Gcd(random.Next(3, 2), random.Next(3, 2)).IsConstant) coprime++;
        Assert.True(coprime >= 8, $"only {coprime} of 10 random pairs were coprime (seed 99)");
    }

    [Fact]
    public void LcmIsTheProductOverTheGcd()
    {
        var a = P("x^2 - 1");
        var b = P("x^2 - 2*x + 1");
        Assert.Equal(P("x^3 - x^2 - x + 1"), PolyGcd.Lcm(a, b));
        Assert.Equal(Rational.One, PolyGcd.Lcm(a, b).LeadingCoefficient);
    }
}
