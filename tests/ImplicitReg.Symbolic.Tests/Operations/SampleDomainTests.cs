using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>Equal draws its witnesses from the domain a statement is made on, and refutes nothing outside it.</summary>
public sealed class SampleDomainTests
{
    [Fact]
    public void AbsEqualsItsArgumentOnThePositivesButNotOnTheReals()
    {
        var (a, b) = (Parser.Parse("abs(x)"), Parser.Parse("x"));
        var reals = Algebra.Equal(a, b, seed: 7);
        Assert.Equal(EqualityVerdict.NotEqual, reals.Verdict);
        Assert.True(reals.Witness!["x"] < 0); // negative control: the only witnesses are negative

        var positive = Algebra.Equal(a, b, seed: 7, SampleDomain.Reals.WithPositive("x"));
        Assert.Equal(EqualityVerdict.NumericallyEqual, positive.Verdict);
    }

    [Fact]
    public void AnIntegerSymbolIsDrawnFromItsRangeOnly()
    {
        // N^(1/N) differs from 1 at every N in 2..12: the witness must be an integer there, never N = -5 or 19/6.
        var r = Algebra.Equal(Parser.Parse("N^(1/N)*y"), Parser.Parse("y"), seed: 3,
            SampleDomain.Reals.WithIntegers("N", 2, 12).WithPositive("y"));
        Assert.Equal(EqualityVerdict.NotEqual, r.Verdict);
        var n = r.Witness!["N"];
        Assert.True(n.IsInteger && n >= 2 && n <= 12, $"N = {n}");
        Assert.True(r.Witness!["y"] > 0);
    }

    [Fact]
    public void ARationalFunctionVanishingOnTheWholeRangeIsNotRefutedThere()
    {
        var product = string.Join("*", Enumerable.Range(1, 4).Select(k => $"(N - {k})"));
        var onRange = Algebra.Equal(Parser.Parse(product), Parser.Parse("0"), seed: 1, SampleDomain.Reals.WithIntegers("N", 1, 4));
        Assert.Equal(EqualityVerdict.NumericallyEqual, onRange.Verdict);
        Assert.Contains("N in 1..4", onRange.Explanation);
        // Over the reals it is refuted, with an exact witness.
        Assert.Equal(EqualityVerdict.NotEqual, Algebra.Equal(Parser.Parse(product), Parser.Parse("0"), seed: 1).Verdict);
    }

    [Fact]
    public void ASideThatIsNotRealAnywhereInTheDomainIsADifferenceThere()
    {
        // sqrt(-x) is not real for x > 0, where sqrt(x) is: on that domain the two are refuted, with the real side's value.
        var r = Algebra.Equal(Parser.Parse("sqrt(x)"), Parser.Parse("sqrt(-x)*2"), seed: 5, SampleDomain.Reals.WithPositive("x"));
        Assert.Equal(EqualityVerdict.NotEqual, r.Verdict);
        Assert.True(r.Witness!["x"] > 0);
        Assert.NotNull(r.LeftValue);
        Assert.Null(r.RightValue);
        Assert.Contains("right side is not a real number", r.Explanation);
        // On the whole real line such points are skipped (an identity is meant where both sides are defined): only
        // x = 0 is left, where the two agree.
        Assert.NotEqual(EqualityVerdict.NotEqual, Algebra.Equal(Parser.Parse("sqrt(x)"), Parser.Parse("sqrt(-x)*2"), seed: 5).Verdict);
    }

    private static Rel Positive(string e) => new(RelOp.Gt, Parser.Parse(e), Expr.Zero);

    [Fact]
    public void AWitnessSatisfiesTheDomainsConditions()
    {
        // x + y and x differ wherever y != 0; on the domain x + y > 0 every witness must have x + y > 0.
        var domain = SampleDomain.Reals.WithCondition(Positive("x + y"));
        var outside = 0;
        for (int seed = 1; seed <= 20; seed++)
        {
            var r = Algebra.Equal(Parser.Parse("x + y"), Parser.Parse("x"), seed, domain);
            Assert.Equal(EqualityVerdict.NotEqual, r.Verdict);
            Assert.True(r.Witness!["x"] + r.Witness!["y"] > Rational.Zero, $"seed {seed}: x + y <= 0");
            var reals = Algebra.Equal(Parser.Parse("x + y"), Parser.Parse("x"), seed).Witness!;
            if (reals["x"] + reals["y"] <= Rational.Zero) outside++;
        }
        // Negative control: on the reals the same seeds give witnesses outside the condition.
        Assert.True(outside > 0);
    }

    [Fact]
    public void AConditionsSymbolsAreGivenAValueInTheWitness()
    {
        // The difference is in g only; the condition is on s0 and I, which the witness must then show satisfying it.
        var r = Algebra.Equal(Parser.Parse("g"), Parser.Parse("2*g"), seed: 4, SampleDomain.Reals.WithCondition(Positive("s0*(1 + I)")));
        Assert.Equal(EqualityVerdict.NotEqual, r.Verdict);
        Assert.True(r.Witness!["s0"] * (Rational.One + r.Witness!["I"]) > Rational.Zero);
    }

    [Fact]
    public void AConditionThatHoldsNowhereRefutesNothing()
    {
        // No point has x^2 + 1 < 0: nothing is compared, so the sides are not called different, and the reason says so.
        var r = Algebra.Equal(Parser.Parse("x + y"), Parser.Parse("x"), seed: 2, SampleDomain.Reals.WithCondition(new Rel(RelOp.Lt, Parser.Parse("x^2 + 1"), Expr.Zero)));
        Assert.Equal(EqualityVerdict.NumericallyEqual, r.Verdict);
        Assert.Contains("no point of the domain", r.Explanation);
    }

    [Fact]
    public void TheDomainReadsAsItsRestrictions()
    {
        Assert.Equal("", SampleDomain.Reals.ToString());
        Assert.True(SampleDomain.Reals.IsReals);
        Assert.Equal("N in 1..12, a > 0, sigma > 0", SampleDomain.Reals.WithPositive("sigma", "a").WithIntegers("N", 1, 12).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleDomain.Reals.WithIntegers("N", 3, 2));
        var conditioned = SampleDomain.Reals.WithPositive("s0").WithCondition(Positive("s0 + I"));
        Assert.False(conditioned.IsReals);
        Assert.Equal($"s0 > 0, {Positive("s0 + I")}", conditioned.ToString());
    }
}
