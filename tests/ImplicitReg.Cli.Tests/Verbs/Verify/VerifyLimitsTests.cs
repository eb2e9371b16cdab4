using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Verify;

/// <summary>
/// <c>verify</c> applies the limits of the verbs when it loads a claim file: a run that would take days or exhaust
/// memory is a load error at its key (file:line, exit 2) before any check runs, never a hang.
/// </summary>
public sealed class VerifyLimitsTests : IDisposable
{
    private static readonly string Header = ImplicitReg.Testing.ClaimHeader.Text(depth: 3);

    private readonly string _dir = Directory.CreateTempSubdirectory("implicitreg-verify-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err, TimeSpan Time) Verify(string checks, params string[] extra)
    {
        var file = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(file, Header + checks);
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var code = CliHost.Run(["verify", file, .. extra], io);
        return (code, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }

    private const string Predicates = "\n    predicates: [{name: p, holds: \"loss >= 0\"}]\n";

    [Fact]
    public void ASimulateRunOfATrillionStepsIsALoadErrorAtItsStepsKey()
    {
        var (code, output, err, time) = Verify(
            "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, problem: 2x2, depth: 3, lr: 1e-3, steps: 1000000000000, seed: 3}" + Predicates);
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains("t.yaml:10:", output);
        Assert.Contains("run.steps is too large: this run would take about", output);
        Assert.Contains("choose fewer steps", output);
        Assert.True(time < TimeSpan.FromSeconds(30), $"refused before running, not after {time}");
    }

    [Fact]
    public void ASimulateRunOnHugeLayersIsALoadErrorAtItsShapeKey()
    {
        var (code, output, err, _) = Verify(
            "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, problem: random, shape: 6000x6000, steps: 1}" + Predicates);
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains("t.yaml:10:", output);
        Assert.Contains("is too large: this run would take about", output);
    }

    [Fact]
    public void TheMemoryBudgetOfTheVerbsAppliesAndMaxMemoryChangesIt()
    {
        const string check = "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, problem: random, shape: 400x400, steps: 1}" + Predicates;
        var (code, output, err, _) = Verify(check, "--max-memory", "1M");
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains("t.yaml:10:", output);
        Assert.Contains("run.shape is too large: the layers, the target and the observations would need about", output);
        Assert.Contains("over the memory budget of 1 MB (--max-memory 1M)", output);
        // Negative control: the same file under the default budget loads and runs.
        var (ok, okOutput, okErr, _) = Verify(check);
        Assert.True(ok == ExitCodes.Ok, $"exit {ok}\n{okOutput}\n{okErr}");
    }

    [Fact]
    public void AFlowVsGdComparisonOverTheWorkLimitIsALoadError()
    {
        var (code, output, err, _) = Verify(
            "  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1000, lr: 0.01, halvings: 12, init-std: 0.3}\n    order: [0.9, 1.1]\n");
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains("t.yaml:11:", output);
        Assert.Contains("options.time/options.lr/options.halvings is too large: this run would take about", output);
        Assert.Contains("choose a shorter time, a larger lr or fewer halvings", output);
    }

    [Theory]
    [InlineData("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1e9}\n    order: [0.9, 1.1]\n",
        "t.yaml:11:", "options.time/options.lr: 1E+11 steps at the largest rate is too many")]
    [InlineData("  - id: d\n    kind: derive\n    expect: holds\n    derivation: balancedness\n    options: {depth: 5, dims: [16, 16, 16, 16, 16, 16]}\n",
        "t.yaml:11:", "options are too large: balancedness would expand about")]
    [InlineData("  - id: d\n    kind: derive\n    expect: holds\n    derivation: scalar-chain\n    published: {rate: \"-N*sigma^(2-2/N*dL\"}\n",
        "t.yaml:11:", "published.rate does not parse: ")]
    [InlineData("  - id: d\n    kind: derive\n    expect: holds\n    derivation: balancedness\n    options: {depth: 13}\n",
        "t.yaml:11:", "options.depth must be between 1 and 12, got 13 (derivation balancedness; its options: depth, dims, loss)")]
    [InlineData("  - id: d\n    kind: derive\n    expect: holds\n    derivation: scalar-chain\n    published: {rate: \"-N*q*dL\"}\n",
        "t.yaml:11:", "published formula 'rate' = '-N*q*dL' uses 'q'; its names are N, sigma, dL")]
    [InlineData("  - id: c\n    kind: compare\n    expect: holds\n    compare: singular-values\n    options: {time: 1000000}\n",
        "t.yaml:11:", "options.time/options.rtol is too large: this run would take about")]
    public void ProblemsKnownFromTheFileAreLoadErrorsExitTwoNotErrorVerdicts(string check, string place, string message)
    {
        var (code, output, err, _) = Verify(check);
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains(place, output);
        Assert.Contains(message, output);
        Assert.DoesNotContain("Exception", output + err);
    }
}

