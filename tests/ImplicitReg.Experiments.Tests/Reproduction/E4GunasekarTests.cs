using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Numerics.Optimization;
using ImplicitReg.Symbolic.Numbers;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>
/// E4: problems whose answers are known by hand are matched, deliberately wrong comparisons are caught, and the
/// quick sweep is the same whatever the workers and shards.
/// </summary>
public sealed class E4GunasekarTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("e4-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly Matrix<double> Ones = Matrix<double>.Build.Dense(3, 3, 1.0);

    /// <summary>Pattern 11,12,13,23 (entries 0, 1, 2, 4) of the all-ones matrix J.</summary>
    private static E4PsdCompletion OnesProblem() => new([0, 1, 2, 4], Ones);

    private static Matrix<double> FlowLimit(E4PsdCompletion p, double alpha)
    {
        var u0 = new double[9];
        u0[0] = u0[4] = u0[8] = alpha;
        var r = E4Flow.Run(p.Flow(), u0, u => p.Loss(E4PsdCompletion.Product(u)), E4Gunasekar.StopLoss, E4Gunasekar.MaxTime,
            E4Gunasekar.DefaultMaxSteps, 1e-10 * alpha, null, CancellationToken.None);
        Assert.True(r.Converged, r.Message);
        return E4PsdCompletion.Product(r.State);
    }

    [Fact]
    public void ThereAreFifteenPatternsOfFourDistinctEntries()
    {
        Assert.Equal(15, E4PsdCompletion.Patterns.Count);
        Assert.Equal(15, E4PsdCompletion.Patterns.Select(E4PsdCompletion.Name).Distinct().Count());
        Assert.All(E4PsdCompletion.Patterns, p => Assert.Equal(4, p.Distinct().Count()));
        // Exactly three patterns observe the whole diagonal (entries 11, 22, 33 plus one of the three off-diagonal ones).
        Assert.Equal(3, E4PsdCompletion.Patterns.Count(p => new E4PsdCompletion(p, Ones).DiagonalObserved));
    }

    [Fact]
    public void TheMinimumTraceCompletionOfTheOnesPatternIsTheOnesMatrix()
    {
        // By hand: X22 >= X12^2 / X11 = 1 and X33 >= X13^2 / X11 = 1, so tr X >= 3, attained only at X22 = X33 = 1, where
        // X23 = 1 makes X = J (PSD, rank 1). The certified solve and its uniqueness test must say exactly that.
        var baseline = E4PsdBaseline.For(OnesProblem());
        Assert.True(baseline.Converged, baseline.Reason);
        Assert.Equal("unique", baseline.Class);
        Assert.Equal(3.0, baseline.Solve.Optimum, 6);
        Assert.True((baseline.Solve.Solution - Ones).FrobeniusNorm() < 1e-5);
    }

    [Fact]
    public void TheFactorLossIsTheLossOfUUTransposed()
    {
        // The flow's stopping event uses FactorLoss: it must be ½Σ_k((UUᵀ)_ij − b_k)² for any U, not only at a solution.
        var p = OnesProblem();
        double[] u = [0.3, -1.2, 0.7, 2.0, 0.1, -0.4, 0.9, 1.1, -0.6];
        Assert.Equal(p.Loss(E4PsdCompletion.Product(u)), p.FactorLoss(u), 14);
        // Negative controls: a factor of J has loss 0, and a factor of 2J, whose four observed entries are off by 1, has loss 2.
        double[] ones = [1, 0, 0, 1, 0, 0, 1, 0, 0];
        Assert.Equal(0, p.FactorLoss(ones), 15);
        Assert.Equal(2, p.FactorLoss(ones.Select(x => x * Math.Sqrt(2)).ToArray()), 12);
    }

    [Fact]
    public void TheFlowFromASmallInitializationReachesTheOnesMatrix()
    {
        // Both starts end within the loss tolerance's reach of J (loss 1e-10: residuals ~1e-5), far inside the match tolerance.
        var p = OnesProblem();
        foreach (var alpha in new[] { 1e-2, 1e-4 })
        {
            var d = E4Runs.Distance(FlowLimit(p, alpha), Ones);
            Assert.True(d <= 1e-4, $"alpha {alpha}: distance {d}");
        }
    }

    [Fact]
    public void ANonMinimalCompletionAndALargeInitializationAreCaughtAsMismatches()
    {
        var p = OnesProblem();
        // A feasible completion with trace 5: the flow's limit is far from it.
        var notMinimal = Ones + Matrix<double>.Build.DenseDiagonal(3, 3, i => i == 0 ? 0 : 1);
        Assert.Equal(0, p.Loss(notMinimal), 12);
        Assert.True(E4Runs.Distance(FlowLimit(p, 1e-4), notMinimal) > E4Summary.MatchTolerance);
        // U(0) = I is no small initialization: the flow stops at another completion, with a larger trace.
        var large = FlowLimit(p, 1.0);
        Assert.True(E4Runs.Distance(large, Ones) > E4Summary.MatchTolerance, $"distance {E4Runs.Distance(large, Ones)}");
        Assert.True(large.Trace() > 3 + 1e-3);
    }

    [Fact]
    public void EveryDiagonalObservedIsTrivialAndAFlatFaceIsNotUnique()
    {
        // 11,12,22,33: the trace is fixed by the data.
        Assert.Equal("trivial", E4PsdBaseline.For(new E4PsdCompletion([0, 1, 3, 5], Ones)).Class);
        // 11,12,13,22 of diag(1, 1, 0) + ... : observe X11 = 1, X12 = 0, X13 = 0, X22 = 1; X33 = 0 and X23 = 0 at the minimum,
        // unique. Pattern 12,13,23,33 of the identity: X12 = X13 = X23 = 0, X33 = 1; the minimum sets X11 = X22 = 0.
        var identity = Matrix<double>.Build.DenseIdentity(3);
        var b = E4PsdBaseline.For(new E4PsdCompletion([1, 2, 4, 5], identity));
        Assert.Equal("unique", b.Class);
        Assert.Equal(1.0, b.Solve.Optimum, 6);
    }

    [Fact]
    public void TheMinimumL1SolutionIsExactAndTheFlowFindsItForSmallAlphaOnly()
    {
        // x1 + 2 x2 = 2, x >= 0: minimum of x1 + x2 at x = (0, 1), unique; x* = (2, 0) is feasible but not minimal.
        var p = new E4NonNegative(new Rational[,] { { 1, 2 } }, [2, 0]);
        var (lp, unique) = p.MinimumL1();
        Assert.Equal(LinearProgramStatus.Optimal, lp.Status);
        Assert.True(unique);
        Assert.Equal(Rational.One, lp.Value);
        double[] best = [0, 1];
        double Limit(double alpha)
        {
            var r = E4Flow.Run(p.Flow(), [Math.Log(alpha), Math.Log(alpha)], p.Loss, E4Gunasekar.StopLoss, E4Gunasekar.MaxTime,
                E4Gunasekar.DefaultMaxSteps, 1e-10, null, CancellationToken.None);
            Assert.True(r.Converged, r.Message);
            return E4Runs.L1Distance(E4NonNegative.X(r.State), best);
        }
        var small = Limit(1e-8);
        Assert.True(small <= E4Summary.UuTolerance, $"distance {small}");
        Assert.True(Limit(1.0) > E4Summary.UuTolerance);       // negative control: a large start keeps x1 away from 0
        Assert.True(E4Runs.L1Distance([2, 0], best) > 1);       // and x* itself is no minimum-l1 solution
        // A tie (x1 + x2 = 2) is detected as not unique.
        Assert.False(new E4NonNegative(new Rational[,] { { 1, 1 } }, [2, 0]).MinimumL1().Unique);
    }

    private string Execute(ReproductionOptions options, string name, Shard shard, int jobs) =>
        ReproductionRuns.Execute(_root, "e4", options, name, shard, jobs);

    private static string WithoutTimes(string dir) => ReproductionRuns.WithoutTimes(dir);

    [Fact]
    public void QuickE4IsTheSameWithOneOrTwoWorkersAndInShards()
    {
        var options = new ReproductionOptions { Quick = true };
        var whole = Execute(options, "whole", Shard.All, 2);
        var result = Reproducer.Summarise([whole], whole, SummaryOutline.Of);
        var (summary, text) = (result.Summary, result.Text);
        var shards = Enumerable.Range(0, 3).Select(i => Execute(options, $"shard{i}", new Shard(i, 3), 1)).ToList();
        var merged = Path.Combine(_root, "merged");
        Reproducer.Summarise(shards, merged, SummaryOutline.Of);
        Assert.Equal(WithoutTimes(whole), WithoutTimes(merged));
        Assert.Equal(2, summary.Claims.Count);
        Assert.Contains("PSD 3x3 completions: 30 problems", text);
        Assert.Contains("pattern | problems | unique | matched | largest distance", text);
        Assert.All(summary.Parts.OfType<SummaryTable>(), t => Assert.All(t.Rows, r => Assert.Equal(t.Columns.Count, r.Count)));
        var json = File.ReadAllText(Path.Combine(whole, Reproducer.ResultsFile));
        foreach (var field in new[] { "\"pattern\"", "\"seed\"", "\"alpha\"", "\"steps\"", "\"loss\"", "\"distance\"", "\"traceFlow\"", "\"minTrace\"", "\"certificate\"", "\"minL1\"" })
            Assert.Contains(field, json);
        Assert.Equal(31, Directory.GetFiles(Path.Combine(whole, SweepStore.RunsFolder), "*.csv").Length);
    }

    /// <summary>A PSD record as a run writes it, with the fields the summary reads.</summary>
    private static RunRecord PsdRecord(int index, double distance, double traceFlow, double minTrace = 3) =>
        new RunRecord(index, $"psd-test-{index}", 0)
            .Set("kind", "psd").Set("pattern", "11,12,13,23").Set("rank", 2).Set("baselineStatus", "converged").Set("class", "unique")
            .Set("classReason", "test").Set("minTrace", minTrace).Set("relativeGap", 1e-10)
            .Set("converged", E4Gunasekar.PsdAlphas.Select(_ => 1.0)).Set("distance", E4Gunasekar.PsdAlphas.Select(_ => distance))
            .Set("traceFlow", E4Gunasekar.PsdAlphas.Select(_ => traceFlow));

    [Fact]
    public void TheConjectureVerdictFollowsDistanceAndTraceExcess()
    {
        Support Verdict(params RunRecord[] records) => E4Summary.Summarise(records).Claims.Single().Support;
        Assert.Equal(Support.Supported, Verdict(PsdRecord(0, 1e-4, 3), PsdRecord(1, 5e-3, 3)));
        // Far away with a clearly larger trace: the limit is no minimum-trace completion.
        Assert.Equal(Support.NotSupported, Verdict(PsdRecord(0, 1e-4, 3), PsdRecord(1, 0.2, 3.3)));
        // Far away at (nearly) the minimum trace: a near tie decides nothing.
        Assert.Equal(Support.Undecided, Verdict(PsdRecord(0, 1e-4, 3), PsdRecord(1, 0.2, 3.0001)));
    }

    [Fact]
    public void TheDistanceTableTakesTheMedianOfRunMedianTheMeanOfTheTwoMiddleOnesForAnEvenCount()
    {
        // Four unique problems with distances 1e-4, 2e-4, 6e-4, 1e-3: the median is (2e-4 + 6e-4)/2 = 4e-4, not the
        // upper middle value 6e-4 the table used to print, and the maximum is 1e-3.
        var summary = E4Summary.Summarise([PsdRecord(0, 1e-3, 3), PsdRecord(1, 2e-4, 3), PsdRecord(2, 6e-4, 3), PsdRecord(3, 1e-4, 3)]);
        var table = summary.Parts.OfType<SummaryTable>().First(t => t.Columns[1] == "median");
        Assert.All(table.Rows, row => Assert.Equal(("4.000E-4", "1.000E-3"), (row[1], row[2])));
        // Negative control: with an odd count the middle value itself.
        var odd = E4Summary.Summarise([PsdRecord(0, 1e-3, 3), PsdRecord(1, 2e-4, 3), PsdRecord(2, 6e-4, 3)]);
        Assert.All(odd.Parts.OfType<SummaryTable>().First(t => t.Columns[1] == "median").Rows, row => Assert.Equal("6.000E-4", row[1]));
    }

    [Fact]
    public void SelectorsThatE4DoesNotHaveAreRefused()
    {
        Assert.Contains("--depths", Assert.Throws<ArgumentException>(() => Reproducer.Find("e4").Plan(new ReproductionOptions { Depths = [2] })).Message);
        Assert.Contains("--no-baseline", Assert.Throws<ArgumentException>(() => Reproducer.Find("e4").Plan(new ReproductionOptions { NoBaseline = true })).Message);
        Assert.Equal(15 * 2 * 10 + 10, Reproducer.Find("e4").Plan(new ReproductionOptions()).RunCount);
    }
}
