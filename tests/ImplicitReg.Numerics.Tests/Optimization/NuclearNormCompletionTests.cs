using System.Diagnostics;
using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;
using Xunit.Abstractions;

namespace ImplicitReg.Numerics.Tests.Optimization;

public sealed class NuclearNormCompletionTests(ITestOutputHelper output)
{
    [Fact]
    public void TheTwoByTwoCompletionHasMinimumNuclearNormTwoAtZero()
    {
        // W = [[x, 1], [1, 0]] has singular values with product 1 and sum sqrt(x^2 + 4): the minimum is 2 at x = 0.
        var result = NuclearNormCompletion.Solve(CompletionProblems.TwoByTwo(), delta: 0);
        Assert.True(result.Converged, result.ToString());
        Assert.Equal(2.0, result.Optimum, 1e-5);
        Assert.Equal(0.0, result.Solution[0, 0], 1e-3);
        Assert.True(result.Certificate.DualityGap <= 1e-6 * 2 + 1e-12, result.ToString());
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    public void WithABandTheTwoByTwoOptimumIsTwoMinusTwoDelta(double delta)
    {
        // Primal: [[0, 1-d], [1-d, 0]] is feasible with norm 2 - 2d. Dual: Y = [[0, 1], [1, 0]] on Omega has
        // spectral norm 1 and objective <b, Y> - d |Y|_1 = 2 - 2d. Equal values: both are optimal.
        var result = NuclearNormCompletion.Solve(CompletionProblems.TwoByTwo(), delta);
        Assert.True(result.Converged, result.ToString());
        Assert.Equal(2 - 2 * delta, result.Optimum, 1e-5);
    }

    [Fact]
    public void WeakDualityHoldsForRandomFeasiblePairs()
    {
        // The derived dual: max <b, Y> - delta |Y|_1 over Y on Omega with |Y|_2 <= 1. Any feasible W and any such Y
        // must satisfy dual(Y) <= |W|_*.
        var random = new Random(11);
        var target = CompletionProblems.LowRank(8, 6, 2, seed: 3);
        var observed = CompletionProblems.Observe(target, 20, seed: 4);
        const double delta = 0.05;
        for (int trial = 0; trial < 200; trial++)
        {
            var w = Matrix<double>.Build.Dense(8, 6, (_, _) => 3 * CompletionProblems.Gaussian(random));
            for (int k = 0; k < observed.Count; k++)
                w[observed.RowIndex[k], observed.ColumnIndex[k]] = observed.Values[k] + delta * (2 * random.NextDouble() - 1);
            var ym = Matrix<double>.Build.Dense(8, 6);
            for (int k = 0; k < observed.Count; k++) ym[observed.RowIndex[k], observed.ColumnIndex[k]] = CompletionProblems.Gaussian(random);
            ym /= CompletionProblems.Spectral(ym);
            var y = Enumerable.Range(0, observed.Count).Select(k => ym[observed.RowIndex[k], observed.ColumnIndex[k]]).ToArray();
            var dual = NuclearNormCompletion.DualObjective(observed, delta, y);
            Assert.True(dual <= CompletionProblems.Nuclear(w) + 1e-12, $"trial {trial}: dual {dual} above primal");
        }
    }

    [Fact]
    public void AWronglySignedBandTermWouldViolateWeakDuality()
    {
        // Negative control for the derivation: with + delta |Y|_1 the "dual" of the 2x2 problem with delta = 0.1
        // reaches 2.2 at Y = [[0,1],[1,0]], above the feasible primal [[0,0.9],[0.9,0]] of nuclear norm 1.8.
        var observed = CompletionProblems.TwoByTwo();
        double[] y = [1, 1, 0];
        var right = NuclearNormCompletion.DualObjective(observed, 0.1, y);
        var wrong = right + 2 * 0.1 * y.Sum(Math.Abs);
        var primal = CompletionProblems.Nuclear(Matrix<double>.Build.DenseOfArray(new[,] { { 0, 0.9 }, { 0.9, 0 } }));
        Assert.Equal(1.8, right, 12);
        Assert.Equal(1.8, primal, 12);
        Assert.True(wrong > primal + 0.1);
    }

    [Fact]
    public void TheDualPointIsFeasibleAndReproducesTheCertificate()
    {
        var target = CompletionProblems.LowRank(20, 15, 2, seed: 5);
        var observed = CompletionProblems.Observe(target, 120, seed: 6);
        var result = NuclearNormCompletion.Solve(observed, 1e-3);
        Assert.True(result.Converged, result.ToString());
        var y = result.DualPoint;
        Assert.True(CompletionProblems.Spectral(y) <= 1 + 1e-12, "the dual point must have spectral norm <= 1");
        var onOmega = new HashSet<(int, int)>(Enumerable.Range(0, observed.Count).Select(k => (observed.RowIndex[k], observed.ColumnIndex[k])));
        for (int i = 0; i < y.RowCount; i++)
            for (int j = 0; j < y.ColumnCount; j++)
                if (!onOmega.Contains((i, j))) Assert.Equal(0.0, y[i, j]);
        var values = Enumerable.Range(0, observed.Count).Select(k => y[observed.RowIndex[k], observed.ColumnIndex[k]]).ToArray();
        Assert.Equal(result.Certificate.DualObjective, NuclearNormCompletion.DualObjective(observed, 1e-3, values), 9);
        var w = result.Solution;
        for (int k = 0; k < observed.Count; k++)
            Assert.True(Math.Abs(w[observed.RowIndex[k], observed.ColumnIndex[k]] - observed.Values[k]) <= 1e-3 + 1e-15);
        Assert.Equal(result.Optimum, CompletionProblems.Nuclear(w), 9);
        Assert.True(result.Certificate.DualityGap >= 0 && result.Certificate.RelativeGap <= result.Tolerances.RelativeGap);
    }

    [Fact]
    public void ASolveStoppedEarlyIsRefusedWithItsResiduals()
    {
        var target = CompletionProblems.LowRank(30, 30, 3, seed: 7);
        var observed = CompletionProblems.Observe(target, 300, seed: 8);
        var result = NuclearNormCompletion.Solve(observed, 1e-3, new ConvexTolerances { MaxIterations = 5, CheckEvery = 1 });
        Assert.Equal(ConvexSolveStatus.NotConverged, result.Status);
        Assert.True(result.Certificate.RelativeGap > result.Tolerances.RelativeGap, result.ToString());
        var refusal = Assert.Throws<NotConvergedException>(() => result.Optimum);
        Assert.Contains("did not converge", refusal.Message);
        Assert.Contains("primal residual", refusal.Message);
        Assert.Throws<NotConvergedException>(() => result.Solution);
    }

    [Fact]
    public void BadInputIsRejectedWithThePlace()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(2, 2, [0, 2], [1, 0], [1.0, 1.0]));
        Assert.Contains("(2,0)", e.Message);
        Assert.Throws<ArgumentException>(() => new ObservedEntries(2, 2, [0, 0], [1, 1], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => NuclearNormCompletion.Solve(CompletionProblems.TwoByTwo(), -1));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(5000)]
    public void TheHundredByHundredBaselineConvergesWithACertificate(int count)
    {
        var target = CompletionProblems.LowRank(100, 100, 5, seed: 0);
        var observed = CompletionProblems.Observe(target, count, seed: 1);
        var clock = Stopwatch.StartNew();
        var result = NuclearNormCompletion.Solve(observed, 1e-3);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {result}");
        Assert.True(result.Converged, result.ToString());
        var w = result.Solution;
        var reconstruction = (w - target).FrobeniusNorm() / target.FrobeniusNorm();
        output.WriteLine($"relative reconstruction error {reconstruction:E3}, |W*|_* {CompletionProblems.Nuclear(target):G6}");
        // The target is feasible, so the optimum cannot exceed its nuclear norm.
        Assert.True(result.Optimum <= CompletionProblems.Nuclear(target) * (1 + 1e-6));
    }
}
