using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Reproduce;

/// <summary>
/// What <c>reproduce</c> and <c>merge</c> may write into, and how a sweep ends when interrupted: a directory of the
/// user's own files is never cleared, the claim catalogue is never written to, Ctrl-C is exit 130.
/// </summary>
public sealed class ReproduceOutputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reproduce-out-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static readonly string[] Small = ["reproduce", "e2", "--quick", "--depths", "2", "--max-steps", "10", "--jobs", "1"];

    [Fact]
    public void ADirectoryOfOtherFilesIsRefusedAndKeepsThem()
    {
        var dir = Path.Combine(_root, "mine");
        Directory.CreateDirectory(Path.Combine(dir, "runs"));
        File.WriteAllText(Path.Combine(dir, "runs", "important.json"), "{}");
        File.WriteAllText(Path.Combine(dir, "runs", "data.csv"), "a,b\n");
        var (code, output, err) = Run([.. Small, "--out", dir]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains($"error: --out '{dir}' already holds files and no sweep.json, so it is not an output directory of 'implicitreg reproduce' or 'merge'", err);
        Assert.True(File.Exists(Path.Combine(dir, "runs", "important.json")) && File.Exists(Path.Combine(dir, "runs", "data.csv")));
        // The same refusal for merge, whose output also replaces results.json and the report.
        var shard = Path.Combine(_root, "sweep");
        Assert.Equal(ExitCodes.Ok, Run([.. Small, "--out", shard]).Code);
        var (mergeCode, _, mergeErr) = Run("merge", shard, "--out", dir);
        Assert.Equal(ExitCodes.BadInput, mergeCode);
        Assert.Contains("already holds files and no sweep.json", mergeErr);
    }

    [Fact]
    public void ANewAnEmptyOrAnEarlierSweepsDirectoryIsWritten()
    {
        // Negative control of the refusal: these three are what --out is for; the earlier sweep's runs are replaced.
        var dir = Path.Combine(_root, "empty");
        Directory.CreateDirectory(dir);
        Assert.Equal(ExitCodes.Ok, Run([.. Small, "--out", dir]).Code);
        Assert.Equal(ExitCodes.Ok, Run(["reproduce", "e2", "--quick", "--depths", "3", "--max-steps", "10", "--jobs", "1", "--out", dir]).Code);
        Assert.All(Directory.GetFiles(Path.Combine(dir, "runs")), f => Assert.Contains("-d3-", Path.GetFileName(f)));
        Assert.Equal(ExitCodes.Ok, Run([.. Small, "--out", Path.Combine(_root, "new", "deeper")]).Code);
    }

    [Fact]
    public void MergingIntoAnEarlierSweepsDirectoryReplacesItsRuns()
    {
        var dir = Path.Combine(_root, "earlier");
        Assert.Equal(ExitCodes.Ok, Run([.. Small, "--out", dir]).Code); // depth 2: runs d2-*
        string[] depth3 = ["reproduce", "e2", "--quick", "--depths", "3", "--max-steps", "10", "--jobs", "1"];
        var shards = new[] { 0, 1 }.Select(i => Path.Combine(_root, $"shard{i}")).ToArray();
        for (int i = 0; i < 2; i++) Assert.Equal(ExitCodes.Ok, Run([.. depth3, "--shard", $"{i}/2", "--out", shards[i]]).Code);
        Assert.Equal(ExitCodes.Ok, Run(["merge", .. shards, "--out", dir]).Code);
        var files = Directory.GetFiles(Path.Combine(dir, "runs")).Select(Path.GetFileName).ToList();
        Assert.Equal(4, files.Count); // two runs, a record and a CSV each
        Assert.All(files, f => Assert.Contains("-d3-", f));
        // Negative control: merging into one of the shards keeps that shard's own runs.
        Assert.Equal(ExitCodes.Ok, Run(["merge", .. shards, "--out", shards[0]]).Code);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(shards[0], "runs")).Length);
    }

    [Theory]
    [InlineData("file", "is a file; choose a directory")]
    [InlineData("", "is empty; name a directory")]
    public void AFileOrNoNameIsRefused(string name, string message)
    {
        var path = name.Length == 0 ? "" : Path.Combine(_root, name);
        if (path.Length > 0) File.WriteAllText(path, "keep");
        var (code, _, err) = Run([.. Small, "--out", path]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        if (path.Length > 0) Assert.Equal("keep", File.ReadAllText(path));
    }

    [Fact]
    public void NothingIsWrittenInsideTheClaimCatalogue()
    {
        var catalogue = ClaimFiles.DefaultCatalogue();
        Assert.NotNull(catalogue);
        var inside = Path.Combine(catalogue, "e2-quick");
        var (code, _, err) = Run([.. Small, "--out", inside]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"is inside the claim catalogue {catalogue} (verify reads every file there)", err);
        Assert.False(Directory.Exists(inside));
        Assert.Equal(ExitCodes.BadInput, Run([.. Small, "--out", catalogue]).Code);
    }

    [Fact]
    public void AMalformedStepLimitNamesTheOption()
    {
        var (code, _, err) = Run([.. Small[..^4], "--max-steps", "many", "--out", Path.Combine(_root, "x")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error: option --max-steps expects an integer, got 'many'", err);
        Assert.DoesNotContain("System.", err);
    }

    [Fact]
    public void CtrlCDuringARunExits130KeepingTheFinishedRuns()
    {
        // Full-scale e2 at depth 4 takes seconds per run: the request arrives while a run is going.
        using var cts = new CancellationTokenSource();
        var stderr = new StringWriter();
        var io = new CliIO(new StringReader(""), new StringWriter(), stderr, cts.Token);
        cts.CancelAfter(TimeSpan.FromSeconds(2));
        var code = CliHost.Run(["reproduce", "e2", "--depths", "4", "--seeds", "2", "--jobs", "1", "--out", Path.Combine(_root, "int")], io);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.DoesNotContain("internal error", stderr.ToString());
        Assert.Contains("interrupted: stopped on request", stderr.ToString());
    }
}
