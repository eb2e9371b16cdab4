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
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void NoStepAsTheClaimFilesShowItIsATautology(int d)
    {
        // A prove check displayed as x = x proves nothing a reviewer can see (bound-d-expands and bound-p-expands were).
        var chain = CompletionBound.Build(new CompletionInstance(d), CompletionBound.Smallness);
        Assert.All(chain.Steps, step =>
        {
            var (_, claim) = chain.StepObligation(step);
            Assert.False(claim is Rel r && r.Left.Equals(r.Right), $"{step.Name} is shown as '{claim}'");
        });
    }

    [Fact]
    public void TheSplitsOfDAndPRelateTheNamedQuantitiesUnderTheirDefinitions()
    {
        var chain = CompletionBound.Build(new CompletionInstance(3), CompletionBound.Smallness);
        var (assume, claim) = chain.StepObligation(chain.Steps.Single(st => st.Name == "D_expands"));
        Assert.Equal("D = t1 - t2", claim.ToString());
        Assert.Equal(["D = W[2,2]*W[3,3] - W[2,3]*W[3,2]", "t1 = W[2,2]*W[3,3]", "t2 = W[2,3]*W[3,2]"], assume.Select(a => a.ToString()));
        Assert.True(HoldsUnder(claim, assume));
        Assert.False(HoldsUnder(Expr.Eq(new Sym("D"), Expr.Add(new Sym("t1"), new Sym("t2"))), assume)); // a wrong sign is caught
        var (pAssume, pClaim) = chain.StepObligation(chain.Steps.Single(st => st.Name == "P_expands"));
        Assert.StartsWith("P = ", pClaim.ToString(), StringComparison.Ordinal);
        Assert.Contains(pAssume, a => a.ToString().StartsWith("U = ", StringComparison.Ordinal));
        Assert.True(HoldsUnder(pClaim, pAssume));
    }

    // The claim with each "name = value" assumption substituted is a polynomial identity.
    private static bool HoldsUnder(Statement claim, IEnumerable<Statement> definitions)
    {
        var map = definitions.Cast<Rel>().ToDictionary(r => r.Left, r => r.Right);
        var r = (Rel)Algebra.Substitute(claim, map);
        return Algebra.Expand(Expr.Sub(r.Left, r.Right)).Equals(Expr.Zero);
    }

    [Fact]
    public void TheFourFactorProductsWithATargetOneFactorAndOnlyThoseCarryALemmaChain()
    {
        // d = 4: t7..t12, t14, t15, t18, t22, t23 (four factors, one or two of them with target 1); the all-target-0
        // products and the three-factor terms of the (1,1) minor are decided in one go and stay without lemmas.
        var four = CompletionBound.Build(new CompletionInstance(4), CompletionBound.Smallness);
        var withLemmas = four.Steps.Where(st => st.Lemmas is not null).ToDictionary(st => st.Name, st => st.Lemmas!.Count);
        Assert.Equal(["t7", "t8", "t9", "t10", "t11", "t12", "t14", "t15", "t18", "t22", "t23"],
            withLemmas.Keys.Select(n => n.Replace("_bounded", "", StringComparison.Ordinal)));
        // Two target-1 factors: zero product, two boxes, the product bound, two replacements; one: 1 + 1 + 1 + 1.
        Assert.Equal(6, withLemmas["t7_bounded"]);
        Assert.Equal(4, withLemmas["t12_bounded"]);
        Assert.All(four.Steps.Where(st => st.Lemmas is not null), st => Assert.Contains("l_small", st.Uses));
        Assert.DoesNotContain(CompletionBound.Build(new CompletionInstance(3), CompletionBound.Smallness).Steps, st => st.Lemmas is not null);
    }

    [Fact]
    public void EveryLemmaHoldsWhereverItsStepsAssumptionsDoAndIsTight()
    {
        // Exact rational points of the step's domain (seeded: reproducible), corners included (every residual at +-s),
        // where each lemma and the claim must hold; at the corner where every factor is largest the bound lemmas are
        // attained, so 99/100 of them fails there (the check would catch a lemma that is too strong).
        const int Seed = 20261127;
        var random = new Random(Seed);
        var m = new CompletionInstance(4);
        var chain = CompletionBound.Build(m, CompletionBound.Smallness);
        foreach (var step in chain.Steps.Where(st => st.Lemmas is not null))
        {
            var (assume, claim) = chain.StepObligation(step);
            var lemmas = chain.StepLemmas(step);
            var cells = Algebra.FreeSymbols(claim).Select(x => x.Name).Where(n => n != "s").ToList();
            for (var k = 0; k < 100; k++)
            {
                var point = new Dictionary<string, Rational> { ["s"] = new(random.Next(0, 200), 1000) };
                foreach (var c in cells)
                {
                    var u = random.Next(3) == 0 ? new Rational(random.Next(2) * 2 - 1) : new Rational(random.Next(-50, 51), 50);
                    point[c] = Target(m, c) + u * point["s"];
                }
                var where = $"{step.Name} at {string.Join(", ", point.Select(p => $"{p.Key} = {p.Value}"))} (seed {Seed})";
                Assert.True(assume.All(a => Holds(a, point)), $"the sample is outside the assumptions: {where}");
                foreach (var lemma in lemmas) Assert.True(Holds(lemma, point), $"lemma '{lemma}' fails: {where}");
                Assert.True(Holds(claim, point), $"the claim fails: {where}");
            }
            var s = new Rational(1, 7);
            var corner = cells.ToDictionary(c => c, c => Target(m, c) + s);
            corner["s"] = s;
            // The upper bound of each lemma (its last relation: x <= b of -b <= x <= b, o <= s + 1, the replacements).
            var upper = lemmas.Append(claim).Select(l => l is Logic and_ ? and_.Operands[^1] : l).Cast<Rel>().ToList();
            Assert.All(upper, r => Assert.True(Holds(r, corner) && !Holds(Expr.Le(r.Left, Expr.Scale(new Rational(99, 100), r.Right)), corner),
                $"{step.Name}: '{r}' is not attained at the corner"));
        }
    }

    [Fact]
    public void TheTargetOneFactorsAreNonnegativeOnlyBecauseSIsSmall()
    {
        // Negative control for the step's extra use of s < 1/5: at s = 2 a factor with target 1 may be 1 - s = -1,
        // inside its box but below 0, so the lemma 0 <= o is false there and the chain needs the smallness.
        var chain = CompletionBound.Build(new CompletionInstance(4), CompletionBound.Smallness);
        var step = chain.Steps.Single(st => st.Name == "t12_bounded");
        var box = chain.StepLemmas(step).Single(l => l.ToString() == "0 <= W[4,4] and W[4,4] <= s + 1");
        var point = new Dictionary<string, Rational> { ["s"] = 2, ["W[4,4]"] = -1 };
        Assert.False(Holds(box, point));
        Assert.True(Holds(Expr.And(Expr.Le(Expr.Neg(CompletionBound.S), Expr.Sub(CompletionInstance.Entry(4, 4), 1)),
            Expr.Le(Expr.Sub(CompletionInstance.Entry(4, 4), 1), CompletionBound.S)), point));
    }

    private static Rational Target(CompletionInstance m, string cell)
    {
        var ij = cell[2..^1].Split(',');
        return m.Target(int.Parse(ij[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(ij[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Exact truth of a statement of relations joined by and, at a rational point.</summary>
    private static bool Holds(Expr statement, Dictionary<string, Rational> point) => statement switch
    {
        Logic { Op: LogicOp.And } l => l.Operands.All(o => Holds(o, point)),
        Rel r => Algebra.Compare(r.Op, At(r.Left, point), At(r.Right, point)),
        _ => throw new ArgumentException($"'{statement}' is not a conjunction of relations", nameof(statement)),
    };

    private static Rational At(Expr e, Dictionary<string, Rational> point) => ((Num)Algebra.EvaluateExact(e, point)).Value;
}
