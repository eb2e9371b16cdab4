using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// A numerical verdict shows what it ran with (step sizes, horizon, tolerances, initialization, seed), a negative
/// control says what it gets wrong, and every check names the one command that runs it again; compare checks' seeds
/// are in the provenance with the simulate checks'.
/// </summary>
public sealed class CheckSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string ClaimYaml = """
        id: runs
        title: descent on the 2x2 construction
        checks:
          - id: tracks
            kind: compare
            expect: holds
            compare: flow-vs-gd
            options: {problem: 2x2, depth: 2, time: 5, steps: [0.01, 0.005, 0.0025]}
            order: [0.9, 1.1]
          - id: bound-times-three
            kind: simulate
            expect: refuted
            note: "negative control: the bound with constant 3"
            run: {model: dmf, problem: 2x2, depth: 3, init: balanced, init-std: 8e-3, positive-det: true, lr: 3e-3,
                  steps: 4000, stop-loss: 1e-3, seed: 3, record-every: 200}
            predicates:
              - {name: bound-times-three, at: every, where: "loss < 1/2", holds: "abs(W11) > 3*(1 - sqrt(2*loss))^2/sqrt(2*loss)"}
        """;

    private (ReportContent Content, string File) Content(Func<ReportProvenance, ReportProvenance>? provenance = null)
    {
        var file = Path.Combine(_dir, "runs.yaml");
        File.WriteAllText(file, ClaimYaml);
        CheckResult Check(string id, CheckKind kind, CheckEvidence details, Expectation expected) => new()
        {
            ClaimId = "runs", CheckId = id, Kind = kind, Expected = expected, Verdict = expected == Expectation.Holds ? CheckVerdict.Verified : CheckVerdict.Refuted,
            Time = TimeSpan.FromMilliseconds(2), Evidence = "evidence", Location = new SourceLocation(file, 4, 5), Details = details,
        };
        var series = new Series("run", [new SeriesColumn("step", [0.0, 200]), new SeriesColumn("loss", [0.4, 0.1])]);
        var claim = new ClaimResult
        {
            Id = "runs",
            Title = "descent on the 2x2 construction",
            File = file,
            Checks =
            [
                Check("tracks", CheckKind.Compare, new CompareEvidence("flow-vs-gd", [], 1.0, (0.9, 1.1), null, []), Expectation.Holds),
                Check("bound-times-three", CheckKind.Simulate, new SimulateEvidence("dmf 2x2", 3, "converged", [], series), Expectation.Refuted),
            ],
        };
        var result = new VerificationResult([claim], TimeSpan.FromMilliseconds(4), 1);
        var collected = ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12");
        return (ReportContent.Build(result, provenance is null ? collected : provenance(collected)), file);
    }

    [Fact]
    public void TheHtmlShowsTheNoteTheSettingsAndTheCommandOfEachCheck()
    {
        var (content, file) = Content();
        var html = HtmlReport.Render(content);
        Assert.Contains("<strong>Note (claim file):</strong> negative control: the bound with constant 3</p>", html, StringComparison.Ordinal);
        Assert.Contains("step sizes η = 0.01, 0.005, 0.0025 against the derived flow on [0, 5]", html, StringComparison.Ordinal);
        Assert.Contains("(dmf, problem 2x2, depth 2, seed 0;", html, StringComparison.Ordinal);
        Assert.Contains("init balanced, init-std 0.008, positive-det, lr 0.003, steps 4000, stop-loss 0.001, record-every 200, seed 3;", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>Run it again:</strong> <code>implicitreg verify {file} --filter runs/bound-times-three</code>", html, StringComparison.Ordinal);
        // The settings line shows what ran, defaults included (a prove check's 10000 ms when the file sets no timeout),
        // so its heading says so rather than attributing every value to the claim file.
        Assert.Contains("<strong>Settings (claim file; defaults where it sets none):</strong> ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Settings (claim file):</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMarkdownShowsTheNoteTheSettingsAndTheCommandOfEachCheck()
    {
        var (content, file) = Content();
        var md = MarkdownReport.Render(content);
        Assert.Contains("\n**Note (claim file):** negative control: the bound with constant 3\n", md, StringComparison.Ordinal);
        Assert.Contains("lr 0.003, steps 4000", md, StringComparison.Ordinal);
        Assert.Contains($"\n**Run it again:** `implicitreg verify {file} --filter runs/tracks`\n", md, StringComparison.Ordinal);
        Assert.Contains("\n**Settings (claim file; defaults where it sets none):** ", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompareCheckSeedIsRecordedInTheProvenance()
    {
        var (content, _) = Content();
        Assert.Equal([new SeedRecord("runs", "tracks", 0), new SeedRecord("runs", "bound-times-three", 3)], content.Provenance.Seeds);
    }

    [Fact]
    public void TheReportTakesTheSimulateSeedsTheProvenanceCollectedAndAddsOnlyTheCompareOnes()
    {
        // The provenance collects the simulate checks' seeds; the report adds the compare checks' (from the claim file)
        // in check order and does not derive the simulate ones a second time. Negative control: a provenance that
        // collected none gives a report with the compare seed alone; one that collected another value keeps it.
        var (collected, _) = Content();
        Assert.Equal([new SeedRecord("runs", "bound-times-three", 3)], ReportProvenance.Collect(collected.Result, DateTimeOffset.UnixEpoch, "4.8.12").Seeds);
        var (none, _) = Content(p => p with { Seeds = [] });
        Assert.Equal([new SeedRecord("runs", "tracks", 0)], none.Provenance.Seeds);
        var (other, _) = Content(p => p with { Seeds = [new SeedRecord("runs", "bound-times-three", 7)] });
        Assert.Equal([new SeedRecord("runs", "tracks", 0), new SeedRecord("runs", "bound-times-three", 7)], other.Provenance.Seeds);
    }

    [Theory]
    [InlineData("proofs/m6.yaml", "m6/bound", "implicitreg verify proofs/m6.yaml --filter m6/bound")]
    [InlineData("/tmp/my claims/m6.yaml", "m6/bound", "implicitreg verify '/tmp/my claims/m6.yaml' --filter m6/bound")]
    [InlineData("/tmp/it's/m6.yaml", "m6/bound", "implicitreg verify '/tmp/it'\\''s/m6.yaml' --filter m6/bound")]
    public void TheCommandQuotesWhatTheShellWouldSplit(string file, string filter, string expected) =>
        Assert.Equal(expected, CheckSettings.Reproduce(file, filter.Split('/')[0], filter.Split('/')[1]));

    [Fact]
    public void TheCommandNamesTheOtherChecksItsFilterSelects()
    {
        // --filter runs/bound-times-three also matches runs/bound-times-three-again: the page says so.
        var (content, _) = Content();
        var claim = content.Result.Claims.Single();
        var again = claim.Checks[1] with { CheckId = "bound-times-three-again" };
        var result = content.Result with { Claims = [claim with { Checks = [.. claim.Checks, again] }] };
        Assert.Equal(["runs/bound-times-three-again"], CheckSettings.AlsoRun(result, "runs", "bound-times-three"));
        Assert.Empty(CheckSettings.AlsoRun(result, "runs", "tracks"));
        // Negative control: xruns/bound-times-three contains the filter too, but the command names runs' file only.
        var xruns = claim with { Id = "xruns", Checks = [claim.Checks[1] with { ClaimId = "xruns" }] };
        Assert.Empty(CheckSettings.AlsoRun(content.Result with { Claims = [claim, xruns] }, "runs", "bound-times-three"));
        var html = HtmlReport.Render(content with { Result = result });
        Assert.Contains("--filter runs/bound-times-three</code> <span class=\"muted\">(also runs runs/bound-times-three-again, whose ids contain it)</span>", html, StringComparison.Ordinal);
    }
}
