using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.Optimization;

public sealed class TraceCompletionTests
{
    private static ObservedEntries OffDiagonal(double[] v)
    {
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
                if (i != j) { rows.Add(i); columns.Add(j); values.Add(v[i] * v[j]); }
        return new ObservedEntries(v.Length, v.Length, rows, columns, values);
    }

    [Fact]
    public void OneOffDiagonalEntryGivesTraceTwo()
    {
        // X_12 = X_21 = 1, X PSD: d1 d2 >= 1, so d1 + d2 >= 2 with equality at d1 = d2 = 1.
        var result = TraceCompletion.Solve(new ObservedEntries(2, 2, [0, 1], [1, 0], [1.0, 1.0]));
        Assert.True(result.Converged, result.ToString());
        Assert.Equal(2.0, result.Optimum, 1e-4);
        Assert.Equal(1.0, result.Solution[0, 0], 1e-3);
        Assert.Equal(1.0, result.Solution[1, 1], 1e-3);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(2.0, 3.0, 3.0)]
    public void TheRankOneCompletionOfTheOffDiagonalIsTheMinimumTrace(double v1, double v2, double v3)
    {
        // Off-diagonal entries of v v^T observed. v v^T is feasible with trace |v|^2, and it is optimal: the unit-diagonal
        // PSD S with S v = 0 (for (2,3,3): off-diagonals -1/3, -1/3, -7/9; principal minors 8/9, 32/81, 0) gives the
        // dual point Y = I - S, of objective <b, Y> = -sum_{i!=j} v_i v_j S_ij = |v|^2 - v^T S v = |v|^2.
        double[] v = [v1, v2, v3];
        var result = TraceCompletion.Solve(OffDiagonal(v));
        Assert.True(result.Converged, result.ToString());
        var norm2 = v.Sum(t => t * t);
        Assert.Equal(norm2, result.Optimum, 1e-4 * norm2);
        var vv = Vector<double>.Build.DenseOfArray(v).OuterProduct(Vector<double>.Build.DenseOfArray(v));
        Assert.True((result.Solution - vv).FrobeniusNorm() < 1e-2 * norm2, result.Solution.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomThreeByThreeProblemsComeWithAFeasibleDualAndAPsdPrimal(int seed)
    {
        // A random PSD target of rank 1 with four observed entries (two symmetric pairs) as in Gunasekar's check.
        var random = new Random(seed);
        var g = Vector<double>.Build.Dense(3, _ => CompletionProblems.Gaussian(random));
        var target = g.OuterProduct(g);
        var observed = new ObservedEntries(3, 3, [0, 1, 0, 2], [1, 0, 2, 0], [target[0, 1], target[1, 0], target[0, 2], target[2, 0]]);
        var result = TraceCompletion.Solve(observed);
        Assert.True(result.Converged, result.ToString());
        var w = result.Solution;
        Assert.True(w.Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real) >= -1e-12, "the primal point is PSD by construction");
        var y = result.DualPoint;
        var slack = Matrix<double>.Build.DenseIdentity(3) - y;
        Assert.True(slack.Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real) >= -1e-12, "I - Y must be PSD");
        Assert.Equal(0.0, y[1, 2]);
        Assert.Equal(0.0, y[0, 0]);
        // The target is feasible, so the optimum is at most its trace (up to the gap).
        Assert.True(result.Optimum <= target.Trace() + 1e-4 * Math.Max(1, target.Trace()));
    }

    [Fact]
    public void ASolveStoppedEarlyIsRefused()
    {
        var result = TraceCompletion.Solve(OffDiagonal([2.0, 3.0, 3.0]), new ConvexTolerances { MaxIterations = 3, CheckEvery = 1 });
        Assert.Equal(ConvexSolveStatus.NotConverged, result.Status);
        Assert.Throws<NotConvergedException>(() => result.Optimum);
    }

    [Fact]
    public void AsymmetricObservationsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TraceCompletion.Solve(new ObservedEntries(2, 2, [0], [1], [1.0])));
        Assert.Contains("symmetric", e.Message);
    }
}
