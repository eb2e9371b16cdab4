using System.Globalization;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>The human-readable report of <c>prove</c>: the verdict word first, then the evidence.</summary>
internal static class ProveTextReport
{
    public static void Write(TextWriter w, Verdict v, IReadOnlyList<string> certificates, CrossCheckReport? report)
    {
        switch (v.Kind)
        {
            case VerdictKind.Proved:
                w.WriteLine("proved");
                break;
            case VerdictKind.Refuted:
                w.WriteLine("refuted");
                break;
            case VerdictKind.InvalidCounterexample:
                w.WriteLine("error: invalid counterexample");
                w.WriteLine($"  {v.Reason}");
                break;
            default:
                w.WriteLine("unknown");
                w.WriteLine($"  reason: {v.Reason}");
                break;
        }
        w.WriteLine($"  claim: {v.Obligation.Statement}");
        foreach (var e in v.Eliminated) w.WriteLine($"  eliminated: {e}");
        WriteDomain(w, v);
        if (v.Counterexample is { } cex)
        {
            w.WriteLine($"  counterexample ({ConfirmationText(cex.Confirmation)}):");
            foreach (var (name, value) in cex.Values)
                w.WriteLine(value.IsExact ? $"    {name} = {value.Text}" : $"    {name} ≈ {value.Text}");
        }
        for (var k = 0; k < v.Lemmas.Count; k++)
        {
            var lemma = v.Lemmas[k];
            var uses = lemma.Assumes.Count == k ? "" : $" (uses {(lemma.Assumes.Count == 0 ? "none" : string.Join(",", lemma.Assumes))})";
            w.WriteLine($"  lemma {k + 1}{uses}: {ProveJsonReport.Word(lemma.Kind)}: {lemma.Obligation.Goal}");
            WriteCases(w, lemma, "    ");
        }
        if (v.ChainFailure is { } failure) w.WriteLine($"  lemmas: the chain does not prove the statement ({failure}); the statement alone:");
        else if (v.Step is not null) w.WriteLine($"  statement under {Under(v.Assumes, v.Lemmas.Count)}:");
        WriteCases(w, v, "  ");
        foreach (var file in certificates) w.WriteLine($"  certificate: {file}");
        if (report is not null) WriteCrossCheck(w, report);
        // The replays run after the proof and are timed apart: a 10 s cvc5 replay must not read as a 129 ms total.
        w.WriteLine(report is null ? $"  time: {Ms(v.Elapsed)}"
            : $"  time: {Ms(v.Elapsed)} to decide, {Ms(report.ReplayTime)} replaying");
    }

    // Where the proof holds: one list when every case has the same conditions, else each case's own list (merged,
    // the sign cases of abs(x)^(2/3) would read "x >= 0, -x >= 0", a single point that no case is restricted to).
    private static void WriteDomain(TextWriter w, Verdict v)
    {
        if (v.DomainConditions.Count == 0) return;
        if (v.DomainIsUniform)
        {
            w.WriteLine($"  where defined: {string.Join(", ", v.DomainConditions)}");
            return;
        }
        w.WriteLine("  where defined, case by case:");
        foreach (var (name, conditions) in v.DomainByCase)
            w.WriteLine($"    case {name}: {(conditions.Count == 0 ? "everywhere" : string.Join(", ", conditions))}");
    }

    // One line per case of a statement or of a lemma (indented under it): its answer, the engine and the time.
    private static void WriteCases(TextWriter w, Verdict v, string indent)
    {
        foreach (var c in v.Cases)
            w.WriteLine($"{indent}case {c.Case.Name}: {Answer(c.Answer)} by {c.Answer.Engine} in {Ms(c.Answer.Elapsed)}");
    }

    // The lemmas the last step assumed: all of them, the ones its uses list names, or none.
    private static string Under(IReadOnlyList<int> assumes, int lemmas) => assumes.Count switch
    {
        0 => "no lemma",
        _ when assumes.Count == lemmas => $"the {Plural.Count(lemmas, "lemma")}",
        1 => $"lemma {assumes[0]}",
        _ => $"lemmas {string.Join(",", assumes)}",
    };

    internal static void WriteCrossCheck(TextWriter w, CrossCheckReport report)
    {
        w.WriteLine("  cross-check (SMT-LIB certificate replayed by each solver):");
        foreach (var e in report.Entries)
            w.WriteLine($"    {e.Case}: {e.Solver}: {Answer(e.Answer)} ({Ms(e.Answer.Elapsed)})");
        if (report.Agree)
        {
            var silent = report.Unanswered.Count();
            w.WriteLine(silent == 0
                ? "    all solvers agree"
                : $"    no disagreement ({Plural.Count(silent, "replay")} gave no definite answer: reported as such, not as disagreement)");
        }
        else
        {
            foreach (var d in report.Disagreements) w.WriteLine($"    DISAGREEMENT {d}");
        }
    }

    internal static string Answer(SolverAnswer a) => a.Outcome switch
    {
        SolverOutcome.Unsat => "unsat",
        SolverOutcome.Sat => "sat",
        _ => $"unknown ({a.Reason})",
    };

    internal static string ConfirmationText(Confirmation c) => c switch
    {
        Confirmation.Exact => "confirmed by the kernel in exact arithmetic",
        Confirmation.HighPrecision => "confirmed by the kernel with interval arithmetic on algebraic values",
        Confirmation.Invalid => "does NOT falsify the statement",
        _ => "not confirmed",
    };

    internal static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
