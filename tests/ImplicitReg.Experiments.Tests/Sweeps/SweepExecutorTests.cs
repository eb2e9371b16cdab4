using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Experiments.Tests.Sweeps;

public sealed class SweepExecutorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweep-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A sweep of small but real runs: random 12×12 completions of depth 2 or 3, seeded per run.</summary>
    private static IReadOnlyList<SweepRun<int>> Plan() =>
        SweepPlan.Number(from depth in new[] { 2, 3 } from seed in Enumerable.Range(0, 4) select ($"d{depth}-seed{seed}", seed, depth));

    private static RunRecord Execute(SweepRun<int> run, CancellationToken cancel)
    {
        var random = new SeededRandom(run.Seed);
        var p = DmfProblem.RandomCompletion(12, 12, 2, 70, run.Spec, LossScale.Mse, random);
        var layers = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.1), random, out _);
        using var sim = new DmfSimulator(p.Loss, layers);
        var r = SimulationRunner.Run(sim, new GroupRmsprop(1e-2, 1e-4), new RunOptions { MaxSteps = 400, Cancel = cancel });
        return new RunRecord(run.Index, run.Id, run.Seed).Set("depth", run.Spec).Set("loss", r.FinalLoss).Set("w", sim.FlattenParameters().Take(5));
    }

    private static string Canonical(IEnumerable<RunRecord> records) =>
        string.Join("\n", records.Select(r => { r.Seconds = 0; return r.ToJson(); }));

    private string Run(string name, Shard shard, int jobs)
    {
        var dir = Path.Combine(_root, name);
        var runs = Plan();
        SweepStore.WriteManifest(dir, new SweepManifest("test", ["12x12"], runs.Count, shard));
        SweepExecutor.Execute(shard.Select(runs), Execute, jobs, r => SweepStore.WriteRecord(dir, r));
        return dir;
    }

    [Fact]
    public void SerialTwoWorkersAndThreeMergedShardsGiveIdenticalRecords()
    {
        var serial = SweepStore.Merge([Run("serial", Shard.All, 1)]).Records.Select(r => r.Record).ToList();
        var pooled = SweepStore.Merge([Run("pooled", Shard.All, 2)]).Records.Select(r => r.Record).ToList();
        var shards = Enumerable.Range(0, 3).Select(i => Run($"shard{i}", new Shard(i, 3), 2)).ToList();
        var (manifest, merged) = SweepStore.Merge(shards);
        Assert.Equal(8, serial.Count);
        Assert.Equal(Enumerable.Range(0, 8), merged.Select(m => m.Record.Index));
        Assert.True(manifest.Shard.IsAll);
        var expected = Canonical(serial);
        Assert.Equal(expected, Canonical(pooled));
        Assert.Equal(expected, Canonical(merged.Select(m => m.Record)));
        // Negative control: the runs differ from one another, so equality above is not vacuous.
        Assert.NotEqual(serial[0].Number("loss"), serial[1].Number("loss"));
    }

    [Fact]
    public void ResultsComeBackInSweepOrderWhateverFinishesFirst()
    {
        var runs = SweepPlan.Number(Enumerable.Range(0, 6).Select(i => ($"r{i}", i, i)));
        var records = SweepExecutor.Execute(runs, (run, _) =>
        {
            Thread.Sleep((6 - run.Index) * 20); // later runs finish first
            return new RunRecord(run.Index, run.Id, run.Seed).Set("value", run.Spec * 10.0);
        }, jobs: 3);
        Assert.Equal([0, 10, 20, 30, 40, 50], records.Select(r => r.Number("value")));
    }

    [Fact]
    public void AMissingShardIsReportedByItsRunIndices()
    {
        var dirs = new[] { Run("a0", new Shard(0, 3), 1), Run("a2", new Shard(2, 3), 1) };
        var e = Assert.Throws<InvalidDataException>(() => SweepStore.Merge(dirs));
        Assert.Contains("indices 1,4,7", e.Message);
    }

    [Fact]
    public void TheSameShardTwiceIsRefused()
    {
        var a = Run("b0", new Shard(0, 2), 1);
        var b = Run("b0-again", new Shard(0, 2), 1);
        var e = Assert.Throws<InvalidDataException>(() => SweepStore.Merge([a, b, Run("b1", new Shard(1, 2), 1)]));
        Assert.Contains("is in both", e.Message);
    }

    [Fact]
    public void ShardsOfDifferentSweepsAreRefused()
    {
        var a = Run("c0", new Shard(0, 2), 1);
        var other = Path.Combine(_root, "c1");
        SweepStore.WriteManifest(other, new SweepManifest("test", ["20x20"], 8, new Shard(1, 2)));
        var e = Assert.Throws<InvalidDataException>(() => SweepStore.Merge([a, other]));
        Assert.Contains("different sweeps", e.Message);
    }

    [Fact]
    public void AFailingRunIsReportedAndStopsTheSweep()
    {
        var runs = SweepPlan.Number(Enumerable.Range(0, 4).Select(i => ($"r{i}", i, i)));
        var e = Assert.Throws<AggregateException>(() => SweepExecutor.Execute<int>(runs, (run, _) =>
            run.Index == 1 ? throw new InvalidOperationException("boom") : new RunRecord(run.Index, run.Id, run.Seed), jobs: 2));
        Assert.Contains("boom", e.InnerExceptions[0].Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AnInterruptionDuringARunEndsTheSweepAsCancelledKeepingTheFinishedRuns(int jobs)
    {
        // Ctrl-C while run 2 is running: the run stops by throwing OperationCanceledException, as the simulators do.
        // That is an interruption (the verb's exit 130), not a failing run (an AggregateException, exit 70).
        using var cts = new CancellationTokenSource();
        var runs = SweepPlan.Number(Enumerable.Range(0, 6).Select(i => ($"r{i}", i, i)));
        var finished = new List<int>();
        Assert.ThrowsAny<OperationCanceledException>(() => SweepExecutor.Execute<int>(runs, (run, cancel) =>
        {
            if (run.Index == 2)
            {
                cts.Cancel();
                cancel.ThrowIfCancellationRequested();
            }
            return new RunRecord(run.Index, run.Id, run.Seed);
        }, jobs, r => { lock (finished) finished.Add(r.Index); }, cts.Token));
        Assert.DoesNotContain(2, finished);
        Assert.True(finished.Count < 6);
        // Negative control: the same exception without a request to stop is a failure of the run.
        Assert.Throws<AggregateException>(() => SweepExecutor.Execute<int>(runs, (run, _) =>
            run.Index == 2 ? throw new OperationCanceledException() : new RunRecord(run.Index, run.Id, run.Seed), jobs));
    }

    [Fact]
    public void RecordsRoundTripExactlyThroughTheirFiles()
    {
        var r = new RunRecord(3, "x", 7).Set("a", 0.1 + 0.2).Set("b", double.NaN).Set("c", double.NegativeInfinity)
            .Set("d", "text").Set("e", [Math.PI, 1e-300, -0.0]);
        r.Seconds = 1.5;
        var back = RunRecord.FromJson(r.ToJson(), "test");
        Assert.Equal(r.ToJson(), back.ToJson());
        Assert.Equal(0.1 + 0.2, back.Number("a"));
        Assert.True(double.IsNaN(back.Number("b")));
        Assert.Equal(1e-300, back.Numbers("e")[1]);
        Assert.Throws<InvalidDataException>(() => RunRecord.FromJson("{\"index\": 1}", "broken.json"));
    }
}
