using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>
/// Every differentiation rule against a hand-derived result (the comment on each row is the derivation),
/// compared structurally after canonicalisation and again at random points by central finite differences.
/// The last column says whether the function needs positive arguments (logs, roots, x^y, a pole at −1);
/// otherwise points are drawn from ±[0.5, 2], away from the kinks of abs and sign at 0.
/// </summary>
public sealed class DiffRuleTests
{
    private static readonly Sym X = new("x"), Y = new("y");

    public static TheoryData<string, string, string, bool> Rules => new()
    {
        { "7", "x", "0", false },                                          // c' = 0
        { "y", "x", "0", false },                                          // another symbol is a constant
        { "x", "x", "1", false },                                          // x' = 1
        { "x^2 + 3*x + 1", "x", "2*x + 3", false },                        // sum: term by term
        { "x*sin(x)", "x", "sin(x) + x*cos(x)", false },                   // product: u'v + uv'
        { "x^2*y", "y", "x^2", false },                                    // constant factor
        { "x/(x + 1)", "x", "1/(x + 1) - x/(x + 1)^2", true },             // quotient: (u'v − uv')/v² = 1/v − u v'/v²
        { "1/x", "x", "-1/x^2", false },                                   // (x⁻¹)' = −x⁻²
        { "x^5", "x", "5*x^4", false },                                    // power: n xⁿ⁻¹
        { "x^(-3)", "x", "-3/x^4", false },                                // negative integer exponent
        { "x^(3/2)", "x", "3/2*sqrt(x)", true },                           // rational exponent: (3/2) x^(1/2)
        { "x^(-1/3)", "x", "-1/3*x^(-4/3)", true },                        // negative rational exponent
        { "sqrt(x)", "x", "1/(2*sqrt(x))", true },                         // (x^(1/2))' = x^(−1/2)/2
        { "x^y", "x", "y*x^(y - 1)", true },                               // symbolic exponent, constant in x
        { "x^y", "y", "x^y*log(x)", true },                                // (b^v)' = b^v log b · v'
        { "2^x", "x", "2^x*log(2)", false },                               // constant base
        { "x^x", "x", "x^x*(log(x) + 1)", true },                          // b^v (v' log b + v b'/b)
        { "exp(x^2)", "x", "2*x*exp(x^2)", false },                        // chain through exp
        { "log(x^2 + 1)", "x", "2*x/(x^2 + 1)", false },                   // chain through log: u'/u
        { "abs(x^3)", "x", "3*x^2*sign(x^3)", false },                     // chain through abs: sign(u) u' (a.e.)
        { "abs(x)", "x", "sign(x)", false },                               // |x|' = sign x for x ≠ 0
        { "sign(x^2 - 1)", "x", "0", false },                              // sign' = 0 (a.e.)
        { "sin(2*x)", "x", "2*cos(2*x)", false },                          // chain through sin
        { "cos(x^2)", "x", "-2*x*sin(x^2)", false },                       // chain through cos
        { "sqrt(1 + x^2)", "x", "x/sqrt(1 + x^2)", false },                // chain through sqrt: u'/(2 sqrt u)
        { "sin(exp(cos(x)))", "x", "-sin(x)*exp(cos(x))*cos(exp(cos(x)))", false }, // nested chain
        { "exp(x)*log(x)", "x", "exp(x)*log(x) + exp(x)/x", true },        // product of transcendental factors
        { "W2[1,3]^2*W1[3,1]", "W2[1,3]", "2*W2[1,3]*W1[3,1]", false },    // indexed symbols are ordinary variables
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleGivesTheHandDerivedResult(string f, string variable, string derivative, bool positive)
    {
        _ = positive; // the domain matters only for the numeric check
        Assert.Equal(Parser.Parse(derivative), Algebra.Diff(Parser.Parse(f), new Sym(variable)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleAgreesWithFiniteDifferences(string f, string variable, string derivative, bool positive)
    {
        _ = derivative;
        const int seed = 4242;
        var e = Parser.Parse(f);
        var x = new Sym(variable);
        var d = Algebra.Diff(e, x);
        var random = new Random(seed);
        var names = Algebra.FreeSymbols(e).Select(s => s.Name).Append(variable).Distinct().ToList();
        for (int i = 0; i < 20; i++)
        {
            var point = DiffNumericCheck.RandomPoint(random, names, positive);
            if (DiffNumericCheck.Mismatch(e, x, d, point) is { } message) Assert.Fail($"seed {seed}, point {i}: {message}");
        }
    }

    [Theory]
    [InlineData("sin(x)", "-cos(x)")]            // wrong sign
    [InlineData("x^3", "3*x^3")]                 // exponent not lowered
    [InlineData("x*sin(x)", "x*cos(x)")]         // product rule missing u'v
    [InlineData("x^x", "x^x*log(x)")]            // missing v b'/b
    [InlineData("exp(x^2)", "exp(x^2)")]         // chain rule forgotten
    [InlineData("log(x)", "1/x + 1e-5")]         // off by a hair, still above the tolerance
    public void AWrongDerivativeFailsTheComparison(string f, string wrong)
    {
        var e = Parser.Parse(f);
        var random = new Random(99);
        int caught = 0;
        for (int i = 0; i < 10; i++)
            if (DiffNumericCheck.Mismatch(e, X, Parser.Parse(wrong), DiffNumericCheck.RandomPoint(random, ["x"], positive: true)) is not null)
                caught++;
        Assert.Equal(10, caught);
    }

    [Fact]
    public void HigherOrderDerivativesRepeatTheRule()
    {
        Assert.Equal(Parser.Parse("24*x"), Algebra.Diff(Parser.Parse("x^4"), X, 3));
        Assert.Equal(Parser.Parse("-sin(x)"), Algebra.Diff(Parser.Parse("sin(x)"), X, 2));
        Assert.Equal(Parser.Parse("exp(2*x)*16"), Algebra.Diff(Parser.Parse("exp(2*x)"), X, 4));
        Assert.Equal(Parser.Parse("x^3"), Algebra.Diff(Parser.Parse("x^3"), X, 0));
    }

    [Fact]
    public void MixedPartialsCommuteForSmoothFunctions()
    {
        var f = Parser.Parse("exp(x*y)*sin(x + y^2)");
        var xy = Algebra.Diff(Algebra.Diff(f, X), Y);
        var yx = Algebra.Diff(Algebra.Diff(f, Y), X);
        Assert.Equal(EqualityVerdict.ProvedEqual, Algebra.Equal(xy, yx).Verdict);
    }

    [Fact]
    public void AStatementCannotBeDifferentiated() =>
        Assert.Throws<SymbolicException>(() => Algebra.Diff(Parser.Parse("x < 1"), X));
}
