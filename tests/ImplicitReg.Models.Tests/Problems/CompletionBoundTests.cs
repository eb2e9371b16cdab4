using ImplicitReg.Models.Problems;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Tests.Problems;

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
        Assert.True(At(CompletionBound.G(m), CompletionBound.Smallness).Sign > 0);
    }

    [Fact]
    public void TheChainsBookkeepingIsChecked()
    {
        var good = CompletionBound.Build(new CompletionInstance(3), CompletionBound.Smallness);
        good.Validate();
        var usesLater = good with { Steps = [good.Steps[^1], .. good.Steps] };
        Assert.Throws<InvalidOperationException>(usesLater.Validate);
        var wrongEnd = good with { Steps = good.Steps.Take(good.Steps.Count - 1).ToList() };
        Assert.Throws<InvalidOperationException>(wrongEnd.Validate);
    }

    [Fact]
    public void TheTheoremIsStatedInTheMatrixEntriesOnly()
    {
        var theorem = CompletionBound.Build(new CompletionInstance(3), CompletionBound.Smallness).Theorem;
        var names = Algebra.FreeSymbols(theorem).Select(s => s.Name).ToList();
        Assert.Equal(10, names.Count); // W[1,1]..W[3,3] and s
        Assert.All(names, n => Assert.True(n == "s" || n.StartsWith("W[", StringComparison.Ordinal), n));
    }
}
