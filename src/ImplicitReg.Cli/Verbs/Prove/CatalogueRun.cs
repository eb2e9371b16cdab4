using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>
/// <c>prove --catalogue m6</c>: runs the prove checks of the M6 claim files (<c>proofs/razin2020/m6-*.yaml</c>, the
/// construction and its negative controls, as data) through the claims engine, one line each with its time. Exit 0
/// when every check came out as its file expects, 1 when one came out the other way, 3 when one stayed unknown (or
/// the replaying solvers disagreed).
/// </summary>
internal static class CatalogueRun
{
    /// <summary>The claim files of the M6 catalogue, relative to the catalogue root.</summary>
    public const string Pattern = "m6-*.yaml";

    public static int Run(TimeSpan timeout, bool crossCheck, string format, CliIO io)
    {
        var root = ClaimFiles.DefaultCatalogue()
            ?? throw new CliUsageException("no catalogue found: run inside a clone (proofs/razin2020) or next to the shipped proofs/");
        var directory = Path.Combine(root, "razin2020");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, Pattern).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) throw new CliUsageException($"no M6 claim files ({Pattern}) under {directory}");
        var certificates = crossCheck ? Directory.CreateTempSubdirectory("implicitreg-m6-").FullName : null;
        var context = new CheckContext(certificates, ClaimFiles.RepositoryRoot(), io.Cancel);
        var results = new List<(CheckResult Result, string Title, CrossCheckReport? Report)>();
        if (format == "text") io.Out.WriteLine($"{"entry",-48} {"expected",-8} {"verdict",-8} {"time",9}  claim");
        foreach (var file in files)
        {
            var loaded = ClaimLoader.LoadFile(file);
            if (!loaded.Ok)
                throw new CliUsageException(string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
            var claim = loaded.Claim!;
            foreach (var check in claim.Checks.OfType<ProveCheckSpec>())
            {
                io.Cancel.ThrowIfCancellationRequested();
                var r = CheckRunner.Run(claim, check, context);
                var report = crossCheck ? Replay(r, timeout, io.Cancel) : null;
                var title = check.Note ?? claim.Title;
                results.Add((r, title, report));
                if (format == "text") WriteLine(io.Out, r, title, report);
            }
        }
        if (format == "json") WriteJson(io.Out, results);
        else
        {
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

    private static void WriteLine(TextWriter w, CheckResult r, string title, CrossCheckReport? report)
    {
        var mark = r.Passed ? "" : "   <-- NOT AS EXPECTED" + (r.Reason is null ? "" : $": {r.Reason}");
        w.WriteLine($"{r.ClaimId + "/" + r.CheckId,-48} {Expected(r),-8} {Word(r.Verdict),-8} {ProveTextReport.Ms(r.Time),9}  {title}{mark}");
        if (r.Verdict == CheckVerdict.Refuted) w.WriteLine($"{"",48}   {r.Evidence}");
        if (report is not null)
        {
            var summary = string.Join(", ", report.Entries.GroupBy(e => e.Solver).Select(g =>
                $"{g.Key} {g.Count(e => e.Answer.Outcome != SolverOutcome.Unknown)}/{g.Count()} answered"));
            w.WriteLine($"{"",48}   cross-check: {(report.Agree ? "no disagreement" : "DISAGREEMENT: " + string.Join("; ", report.Disagreements))}; {summary}");
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
