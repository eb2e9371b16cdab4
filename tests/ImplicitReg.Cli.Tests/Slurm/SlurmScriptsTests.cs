using System.Diagnostics;
using Xunit.Abstractions;

namespace ImplicitReg.Cli.Tests.Slurm;

/// <summary>
/// The job-array and merge scripts of scripts/slurm on a real single-node Slurm, with a recording stand-in for the
/// tool: they check the plumbing (each task runs its shard with the right arguments, the merge runs after all of
/// them and sees every shard, a failed shard blocks the merge). The real sweep is in <see cref="SlurmSweepTests"/>.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmScriptsTests(SlurmClusterFixture fixture, ITestOutputHelper output)
{
    private const string Recorder = """
        #!/usr/bin/env bash
        # Records its arguments, one call per line, then makes the --out directory like the real tool.
        set -euo pipefail
        echo "$*" >> "$(dirname "$0")/calls.txt"
        out=""; prev=""
        for a in "$@"; do [ "$prev" = --out ] && out=$a; prev=$a; done
        mkdir -p "$out"
        case " $* " in *" --shard ${FAIL_SHARD:-none}/"*) exit 1 ;; esac
        exit 0
        """;

    [SlurmFact]
    public void EveryArrayTaskRunsItsShardAndTheMergeRunsAfterAll()
    {
        var (work, calls) = Prepare();
        var clock = Stopwatch.StartNew();
        var submit = Submit(work, failShard: null);
        var lines = File.ReadAllLines(calls);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s\n{submit}\n{string.Join('\n', lines)}");
        Assert.Equal("COMPLETED", submit.MergeState);
        var shards = lines.Where(l => l.StartsWith("reproduce", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"reproduce e2 --quick --shard {i}/4 --out {work}/shard-{i}"), shards);
        Assert.StartsWith("merge", lines[^1]);
        Assert.Equal($"merge {string.Join(' ', Enumerable.Range(0, 4).Select(i => $"{work}/shard-{i}"))} --out {work}/merged", lines[^1]);
    }

    [SlurmFact]
    public void AFailedShardKeepsTheMergeFromRunning()
    {
        var (work, calls) = Prepare();
        var submit = Submit(work, failShard: 2);
        var lines = File.ReadAllLines(calls);
        output.WriteLine($"{submit}\n{string.Join('\n', lines)}");
        Assert.Equal(4, lines.Count(l => l.StartsWith("reproduce", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("merge", StringComparison.Ordinal));
        Assert.NotEqual("COMPLETED", submit.MergeState);
    }

    private (string Work, string Calls) Prepare()
    {
        var root = Path.Combine(fixture.Cluster.Directory, "scripts-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        var tool = Path.Combine(root, "fake-implicitreg");
        File.WriteAllText(tool, Recorder.Replace("\r\n", "\n") + "\n");
        return (Path.Combine(root, "out"), Path.Combine(root, "calls.txt"));
    }

    private SubmitOutcome Submit(string work, int? failShard)
    {
        var tool = Path.Combine(Path.GetDirectoryName(work)!, "fake-implicitreg");
        var env = new Dictionary<string, string> { ["IMPLICITREG"] = "bash " + tool, ["FAIL_SHARD"] = failShard?.ToString() ?? "none" };
        var run = fixture.Cluster.Client("bash", [Path.Combine(LocalSlurmCluster.Scripts, "submit.sh"), "--shards", "4", "--out", work, "e2", "--quick"],
            TimeSpan.FromMinutes(1), env);
        Assert.True(run.ExitCode == 0, run.Output);
        var ids = SlurmSubmission.Parse(run.Output);
        var arrayState = fixture.Cluster.WaitForJob(ids.Array, TimeSpan.FromMinutes(3));
        var mergeState = fixture.Cluster.WaitForJob(ids.Merge, TimeSpan.FromMinutes(3));
        return new SubmitOutcome(arrayState, mergeState, run.Output);
    }

    private sealed record SubmitOutcome(string ArrayState, string MergeState, string Output);
}
