using ImplicitReg.Cli.Hosting;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Constructions;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>
/// <c>prove --catalogue m6</c>: proves every M6 construction and refutes every negative control, one line each
/// with its time. Exit 0 when every entry came out as expected, 1 when one came out the other way, 3 when
/// one stayed unknown.
/// </summary>
internal static class CatalogueRun
{
    public static int Run(Prover prover, TimeSpan timeout, bool crossCheck, string format, CliIO io)
    {
        var results = new List<(EntryResult Result, IReadOnlyList<CrossCheckReport> Reports)>();
        if (format == "text") io.Out.WriteLine($"{"entry",-30} {"expected",-8} {"verdict",-8} {"time",9} {"slowest",9} {"oblig.",6}  claim");
        foreach (var entry in M6Catalogue.Entries)
        {
            io.Cancel.ThrowIfCancellationRequested();
            var r = CatalogueRunner.Run(entry, prover, io.Cancel);
            var verdicts = r.Verdict is { } v ? [v] : r.Derivation?.Steps.Select(s => s.Verdict).ToList() ?? [];
            IReadOnlyList<CrossCheckReport> reports = crossCheck
                ? [.. verdicts.Select(x => CrossCheck.Run(x, CrossCheck.DefaultReplayers(), timeout, io.Cancel))]
                : [];
            results.Add((r, reports));
            if (format == "text") WriteLine(io.Out, r, reports);
        }
        if (format == "json") WriteJson(io.Out, results);
        else
        {
            var failed = results.Count(x => !x.Result.AsExpected);
            io.Out.WriteLine(failed == 0
                ? $"all {results.Count} entries as expected ({results.Count(x => x.Result.Entry.Expect == Expectation.Proved)} proved, {results.Count(x => x.Result.Entry.Expect == Expectation.Refuted)} negative controls refuted)"
                : $"{failed} of {results.Count} entries NOT as expected");
        }
        if (results.Any(x => x.Reports.Any(rep => !rep.Agree))) return ExitCodes.Unknown;
        if (results.All(x => x.Result.AsExpected)) return ExitCodes.Ok;
        return results.Any(x => !x.Result.AsExpected && x.Result.Kind is VerdictKind.Proved or VerdictKind.Refuted)
            ? ExitCodes.Refuted
            : ExitCodes.Unknown;
    }

    private static void WriteLine(TextWriter w, EntryResult r, IReadOnlyList<CrossCheckReport> reports)
    {
        var expected = r.Entry.Expect == Expectation.Proved ? "proved" : "refuted";
        var mark = r.AsExpected ? "" : "   <-- NOT AS EXPECTED" + (r.Reason is null ? "" : $": {r.Reason}");
        w.WriteLine($"{r.Entry.Id,-30} {expected,-8} {ProveJsonReport.Word(r.Kind),-8} {ProveTextReport.Ms(r.Elapsed),9} {ProveTextReport.Ms(r.SlowestObligation),9} {r.Obligations,6}  {r.Entry.Title}{mark}");
        if (r.Verdict?.Counterexample is { } cex) w.WriteLine($"{"",30}   counterexample: {cex}");
        if (reports.Count > 0)
        {
            var replays = reports.SelectMany(x => x.Entries).Where(e => e.Solver is "z3" or "cvc5").ToList();
            var summary = string.Join(", ", replays.GroupBy(e => e.Solver).Select(g =>
                $"{g.Key} {g.Count(e => e.Answer.Outcome != Solver.Backends.SolverOutcome.Unknown)}/{g.Count()} answered"));
            w.WriteLine($"{"",30}   cross-check: {(reports.All(x => x.Agree) ? "no disagreement" : "DISAGREEMENT")}; {summary}");
        }
    }

    private static void WriteJson(TextWriter w, List<(EntryResult Result, IReadOnlyList<CrossCheckReport> Reports)> results)
    {
        w.Write(JsonText.Render(j =>
        {
            j.WriteStartArray();
            foreach (var (r, reports) in results)
            {
                j.WriteStartObject();
                j.WriteString("id", r.Entry.Id);
                j.WriteString("title", r.Entry.Title);
                j.WriteString("expected", r.Entry.Expect == Expectation.Proved ? "proved" : "refuted");
                j.WriteString("verdict", ProveJsonReport.Word(r.Kind));
                j.WriteBoolean("as_expected", r.AsExpected);
                j.WriteNumber("elapsed_ms", Math.Round(r.Elapsed.TotalMilliseconds, 1));
                j.WriteNumber("slowest_obligation_ms", Math.Round(r.SlowestObligation.TotalMilliseconds, 1));
                j.WriteNumber("obligations", r.Obligations);
                if (r.Reason is not null) j.WriteString("reason", r.Reason);
                if (r.Verdict?.Counterexample is { } cex) j.WriteString("counterexample", cex.ToString());
                if (reports.Count > 0) j.WriteBoolean("cross_check_agree", reports.All(x => x.Agree));
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }));
    }
}
