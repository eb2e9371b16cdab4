using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Reports.Tables;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>
/// <c>prove --catalogue m6</c>: runs the prove checks of the M6 claim files (<c>proofs/razin2020/m6-*.yaml</c>, the
/// construction and its negative controls, as data) through the claims engine: a table, one row per entry with its time. Exit 0
/// when every check came out as its file expects, 1 when one came out the other way, 3 when one stayed unknown (or
/// the replaying solvers disagreed).
/// </summary>
internal static class CatalogueRun
{
    /// <summary>The claim files of the M6 catalogue, relative to the catalogue root.</summary>
    public const string Pattern = "m6-*.yaml";

    public static int Run(TimeSpan timeout, bool crossCheck, string format, CliIO io, string? z3Library = null)
    {
        var root = ClaimFiles.DefaultCatalogue()
            ?? throw new CliUsageException("no catalogue found: run inside a clone (proofs/razin2020) or next to the shipped proofs/");
        var directory = Path.Combine(root, "razin2020");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, Pattern).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) throw new CliUsageException($"no M6 claim files ({Pattern}) under {directory}");
        var certificates = crossCheck ? Directory.CreateTempSubdirectory("implicitreg-m6-").FullName : null;
        var context = new CheckContext(certificates, ClaimFiles.RepositoryRoot(), io.Cancel) { Z3Library = z3Library };
        var checks = new List<(ClaimSpec Claim, ProveCheckSpec Check)>();
        foreach (var file in files)
        {
            var loaded = ClaimLoader.LoadFile(file);
            if (!loaded.Ok)
                throw new CliUsageException(string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
            checks.AddRange(loaded.Claim!.Checks.OfType<ProveCheckSpec>().Select(c => (loaded.Claim!, c)));
        }
        // The table is laid out once every row is known, so the run shows progress (on a terminal) instead of lines.
        var results = CliProgress.Run(io, "catalogue", checks.Count, report =>
        {
            var done = new List<(CheckResult Result, string Title, CrossCheckReport? Report)>();
            foreach (var (claim, check) in checks)
            {
                io.Cancel.ThrowIfCancellationRequested();
                var r = CheckRunner.Run(claim, check, context);
                done.Add((r, check.Note ?? claim.Title, crossCheck ? Replay(r, timeout, io.Cancel) : null));
                report(done.Count);
            }
            return done;
        });
        if (format == "json") WriteJson(io.Out, results);
        else
        {
            WriteText(io.Out, results);
            var failed = results.Count(x => !x.Result.Passed);
            io.Out.WriteLine(failed == 0
                ? $"all {results.Count} entries as expected ({results.Count(x => x.Result.Expected == Expectation.Holds)} proved, {results.Count(x => x.Result.Expected == Expectation.Refuted)} negative controls refuted)"
                : $"{failed} of {results.Count} entries NOT as expected");
        }
        if (results.Any(x => x.Report is { Agree: false })) return ExitCodes.Unknown;
        if (results.All(x => x.Result.Passed)) return ExitCodes.Ok;
        return results.Any(x => !x.Result.Passed && x.Result.Verdict is CheckVerdict.Verified or CheckVerdict.Refuted)
            ? ExitCodes.Refuted
            : ExitCodes.Unknown;
    }

    // Every certificate the check wrote, replayed by the z3 and cvc5 command-line solvers: a proved obligation's
    // cases must not come back sat, a refuted one's must not come back unsat; unknown is reported, not a disagreement.
    private static CrossCheckReport Replay(CheckResult r, TimeSpan timeout, CancellationToken cancel)
    {
        var entries = new List<CrossCheckEntry>();
        var disagreements = new List<string>();
        foreach (var o in (r.Details as ProofEvidence)?.Obligations ?? [])
            foreach (var file in o.CertificateFiles)
                foreach (var solver in CrossCheck.DefaultReplayers().OfType<CommandLineSolver>())
                {
                    var answer = solver.Replay(File.ReadAllText(file), timeout, cancel);
                    entries.Add(new CrossCheckEntry(Path.GetFileName(file), solver.Name, answer));
                    var contradicts = o.Verdict == "proved" ? answer.Outcome == SolverOutcome.Sat : o.Verdict == "refuted" && answer.Outcome == SolverOutcome.Unsat;
                    if (contradicts) disagreements.Add($"{Path.GetFileName(file)}: {solver.Name} answered {answer} but the check found {o.Verdict}");
                }
        return new CrossCheckReport(entries, disagreements);
    }

    private static string Expected(CheckResult r) => r.Expected == Expectation.Holds ? "proved" : "refuted";

    private static string Word(CheckVerdict v) => v switch
    {
        CheckVerdict.Verified => "proved",
        CheckVerdict.Refuted => "refuted",
        CheckVerdict.Unknown => "unknown",
        _ => "error",
    };

    // One table row per entry (a verdict not as expected is marked "(!)", as in verify), then under the table the
    // counterexample of each refuted entry, the reason of each entry not as expected and the cross-check of each.
    private static void WriteText(TextWriter w, List<(CheckResult Result, string Title, CrossCheckReport? Report)> results)
    {
        var table = TextTable.Create(TextTable.Left("entry"), TextTable.Left("expected"), TextTable.Left("verdict"),
            TextTable.Right("time", width: 9), TextTable.Left("claim"));
        foreach (var (r, title, _) in results)
            table.Row($"{r.ClaimId}/{r.CheckId}", Expected(r), Word(r.Verdict) + (r.Passed ? "" : " (!)"), ProveTextReport.Ms(r.Time), title);
        w.Write(TextTable.Render(table));
        foreach (var (r, _, report) in results)
        {
            var id = $"{r.ClaimId}/{r.CheckId}";
            if (r.Verdict == CheckVerdict.Refuted) w.WriteLine($"{id}: {r.Evidence}");
            if (!r.Passed) w.WriteLine($"{id}: NOT AS EXPECTED{(r.Reason is null ? "" : $": {r.Reason}")}");
            if (report is null) continue;
            var summary = string.Join(", ", report.Entries.GroupBy(e => e.Solver).Select(g =>
                $"{g.Key} {g.Count(e => e.Answer.Outcome != SolverOutcome.Unknown)}/{g.Count()} answered"));
            w.WriteLine($"{id}: cross-check: {(report.Agree ? "no disagreement" : "DISAGREEMENT: " + string.Join("; ", report.Disagreements))}; {summary}");
        }
    }

    private static void WriteJson(TextWriter w, List<(CheckResult Result, string Title, CrossCheckReport? Report)> results)
    {
        w.Write(JsonText.Render(j =>
        {
            j.WriteStartArray();
            foreach (var (r, title, report) in results)
            {
                j.WriteStartObject();
                j.WriteString("id", $"{r.ClaimId}/{r.CheckId}");
                j.WriteString("title", title);
                j.WriteString("file", $"{r.Location.File}:{r.Location.Line}:{r.Location.Column}");
                j.WriteString("expected", Expected(r));
                j.WriteString("verdict", Word(r.Verdict));
                j.WriteBoolean("as_expected", r.Passed);
                j.WriteNumber("elapsed_ms", Math.Round(r.Time.TotalMilliseconds, 1));
                j.WriteString("evidence", r.Evidence);
                if (r.Reason is not null) j.WriteString("reason", r.Reason);
                if (report is not null) j.WriteBoolean("cross_check_agree", report.Agree);
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }));
    }
}
