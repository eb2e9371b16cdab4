using System.Globalization;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Claims.Checks;

/// <summary>
/// A simulate check: the run of the claim's run specification (the same code as <c>implicitreg simulate</c>), then
/// every predicate over the recorded columns. Verified when all hold; refuted at the first predicate that fails or is
/// undefined at a record (a side NaN or infinite: under IEEE, NaN != 5 would hold; see Algebra.DefinedTruth),
/// with its first failing record and the record checked before it (the failure lies between them: only the recorded
/// rows are seen); unknown when a predicate's condition never held (it would be vacuous) or a trend was checked at
/// one record (it says nothing); error when the run diverged or was interrupted.
/// </summary>
internal static class SimulateCheck
{
    /// <summary>Relative slack of grows-as-loss-falls: a decrease smaller than this is round-off, not a decrease.</summary>
    public const double GrowthSlack = 1e-12;

    public static (CheckVerdict Verdict, string Evidence, string? Reason, CheckEvidence Details) Run(SimulateCheckSpec spec, CheckContext context)
    {
        using var run = PreparedRun.Prepare(spec.Run);
        var recorded = RecordedRun.Execute(run, new RecordingHooks { Cancel = context.Cancel });
        var symbols = RecordColumns.Symbols(recorded.Columns);
        var series = new Series("run", recorded.Columns.Select((c, i) =>
            new SeriesColumn(RecordColumns.Display(c), recorded.Rows.Select(r => r[i]).ToList())).ToList());
        var status = recorded.Result.Status switch
        {
            RunStatus.Converged => "converged",
            RunStatus.StepLimit => "step-limit",
            RunStatus.Diverged => "diverged",
            _ => "interrupted",
        };
        var runText = $"{run.Model} {run.ProblemName}, seed {run.Seed}, {status} at step {recorded.Result.Steps} (loss {RunText.Short(recorded.Result.FinalLoss)})";
        // A run that its stop-loss ends early keeps few rows (the default period is a 200th of the step limit).
        var more = RecordingText.Suggestion(recorded.Result, run.Schedule.Steps, run.Schedule.RecordEvery, recorded.Rows.Count, "run.record-every");
        if (RecordingText.FewRowsNote(recorded.Result, run.Schedule.Steps, run.Schedule.RecordEvery, recorded.Rows.Count, "run.record-every") is { } few)
            runText += $"; {few}";
        if (recorded.Result.Status is RunStatus.Diverged or RunStatus.Cancelled)
        {
            var why = recorded.Result.Status == RunStatus.Diverged
                ? $"the run diverged at step {recorded.Result.DivergedAt} (lower run.lr)" : "the run was interrupted";
            return (CheckVerdict.Error, why, $"{why}; {runText}", new SimulateEvidence(runText, run.Seed, status, [], series));
        }
        var rowsText = RecordingText.Rows(recorded.Rows.Count, run.Schedule.RecordEvery);
        var outcomes = spec.Predicates.Select(p => Evaluate(p, recorded.Rows, recorded.Columns, symbols)).ToList();
        var results = outcomes.Select(o => o.Evidence).ToList();
        var details = new SimulateEvidence(runText, run.Seed, status, results, series);
        // A predicate sees the recorded rows only: the failure lies somewhere after the previous record checked, so
        // both are named, with how often the run recorded.
        var failed = outcomes.FirstOrDefault(o => o.Evidence.FailingRecord is not null);
        if (failed.Evidence is { FailingRecord: { } at } f)
        {
            var where = failed.Previous is { } prev
                ? failed.Pointwise ? $"it held at step {Step(recorded, prev)}, the previous record checked" : $"over the records checked from step {Step(recorded, prev)}"
                : f.At == "end" ? "the last record, the only one checked" : "the first record checked";
            var clause = $"({where}; {rowsText})";
            return (CheckVerdict.Refuted, $"{f.Name} fails at step {Step(recorded, at)} {clause}",
                $"predicate '{f.Name}' ({Describe(f)}) {f.Explanation} {clause}", details);
        }
        var vacuous = results.FirstOrDefault(p => p.Checked == 0);
        if (vacuous is not null)
            return (CheckVerdict.Unknown, $"{vacuous.Name}: no record where {vacuous.Where} ({rowsText})",
                $"predicate '{vacuous.Name}' was checked at no record: its condition '{vacuous.Where}' never held in {recorded.Rows.Count} records ({rowsText}; {runText})", details);
        // A trend over fewer than two records says nothing either way (the predicate is neither held nor failed there).
        var undecided = results.FirstOrDefault(p => !p.Held);
        if (undecided is not null)
            return (CheckVerdict.Unknown, $"{undecided.Name}: a trend needs two records, {undecided.Checked} checked ({rowsText})",
                $"predicate '{undecided.Name}' ({Describe(undecided)}) {undecided.Explanation}; {rowsText} ({runText}): " +
                "record more often (a smaller run.record-every) or run longer", details);
        return (CheckVerdict.Verified, $"{Plural.Count(results.Count, "predicate")} {(results.Count == 1 ? "holds" : "hold")} over {recorded.Rows.Count} records ({status} at step {recorded.Result.Steps}{(more is null ? "" : $"; {more}")})", null, details);
    }

    private static string Step(RecordedRunResult r, int? record) =>
        record is { } i && i < r.Rows.Count ? ((long)r.Rows[i][0]).ToString(CultureInfo.InvariantCulture) : "?";

    private static string Describe(PredicateEvidence p) =>
        (p.Kind == "holds" ? $"holds: {p.Formula}" : $"{p.Kind}: {p.Formula}") + (p.Where is null ? "" : $" where {p.Where}") + $", at {p.At}";

    /// <summary>A predicate's evidence; the record checked before its failing one (null when none was); whether it fails at
    /// that record alone (false for "did not grow", which compares the first record checked with the last).</summary>
    private readonly record struct Outcome(PredicateEvidence Evidence, int? Previous, bool Pointwise);

    private static Outcome Evaluate(PredicateSpec p, IReadOnlyList<double[]> rows, IReadOnlyList<string> columns, Dictionary<string, int> symbols)
    {
        var at = p.At == PredicateAt.End ? "end" : "every";
        var kind = p.Kind == PredicateKind.Holds ? "holds" : "grows-as-loss-falls";
        var formula = (p.Holds ?? p.Quantity)!;
        IEnumerable<int> candidates = p.At == PredicateAt.End ? rows.Count == 0 ? [] : [rows.Count - 1] : Enumerable.Range(0, rows.Count);
        // A condition undefined at a record (a side NaN or infinite) neither selects nor skips it: the predicate fails there.
        int? undefinedWhere = p.Where is null ? null
            : candidates.Cast<int?>().FirstOrDefault(i => Algebra.DefinedTruth(p.Where.Expr, RecordColumns.Environment(rows[i!.Value], symbols)) is null);
        var selected = candidates.Where(i => p.Where is null || Algebra.DefinedTruth(p.Where.Expr, RecordColumns.Environment(rows[i], symbols)) == true).ToList();
        Outcome Result(bool held, int? failing, string? why, bool pointwise = true)
        {
            var evidence = new PredicateEvidence(p.Name, at, kind, formula.Text, p.Where?.Text, held, Math.Max(selected.Count, failing is null ? 0 : 1), failing, why);
            int? previous = failing is not { } f ? null : pointwise ? selected.Where(i => i < f).Cast<int?>().LastOrDefault() : selected[0];
            return new Outcome(evidence, previous, pointwise);
        }
        if (undefinedWhere is { } u)
            return Result(false, u, $"cannot be checked at record {u + 1} of {rows.Count}: its condition '{p.Where!.Text}' is undefined there (a side is not a finite number): {Record(rows[u], columns, p, symbols)}");

        if (p.Kind == PredicateKind.Holds)
        {
            foreach (var i in selected)
            {
                var truth = Algebra.DefinedTruth(p.Holds!.Expr, RecordColumns.Environment(rows[i], symbols));
                if (truth is null)
                    return Result(false, i, $"is undefined at record {i + 1} of {rows.Count} (a side is not a finite number): {Record(rows[i], columns, p, symbols)}");
                if (truth == false)
                    return Result(false, i, $"is false at record {i + 1} of {rows.Count}: {Record(rows[i], columns, p, symbols)}");
            }
            return Result(true, null, null);
        }
        int loss = symbols["loss"];
        double? previousQ = null, previousLoss = null, firstQ = null;
        int? firstIndex = null;
        foreach (var i in selected)
        {
            var q = Algebra.Evaluate(p.Quantity!.Expr, RecordColumns.Environment(rows[i], symbols));
            if (previousQ is { } pq && previousLoss is { } pl && rows[i][loss] < pl && q < pq - GrowthSlack * Math.Abs(pq))
                return Result(false, i, $"decreased from {RunText.Short(pq)} to {RunText.Short(q)} while the loss fell from {RunText.Short(pl)} to {RunText.Short(rows[i][loss])}, at record {i + 1}: {Record(rows[i], columns, p, symbols)}");
            if (!double.IsFinite(q))
                return Result(false, i, $"is not finite at record {i + 1}: {Record(rows[i], columns, p, symbols)}");
            firstQ ??= q;
            firstIndex ??= i;
            previousQ = q;
            previousLoss = rows[i][loss];
        }
        if (selected.Count >= 2 && !(previousQ > firstQ))
            return Result(false, selected[^1], $"did not grow: {RunText.Short(firstQ!.Value)} at record {firstIndex + 1}, {RunText.Short(previousQ!.Value)} at the last record considered", pointwise: false);
        // Neither held nor failed: the check reports it unknown, naming the record count and how to get more.
        if (selected.Count == 1)
            return Result(false, null, $"was checked at 1 record of {rows.Count} (step {((long)rows[selected[0]][0]).ToString(CultureInfo.InvariantCulture)}): a trend needs at least two");
        return Result(true, null, null);
    }

    // The step, time and loss of the record, and every column the predicate uses.
    private static string Record(double[] row, IReadOnlyList<string> columns, PredicateSpec p, Dictionary<string, int> symbols)
    {
        var used = new[] { p.Holds, p.Quantity, p.Where }.Where(f => f is not null)
            .SelectMany(f => Algebra.FreeSymbols(f!.Expr)).Select(s => symbols[s.Name]).Concat([0, 1, 2]).Distinct().Order();
        return string.Join(", ", used.Select(i => $"{RecordColumns.Display(columns[i])} = {RunText.Short(row[i])}"));
    }
}
