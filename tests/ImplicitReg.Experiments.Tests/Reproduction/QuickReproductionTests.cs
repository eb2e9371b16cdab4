using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>The quick versions run end to end (this is what CI runs), and sharding never changes a number.</summary>
public sealed class QuickReproductionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("repro-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string WithoutTimes(string dir) => ReproductionRuns.WithoutTimes(dir);

    private string Execute(string experiment, ReproductionOptions options, string name, Shard shard, int jobs) =>
        ReproductionRuns.Execute(_root, experiment, options, name, shard, jobs);

    [Fact]
    public void QuickE1ShowsDepthHelpingAtFewObservationsAndShardsMergeToTheSameResults()
    {
        var options = new ReproductionOptions { Quick = true };
        var whole = Execute("e1", options, "e1-whole", Shard.All, 2);
        var result = Reproducer.Summarise([whole], whole, SummaryOutline.Of);
        var (summary, text) = (result.Summary, result.Text);
        var shards = Enumerable.Range(0, 3).Select(i => Execute("e1", options, $"e1-shard{i}", new Shard(i, 3), 1)).ToList();
        var merged = Path.Combine(_root, "e1-merged");
        Reproducer.Summarise(shards, merged, SummaryOutline.Of);
        Assert.Equal(WithoutTimes(whole), WithoutTimes(merged));
        Assert.Equal(Support.Supported, summary.Claims[0].Support);
        Assert.Contains("depth 3", text);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, Reproducer.SummaryFile)), text);
        // The result carries what was written, so the report page needs no second read or summary.
        Assert.Equal(File.ReadAllText(Path.Combine(whole, Reproducer.ResultsFile)), result.ResultsJson);
        Assert.Equal((whole, "e1"), (result.Directory, result.Experiment.Name));
        Assert.Equal(Enumerable.Range(0, result.Manifest.RunCount), result.Records.Select(r => r.Index));
        Assert.True(result.Manifest.Shard.IsAll);
        var table = summary.Parts.OfType<SummaryTable>().First();
        Assert.Equal(["observed", "scale", "depth 2", "depth 3"], table.Columns);
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Count));
        var json = File.ReadAllText(Path.Combine(whole, Reproducer.ResultsFile));
        foreach (var field in new[] { "\"depth\"", "\"observed\"", "\"scale\"", "\"seed\"", "\"steps\"", "\"loss\"", "\"reconstruction\"", "\"nuclearNorm\"" })
            Assert.Contains(field, json);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(whole, SweepStore.RunsFolder), "*.csv").Length);
    }

    [Fact]
    public void QuickE2ChecksTheBoundAndFlagsSignChanges()
    {
        var dir = Execute("e2", new ReproductionOptions { Quick = true, Depths = [2] }, "e2", Shard.All, 2);
        var result = Reproducer.Summarise([dir], dir, SummaryOutline.Of);
        var (summary, text) = (result.Summary, result.Text);
        var bound = summary.Claims.Single(c => c.Claim.Contains("M6 bound"));
        Assert.NotEqual(Support.NotSupported, bound.Support);
        Assert.Contains("sign changes", text);
        var runs = summary.Parts.OfType<SummaryTable>().Single();
        Assert.Equal(2, runs.Rows.Count);
        Assert.All(runs.Rows, r => Assert.Equal(runs.Columns.Count, r.Count));
    }

    [Fact]
    public void TheM6BoundIsTightWhereItShouldBe()
    {
        // W = [[x, 1], [1, 0]] + perturbation: at l = 1/8, sqrt(2l) = 1/2, bound = (1/2)^2/(1/2) = 1/2.
        Assert.Equal(0.5, E2TwoByTwo.Bound(0.125), 15);
        // At l = 1/2 the bound is 0 (no constraint); (1 - r)^2/r = 1/r - 2 + r with r = sqrt(2l) grows like 1/sqrt(2l).
        Assert.Equal(0, E2TwoByTwo.Bound(0.5), 15);
        var r = Math.Sqrt(2e-8);
        Assert.Equal(1 / r - 2 + r, E2TwoByTwo.Bound(1e-8), 9);
    }

    [Theory]
    [InlineData("e9")]
    [InlineData("")]
    public void UnknownExperimentsAreNamed(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Reproducer.Find(name));
        Assert.Contains("e1", e.Message);
    }

    [Fact]
    public void BadSelectorsAreRefusedWithTheOption()
    {
        Assert.Contains("--observed", Assert.Throws<ArgumentException>(() => Reproducer.Find("e1").Plan(new ReproductionOptions { Observed = [20_000] })).Message);
        Assert.Contains("--depths", Assert.Throws<ArgumentException>(() => Reproducer.Find("e1").Plan(new ReproductionOptions { Depths = [0] })).Message);
        Assert.Contains("--seeds", Assert.Throws<ArgumentException>(() => Reproducer.Find("e2").Plan(new ReproductionOptions { Seeds = 0 })).Message);
    }

    [Fact]
    public void TheFullE1SweepHas72RunsWithTheAuthorsSetup()
    {
        // 72 factorization runs (3 depths x 4 scales x 2 observed counts x 3 seeds) and 6 baselines (observed count x seed).
        Assert.Equal(72, Reproducer.Find("e1").Plan(new ReproductionOptions { NoBaseline = true }).RunCount);
        var plan = Reproducer.Find("e1").Plan(new ReproductionOptions());
        Assert.Equal(78, plan.RunCount);
        Assert.Contains(plan.Setup, l => l.Contains("eps 1e-4") && l.Contains("lr 1e-3"));
        Assert.Contains(plan.Setup, l => l.Contains("1000000 iterations") && l.Contains("1e-6"));
        Assert.Equal(26, plan.CountIn(new Shard(1, 3)));
    }
}
