using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;

namespace ImplicitReg.Claims.Tests.Running;

public sealed class ClaimRunnerTests : IDisposable
{
    private readonly string _dir = ClaimText.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name + ".yaml");
        File.WriteAllText(path, text.Replace("id: t", $"id: {name}"));
        return path;
    }

    private const string Simulate = "  - id: s\n    kind: simulate\n    expect: EXPECT\n    run: {model: dmf, depth: 2, steps: 20, lr: 1e-3, seed: 1}\n" +
                                    "    predicates: [{name: p, at: end, holds: \"loss >= 0\"}]\n";

    [Fact]
    public void ABrokenFileIsReportedAndTheOthersStillRunExitTwo()
    {
        Write("b-good", ClaimText.Header + Simulate.Replace("EXPECT", "holds"));
        Write("a-broken", ClaimText.Header + "  - {id: x, kind: simulate, expect: holds, run: {model: dmf, lr: fast}, predicates: [{name: p, holds: \"loss > 0\"}]}\n");
        var result = ClaimRunner.Run([_dir], new RunnerOptions { Jobs = 2 });
        Assert.Equal(VerificationResult.ExitBroken, result.ExitCode);
        Assert.Equal(["a-broken", "b-good"], result.Claims.Select(c => c.Id));
        Assert.True(result.Claims[0].Broken);
        Assert.Equal(7, result.Claims[0].Diagnostics[0].Line);
        Assert.True(Assert.Single(result.Claims[1].Checks).Passed);
    }

    [Fact]
    public void AMismatchExitsOneAndOrderDoesNotDependOnJobs()
    {
        Write("c", ClaimText.Header + Simulate.Replace("EXPECT", "refuted") + Simulate.Replace("id: s", "id: s2").Replace("EXPECT", "holds"));
        var one = ClaimRunner.Run([_dir], new RunnerOptions { Jobs = 1 });
        var two = ClaimRunner.Run([_dir], new RunnerOptions { Jobs = 2 });
        Assert.Equal(VerificationResult.ExitMismatch, one.ExitCode);
        Assert.Equal(one.Checks.Select(c => (c.CheckId, c.Verdict)), two.Checks.Select(c => (c.CheckId, c.Verdict)));
        Assert.Equal(["s", "s2"], one.Checks.Select(c => c.CheckId));
        Assert.Contains("expected refuted, got verified", one.Checks.First().Reason);
    }

    [Fact]
    public void AnUnknownWhereExpectedToHoldExitsThree()
    {
        Write("u", ClaimText.Header + Simulate.Replace("EXPECT", "holds").Replace("at: end, holds", "where: \"loss < 0\", holds"));
        Assert.Equal(VerificationResult.ExitUnknown, ClaimRunner.Run([_dir], new RunnerOptions()).ExitCode);
    }

    [Fact]
    public void AMissingPathIsABrokenEntry()
    {
        var result = ClaimRunner.Run([Path.Combine(_dir, "nope")], new RunnerOptions());
        Assert.Equal(VerificationResult.ExitBroken, result.ExitCode);
        Assert.Contains("no such file or directory", result.Diagnostics.Single().Message);
    }

    [Fact]
    public void ADerivationSnapshotIsNewThenAcceptedThenMatchedThenMismatched()
    {
        var claim = Write("snap", ClaimText.Header + "  - {id: d, kind: derive, expect: holds, derivation: layer-flow, options: {depth: 2, dims: [2, 2, 2]}, snapshot: true}\n");
        var verified = Path.Combine(_dir, "snap.d.verified.txt");
        var received = Path.Combine(_dir, "snap.d.received.txt");
        var first = ClaimRunner.Run([claim], new RunnerOptions()).Checks.Single();
        Assert.Equal(CheckVerdict.Error, first.Verdict);
        Assert.True(File.Exists(received));
        Symbolic.Printing.Snapshots.SnapshotText.Accept(received);
        Assert.Equal(CheckVerdict.Verified, ClaimRunner.Run([claim], new RunnerOptions()).Checks.Single().Verdict);
        File.WriteAllText(verified, File.ReadAllText(verified).Replace("proved", "disproved"));
        var changed = ClaimRunner.Run([claim], new RunnerOptions()).Checks.Single();
        Assert.Equal(CheckVerdict.Error, changed.Verdict);
        Assert.Contains("differs", changed.Reason);
        Assert.Equal(SnapshotOutcome.Mismatched, Assert.IsType<DerivationEvidence>(changed.Details).Snapshot!.Outcome);
    }

    [Fact]
    public void WithoutLibz3ARunWithAProveCheckIsRefusedBeforeAnyCheckRuns()
    {
        // A library path that does not exist stands for a machine without libz3.
        Write("p", ClaimText.Header + Simulate.Replace("EXPECT", "holds") + "  - {id: q, kind: prove, expect: holds, statement: \"x^2 >= 0\"}\n");
        int started = 0;
        var options = new RunnerOptions { RequireSolver = true, Z3Library = "/nonexistent/lib/libz3.so.4", OnCheckDone = (_, _, _) => started++ };
        var e = Assert.Throws<ImplicitReg.Solver.Native.SolverUnavailableException>(() => ClaimRunner.Run([_dir], options));
        Assert.Contains("sudo apt-get install libz3-4", e.Message);
        Assert.Equal(0, started);
        // Checks that need no solver still run when the selection has no prove check,
        Assert.True(Assert.Single(ClaimRunner.Run([_dir], options with { Filter = "p/s" }).Checks).Passed);
        // and without RequireSolver (report) the prove check is an error verdict, as before.
        var lenient = ClaimRunner.Run([_dir], options with { RequireSolver = false });
        Assert.Equal(CheckVerdict.Error, lenient.Checks.Single(c => c.CheckId == "q").Verdict);
    }

    [Theory]
    [InlineData("balancedness", "options: {depth: 13}", "depth must be between 1 and 12, got 13", 11)]
    [InlineData("scalar-chain", "published: {rate: \"-N*sigma^(2-2/N)*dL*q\"}", "uses 'q'", 11)]
    public void DataOfTheClaimFileTheDerivationWouldRefuseIsABrokenFileExitTwoBeforeAnyCheckRuns(string derivation, string data, string message, int line)
    {
        var path = Write("d", ClaimText.Header + $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    {data}\n");
        var result = ClaimRunner.Run([path], new RunnerOptions());
        Assert.Empty(result.Checks);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(line, diagnostic.Line); // the formula's line, or the options'
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal(VerificationResult.ExitBroken, result.ExitCode);
        // Negative control: a wrong but well-formed formula is a verdict (refuted, exit 1), not bad input.
        Write("d", ClaimText.Header + "  - id: d\n    kind: derive\n    expect: holds\n    derivation: scalar-chain\n    published: {rate: \"-N*sigma^(2-1/N)*dL\"}\n");
        var refuted = ClaimRunner.Run([path], new RunnerOptions());
        Assert.False(Assert.Single(refuted.Checks).BadInput);
        Assert.Equal(VerificationResult.ExitMismatch, refuted.ExitCode);
    }
}

