using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Reproduce;

public sealed class ReproduceVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reproduce-verb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static string WithoutTimes(string dir) =>
        string.Join("\n", File.ReadAllLines(Path.Combine(dir, "results.json")).Where(l => !l.Contains("\"seconds\"")));

    [Fact]
    public void QuickE2PrintsItsSetupAndClaimsAndShardsMergeToTheSameResults()
    {
        var whole = Path.Combine(_root, "whole");
        var (code, output, _) = Run("reproduce", "e2", "--quick", "--depths", "2", "--jobs", "2", "--out", whole);
        Assert.Equal(0, code);
        Assert.Contains("stopping rule: loss < 1e-4", output);
        Assert.Contains("seeds 0..0", output);
        Assert.Contains("[supported] every W with det W > 0", output);
        var shards = new[] { "0/2", "1/2" }.Select(s => Path.Combine(_root, "shard" + s[0])).ToArray();
        for (int i = 0; i < 2; i++) Assert.Equal(0, Run("reproduce", "e2", "--quick", "--depths", "2", "--shard", $"{i}/2", "--out", shards[i]).Code);
        var merged = Path.Combine(_root, "merged");
        var (mergeCode, mergeOut, _) = Run(["merge", .. shards, "--out", merged]);
        Assert.Equal(0, mergeCode);
        Assert.Contains("claims:", mergeOut);
        Assert.Equal(WithoutTimes(whole), WithoutTimes(merged));
        // A whole sweep and a merge write the experiment's report page; the same runs give the same page.
        Assert.Contains($"report: {Path.Combine(whole, "report.html")} (3 figures; also report.md, data/)", output, StringComparison.Ordinal);
        Assert.Contains($"report: {Path.Combine(merged, "report.html")} (3 figures", mergeOut, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "report.html")).Replace(whole, "DIR", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(merged, "report.html")).Replace(merged, "DIR", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "data", "x1-e2-det-gaussian.csv")), File.ReadAllText(Path.Combine(merged, "data", "x1-e2-det-gaussian.csv")));
        Assert.False(File.Exists(Path.Combine(shards[0], "report.html")), "a shard is not a sweep: no report");
        // Negative control: one shard alone is not the sweep.
        var (partialCode, _, partialErr) = Run("merge", shards[0], "--out", Path.Combine(_root, "partial"));
        Assert.Equal(2, partialCode);
        Assert.Contains("indices 1", partialErr);
    }

    [Theory]
    [InlineData("reproduce e9", "unknown experiment 'e9'")]
    [InlineData("reproduce e1 --shard 3/3", "--shard must be i/n")]
    [InlineData("reproduce e1 --observed 2000,x", "--observed expects integers")]
    [InlineData("reproduce e1 --scales -1", "--scales expects positive numbers")]
    [InlineData("reproduce e1 --jobs 0", "--jobs")]
    [InlineData("reproduce e2 --observed 2000", "e2 has no --observed")]
    [InlineData("reproduce e4 --depths 2", "e4 has no --depths")]
    [InlineData("reproduce e4 --no-baseline", "--no-baseline: e4 compares every flow with its baseline")]
    [InlineData("reproduce e1 --quick --jobs 2 --max-memory 64K", "error: --jobs/--max-memory: 2 workers holding one run each would need about")]
    public void BadOptionsExitTwoNamingTheOption(string line, string message)
    {
        var (code, _, err) = Run(line.Split(' '));
        Assert.Equal(2, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public void MergeOfSomethingElseIsRefused()
    {
        var (code, _, err) = Run("merge", _root, "--out", Path.Combine(_root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("no sweep manifest", err);
    }

    [Fact]
    public void TheSeedsOptionIsNamedByTheLetterItsDescriptionUses()
    {
        var help = Run("reproduce", "--help").Out;
        Assert.Matches(@"--seeds <K> +seeds 0\.\.K-1, K from 1 to 10000", help);
        Assert.DoesNotContain("--seeds <N>", help);
    }
}
