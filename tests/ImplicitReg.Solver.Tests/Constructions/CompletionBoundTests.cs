using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Constructions;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Constructions;

public sealed class CompletionBoundTests
{
    private static Rational At(Expr e, Rational s) =>
        ((Num)Algebra.EvaluateExact(e, new Dictionary<string, Rational> { ["s"] = s })).Value;

    [Fact]
    public void ForTwoByTwoTheBoundIsM6s()
    {
        // |W11| * s > (1 - s)^2, i.e. |W11| > (1 - sqrt(2l))^2 / sqrt(2l).
        var m = new CompletionInstance(2);
        foreach (var s in new[] { new Rational(1, 10), new Rational(1, 3) })
        {
            Assert.Equal((1 - s) * (1 - s), At(CompletionBound.G(m), s));
            Assert.Equal(s, At(CompletionBound.H(m), s));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void TheBoundPolynomialsAreTheDerivedOnes(int d)
    {
        // Expanded forms, as derived in docs/solver.md: d = 3: G = 1 - 3s + s^2 - 4s^3, H = s + 2s^2;
        // d = 4: G = 1 - 4s + s^2 - 20s^3 - 16s^4, H = s + 4s^2 + 6s^3.
        var m = new CompletionInstance(d);
        Func<Rational, Rational> gExpected = d == 3 ? s => 1 - 3 * s + s * s - 4 * s * s * s : s => 1 - 4 * s + s * s - 20 * s * s * s - 16 * s * s * s * s;
        Func<Rational, Rational> hExpected = d == 3 ? s => s + 2 * s * s : s => s + 4 * s * s + 6 * s * s * s;
        foreach (var s in new[] { new Rational(1, 7), new Rational(1, 5), new Rational(2) })
        {
            Assert.Equal(gExpected(s), At(CompletionBound.G(m), s));
            Assert.Equal(hExpected(s), At(CompletionBound.H(m), s));
        }
        // The bound says something (G > 0) exactly while s is small: G(1/5) > 0 for d = 3 and 4.
        Assert.True(At(CompletionBound.G(m), M6Catalogue.Smallness).Sign > 0);
    }

    [Fact]
    public void TheDerivationsBookkeepingIsChecked()
    {
        var good = CompletionBound.Build(new CompletionInstance(3), M6Catalogue.Smallness);
        good.Validate();
        var usesLater = good with { Steps = [good.Steps[^1], .. good.Steps] };
        Assert.Throws<InvalidOperationException>(usesLater.Validate);
        var wrongEnd = good with { Steps = good.Steps.Take(good.Steps.Count - 1).ToList() };
        Assert.Throws<InvalidOperationException>(wrongEnd.Validate);
    }

    [Fact]
    public void TheTheoremIsStatedInTheMatrixEntriesOnly()
    {
        var theorem = CompletionBound.Build(new CompletionInstance(3), M6Catalogue.Smallness).Theorem;
        var names = Algebra.FreeSymbols(theorem).Select(s => s.Name).ToList();
        Assert.Equal(10, names.Count); // W[1,1]..W[3,3] and s
        Assert.All(names, n => Assert.True(n == "s" || n.StartsWith("W[", StringComparison.Ordinal), n));
    }

    [RequiresZ3Fact]
    public void ADerivationWithAFalseStepIsNotProved()
    {
        // With s up to 3 instead of 1/5, U = W12*W21 >= (1 - s)^2 is false (s = 2, W12 = -1, W21 = 3: U = -3 < 1):
        // the chain stops at that step, refuted, and the theorem is not claimed.
        var broken = CompletionBound.Build(new CompletionInstance(2), new Rational(3));
        var r = DerivationCheck.Run(broken, new Prover(new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromSeconds(10) }));
        Assert.Equal(VerdictKind.Unknown, r.Kind);
        Assert.Equal("U_at_least", r.Steps[^1].Step.Name);
        Assert.Equal(VerdictKind.Refuted, r.Steps[^1].Verdict.Kind);
        Assert.Contains("U_at_least", r.Reason);
    }
}
