using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Cli.Tests.Verbs.Report;

public sealed class ReportVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-verb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A small claim: a proved and a refuted obligation, and a recorded 2x2 run (|W11|, det W, singular values).
    private const string Claim = """
        id: m6-small
        title: the 2x2 completion, small
        source:
          paper: Razin & Cohen 2020
        theory: M6
        statement:
          formulas:
            - "x^2 + 2 >= 2"
        model:
          factorization: deep-matrix
          depth: 2
          loss: half-sse
          problem: 2x2
        checks:
          - id: norm-minimum
            kind: prove
            expect: holds
            statement: "x^2 + 2 >= 2"
          - id: control
            kind: prove
            expect: refuted
            statement: "x^2 >= x"
          - id: run
            kind: simulate
            expect: holds
            run:
              model: dmf
              depth: 2
              init-std: 0.1
              positive-det: true
              lr: 3e-3
              steps: 5000
              stop-loss: 1e-4
              record-every: 100
              seed: 3
              entries: "1,1"
            predicates:
              - name: final loss small
                at: end
                holds: "loss < 1e-3"
        """;

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(["report", .. args], io);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string ClaimFile(string text)
    {
        var path = Path.Combine(_dir, "claims", "m6-small.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [RequiresZ3Fact]
    public void TheReportDirectoryHoldsThePageTheDataTheCertificatesAndTheResults()
    {
        var output = Path.Combine(_dir, "out");
        var (code, stdout, err) = Run(ClaimFile(Claim), "--out", output, "--jobs", "2");
        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{stdout}\n{err}");
        Assert.Contains("report: " + Path.Combine(output, "report.html"), stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("id=\"claim-m6-small\"", html, StringComparison.Ordinal);
        Assert.Contains("model</dt><dd>deep-matrix; depth 2; loss half-sse; problem 2x2", html, StringComparison.Ordinal);
        foreach (var figure in new[] { "m6-small-w11-vs-loss", "m6-small-det", "m6-small-singular-values" })
        {
            Assert.Contains($"id=\"fig-{figure}\"", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "data", figure + ".csv")), figure);
        }
        Assert.Equal(["m6-small.control.1.smt2", "m6-small.norm-minimum.1.smt2"],
            Directory.GetFiles(Path.Combine(output, "smt2")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal(3, json.RootElement.GetProperty("checks").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("exitCode").GetInt32());
        // Each check's evidence strength, as the page shows it next to its verdict.
        var strengths = json.RootElement.GetProperty("results")[0].GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("strength").GetString());
        Assert.Equal("exact", strengths["norm-minimum"]);
        Assert.Equal("exact", strengths["control"]);
        Assert.Equal("numerical", strengths["run"]);
        Assert.All(strengths, s => Assert.Contains($">[{s.Value}]</span>", html, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.Contains("\"seeds\"", File.ReadAllText(Path.Combine(output, "provenance.json")), StringComparison.Ordinal);
    }

    [RequiresZ3Fact]
    public void AVerdictNotAsExpectedGivesExitOneAndStillWritesTheReport()
    {
        var output = Path.Combine(_dir, "out");
        var (code, _, _) = Run(ClaimFile(Claim.Replace("statement: \"x^2 >= x\"", "statement: \"x^2 + 1 >= x\"", StringComparison.Ordinal)),
            "--out", output, "--filter", "control");
        Assert.Equal(1, code);
        Assert.Contains("NOT as expected", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnwritableOutputDirectoryIsBadInputBeforeAnyCheckRuns()
    {
        var blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "");
        var (code, _, err) = Run(ClaimFile(Claim), "--out", Path.Combine(blocker, "sub"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--out", err, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/", err, StringComparison.Ordinal);
        // What is wrong, in one sentence: no doubled punctuation before the advice, the file in the way named.
        Assert.Contains($"'{blocker}' is a file, not a directory; give a writable directory", err, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputDirectoryThatCannotBeCreatedEndsItsReasonWithoutADoubledFullStop()
    {
        // An invalid name (NUL) is refused by the runtime with a message ending in '.'.
        var (code, _, err) = Run(ClaimFile(Claim), "--out", Path.Combine(_dir, "a\0b"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("; give a writable directory", err, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ExperimentsAddOneSectionPerReproductionDirectoryAndAShardAloneIsBadInput()
    {
        var e2 = Path.Combine(_dir, "e2");
        var io = CliIO.ForStrings("", out _, out _);
        Assert.Equal(0, CliHost.Run(["reproduce", "e2", "--quick", "--depths", "2", "--jobs", "2", "--out", e2], io));
        var shard = Path.Combine(_dir, "e2-shard");
        Assert.Equal(0, CliHost.Run(["reproduce", "e2", "--quick", "--depths", "2", "--shard", "1/2", "--out", shard], CliIO.ForStrings("", out _, out _)));

        var output = Path.Combine(_dir, "out");
        var (code, stdout, err) = Run(ClaimFile(Claim), "--filter", "run", "--out", output, "--experiments", $"{e2},{e2}", "--experiments", e2);
        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{stdout}\n{err}");
        Assert.Contains("3 experiment sections", stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var id in new[] { "experiment-1-e2", "experiment-2-e2", "experiment-3-e2" })
            Assert.Contains($"<a href=\"#{id}\">e2</a>", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "data", "x3-e2-w11-vs-loss-d2.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        var experiments = json.RootElement.GetProperty("experiments");
        Assert.Equal(3, experiments.GetArrayLength());
        Assert.Equal("e2", experiments[0].GetProperty("experiment").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("checks").GetInt32());

        // Negative controls: a shard alone, and a directory that is no reproduction, are refused before any check runs.
        var (bad, _, badErr) = Run(ClaimFile(Claim), "--filter", "run", "--out", output, "--experiments", $"{e2},{shard}");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains($"--experiments {shard}: does not hold a complete sweep", badErr, StringComparison.Ordinal);
        Assert.Contains("indices 0", badErr, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/", badErr, StringComparison.Ordinal);
        var (none, _, noneErr) = Run(ClaimFile(Claim), "--filter", "run", "--out", output, "--experiments", _dir);
        Assert.Equal(ExitCodes.BadInput, none);
        Assert.Contains("no sweep manifest", noneErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFilterThatMatchesNothingIsBadInput()
    {
        var (code, _, err) = Run(ClaimFile(Claim), "--out", Path.Combine(_dir, "out"), "--filter", "no-such-check");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no check matches --filter 'no-such-check'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpNamesWhereTheReportGoesWithoutOut()
    {
        // Without --out the report is written into ./report; a user reading --help must learn that before running.
        var io = CliIO.ForStrings("", out var stdout, out _);
        Assert.Equal(ExitCodes.Ok, CliHost.Run(["report", "--help"], io));
        Assert.Matches(@"--out <DIR>\s+directory to write the report into \(created if needed; default report/\)", stdout.ToString());
    }
}
