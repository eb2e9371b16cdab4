using ImplicitReg.Numerics.Optimization;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Numerics.Tests.Optimization;

public sealed class ExactLinearProgramTests
{
    private static Rational R(int p, int q = 1) => new(p, q);

    private static Rational[,] M(int[,] entries)
    {
        var m = new Rational[entries.GetLength(0), entries.GetLength(1)];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++) m[i, j] = entries[i, j];
        return m;
    }

    [Fact]
    public void TheMinimumL1SolutionOfOneEquationUsesTheCheapestColumn()
    {
        // x1 + 2 x2 = 3, x >= 0: the sum is smallest with all weight on x2 (3/2); the dual y = 1/2 certifies it.
        var result = ExactLinearProgram.MinimumL1NonNegative(M(new[,] { { 1, 2 } }), [R(3)]);
        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.Equal(R(3, 2), result.Value);
        Assert.Equal([R(0), R(3, 2)], result.Solution);
        Assert.Equal([R(1, 2)], result.Dual);
    }

    [Fact]
    public void TheTextbookProductionProblemHasOptimum36At2And6()
    {
        // max 3x1 + 5x2 s.t. x1 <= 4, 2x2 <= 12, 3x1 + 2x2 <= 18 (Hillier & Lieberman), with slacks.
        var a = M(new[,] { { 1, 0, 1, 0, 0 }, { 0, 2, 0, 1, 0 }, { 3, 2, 0, 0, 1 } });
        var result = ExactLinearProgram.Minimize(a, [R(4), R(12), R(18)], [R(-3), R(-5), R(0), R(0), R(0)]);
        Assert.Equal(R(-36), result.Value);
        Assert.Equal(R(2), result.Solution[0]);
        Assert.Equal(R(6), result.Solution[1]);
    }

    [Fact]
    public void BealesCyclingExampleTerminatesAtMinusFiveQuarters()
    {
        // Beale (1955): the textbook rule cycles on this degenerate problem; Bland's rule must not.
        var a = new Rational[,]
        {
            { 1, 0, 0, R(1, 4), -8, -1, 9 },
            { 0, 1, 0, R(1, 2), -12, R(-1, 2), 3 },
            { 0, 0, 1, 0, 0, 1, 0 },
        };
        var result = ExactLinearProgram.Minimize(a, [R(0), R(0), R(1)], [R(0), R(0), R(0), R(-3, 4), R(20), R(-1, 2), R(6)]);
        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.Equal(R(-5, 4), result.Value);
    }

    [Fact]
    public void NegativeRightHandSidesAndRedundantRowsAreHandled()
    {
        // -x1 - x2 = -2 twice (one redundant) and x1 - x2 = 0: x = (1, 1), sum 2.
        var a = M(new[,] { { -1, -1 }, { -1, -1 }, { 1, -1 } });
        var result = ExactLinearProgram.MinimumL1NonNegative(a, [R(-2), R(-2), R(0)]);
        Assert.Equal(R(2), result.Value);
        Assert.Equal([R(1), R(1)], result.Solution);
        result.Verify();
    }

    [Fact]
    public void AnInfeasibleProgramComesWithAFarkasVectorAndNoValue()
    {
        var result = ExactLinearProgram.MinimumL1NonNegative(M(new[,] { { 1, 1 } }), [R(-1)]);
        Assert.Equal(LinearProgramStatus.Infeasible, result.Status);
        Assert.True(result.Dual[0].Sign < 0, "y = -1 (times a positive number): A^T y <= 0 and b^T y > 0");
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void AnUnboundedProgramComesWithAnImprovingRay()
    {
        // min -x1 s.t. x1 - x2 = 1: x1 grows along d = (1, 1).
        var result = ExactLinearProgram.Minimize(M(new[,] { { 1, -1 } }), [R(1)], [R(-1), R(0)]);
        Assert.Equal(LinearProgramStatus.Unbounded, result.Status);
        Assert.Equal([R(1), R(1)], result.Ray);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheOptimumEqualsTheBestVertexFoundByEnumeration(int seed)
    {
        // Random 3x7 integer A and y = A x* for a sparse x* >= 0. The optimum of an LP in standard form is at a basic
        // feasible solution, so enumerating every 3-column basis (solved exactly) gives the same minimum.
        var random = new Random(seed);
        var a = new Rational[3, 7];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 7; j++) a[i, j] = random.Next(-3, 6);
        var xStar = Enumerable.Repeat(Rational.Zero, 7).ToArray();
        xStar[random.Next(7)] = random.Next(1, 4);
        xStar[random.Next(7)] += random.Next(1, 4);
        var y = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 7).Aggregate(Rational.Zero, (s, j) => s + a[i, j] * xStar[j])).ToArray();
        var result = ExactLinearProgram.MinimumL1NonNegative(a, y);
        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.True(result.Value <= xStar.Aggregate(Rational.Zero, (s, v) => s + v), "x* is feasible, so the optimum is at most its sum");
        Assert.Equal(BestVertex(a, y), result.Value);
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ExactLinearProgram.MinimumL1NonNegative(M(new[,] { { 1, 2 } }), [R(1), R(2)]));
        Assert.Contains("right-hand side has 2 entries", e.Message);
    }

    private static Rational BestVertex(Rational[,] a, Rational[] y)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        Rational? best = null;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var columns = Enumerable.Range(0, n).Where(j => (mask >> j & 1) == 1).ToArray();
            if (columns.Length != m) continue;
            var x = SolveSquare(a, columns, y);
            if (x is null || x.Any(v => v.Sign < 0)) continue;
            var sum = x.Aggregate(Rational.Zero, (s, v) => s + v);
            if (best is null || sum < best.Value) best = sum;
        }
        return best ?? throw new InvalidOperationException("no basic feasible solution");
    }

    private static Rational[]? SolveSquare(Rational[,] a, int[] columns, Rational[] y)
    {
        int m = columns.Length;
        var t = new Rational[m, m + 1];
        for (int i = 0; i < m; i++) { for (int k = 0; k < m; k++) t[i, k] = a[i, columns[k]]; t[i, m] = y[i]; }
        for (int k = 0; k < m; k++)
        {
            int p = Enumerable.Range(k, m - k).FirstOrDefault(i => !t[i, k].IsZero, -1);
            if (p < 0) return null;
            for (int j = 0; j <= m; j++) (t[k, j], t[p, j]) = (t[p, j], t[k, j]);
            for (int i = 0; i < m; i++)
            {
                if (i == k || t[i, k].IsZero) continue;
                var f = t[i, k] / t[k, k];
                for (int j = k; j <= m; j++) t[i, j] -= f * t[k, j];
            }
        }
        return Enumerable.Range(0, m).Select(i => t[i, m] / t[i, i]).ToArray();
    }
}
