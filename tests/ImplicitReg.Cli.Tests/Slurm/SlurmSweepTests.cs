using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ImplicitReg.Cli.Tests.Slurm;

/// <summary>
/// The acceptance test of sharded sweeps on a real Slurm: the quick E2 sweep (4 runs) submitted as a 4-task job array
/// with the dependent merge job, compared with the same sweep run unsharded on this machine. Every per-run CSV must be
/// byte-identical and every record and results.json equal apart from wall times.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmSweepTests(SlurmClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>The JSON properties that hold wall-clock times, the only values allowed to differ.</summary>
    private static readonly HashSet<string> TimeFields = ["seconds", "wallSeconds", "elapsed", "time"];

    [SlurmFact]
    public void AFourTaskArraySweepMergesToTheUnshardedRun()
    {
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(fixture.Cluster.Directory, "sweep-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        var tool = Tool();
        var single = Path.Combine(root, "single");
        var sharded = Path.Combine(root, "slurm");
        // The unsharded run goes alongside the cluster's (both need the two cores for about the same time).
        var unsharded = Task.Run(() => LocalSlurmCluster.Run(tool[0], [.. tool.Skip(1), "reproduce", "e2", "--quick", "--jobs", "1", "--out", single],
            TimeSpan.FromMinutes(3)));
        var submit = fixture.Cluster.Client("bash", [Path.Combine(LocalSlurmCluster.Scripts, "submit.sh"), "--shards", "4", "--out", sharded, "e2", "--quick", "--jobs", "1"],
            TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["IMPLICITREG"] = string.Join(' ', tool) });
        Assert.True(submit.ExitCode == 0, submit.Output);
        var ids = SlurmSubmission.Parse(submit.Output);
        var arrayState = fixture.Cluster.WaitForJob(ids.Array, TimeSpan.FromMinutes(5));
        var mergeState = fixture.Cluster.WaitForJob(ids.Merge, TimeSpan.FromMinutes(3));
        var local = unsharded.Result;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s; array {ids.Array}: {arrayState}; merge {ids.Merge}: {mergeState}");
        Assert.True(local.ExitCode == 0, local.Output);
        Assert.True(arrayState == "COMPLETED" && mergeState == "COMPLETED", Logs(sharded));

        var merged = Path.Combine(sharded, "merged");
        Assert.Equal(4, Enumerable.Range(0, 4).Count(i => Directory.Exists(Path.Combine(sharded, $"shard-{i}"))));
        var expectedRuns = Directory.GetFiles(Path.Combine(single, "runs")).Select(Path.GetFileName).Order().ToArray();
        var mergedRuns = Directory.GetFiles(Path.Combine(merged, "runs")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(8, expectedRuns.Length);   // 4 runs: a record and a CSV each
        Assert.Equal(expectedRuns, mergedRuns);
        foreach (var name in expectedRuns)
        {
            var a = File.ReadAllText(Path.Combine(single, "runs", name!));
            var b = File.ReadAllText(Path.Combine(merged, "runs", name!));
            if (name!.EndsWith(".csv", StringComparison.Ordinal)) Assert.True(a == b, $"{name} differs between the sharded and the unsharded sweep");
            else Assert.Equal(WithoutTimes(a), WithoutTimes(b));
        }
        Assert.Equal(WithoutTimes(File.ReadAllText(Path.Combine(single, "results.json"))), WithoutTimes(File.ReadAllText(Path.Combine(merged, "results.json"))));
        // Negative control of the comparison itself: the records do differ in their times (they ran separately),
        // so an equality of raw text would have hidden nothing, and scrubbing removes only the times.
        Assert.NotEqual(File.ReadAllText(Path.Combine(single, "results.json")), File.ReadAllText(Path.Combine(merged, "results.json")));
    }

    /// <summary>The JSON text with every wall-time property removed, re-serialised canonically.</summary>
    private static string WithoutTimes(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidOperationException("empty JSON");
        Scrub(node);
        return node.ToJsonString();
    }

    private static void Scrub(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(TimeFields.Contains).ToList()) o.Remove(key);
                foreach (var (_, child) in o) if (child is not null) Scrub(child);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Scrub(child);
                break;
        }
    }

    /// <summary>How to run this build of the tool: the dotnet host and implicitreg.dll next to the test assembly.</summary>
    private static string[] Tool()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "implicitreg.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: the test project must reference ImplicitReg.Cli");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return [string.IsNullOrEmpty(host) ? "dotnet" : host, dll];
    }

    private static string Logs(string sharded)
    {
        var logs = Path.Combine(sharded, "logs");
        return Directory.Exists(logs)
            ? string.Join("\n", Directory.GetFiles(logs).Order().Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : "no logs";
    }
}
