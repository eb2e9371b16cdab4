using System.Diagnostics;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Native;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using SolverVerdict = ImplicitReg.Solver.Verdicts.Verdict;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Claims.Checks;

/// <summary>
/// A prove check: each statement, under the check's assumptions and wherever its terms are defined, is handed to
/// the solver (Z3, in-process). Verified when every statement is proved (the prover also checks that its premises hold
/// somewhere, <see cref="SolverVerdict.Vacuous"/>); refuted when one has a counterexample the kernel confirms; unknown
/// otherwise (undecided, or premises proved never to hold). The SMT-LIB certificates of every case are written when asked.
/// </summary>
internal static class ProveCheck
{
    public static (CheckVerdict Verdict, string Evidence, string? Reason, CheckEvidence Details) Run(ClaimSpec claim, ProveCheckSpec spec, CheckContext context)
    {
        try
        {
            Z3Library.Require(context.Z3Library);
        }
        catch (SolverUnavailableException missing)
        {
            return (CheckVerdict.Error, "libz3 missing", missing.Message, new ProofEvidence([]));
        }
        var prover = new Prover(new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromMilliseconds(spec.TimeoutMs) });
        var assumptions = spec.Assume.Select(a => (Statement)a.Expr).Concat(spec.Assume.SelectMany(a => a.Domain)).ToList();
        var lemmas = spec.Lemmas.Select(l => new LemmaChain.Lemma((Statement)l.Statement.Expr, l.Statement.Domain.Distinct().ToList()) { Uses = l.Uses }).ToList();
        var chain = new LemmaChain(prover);
        var obligations = new List<ObligationEvidence>();
        var verdicts = new List<(FormulaSpec Statement, SolverVerdict? Verdict, string? Error)>();
        for (int i = 0; i < spec.Statements.Count; i++)
        {
            var statement = spec.Statements[i];
            var name = spec.Statements.Count == 1 ? spec.Id : $"{spec.Id}-{i + 1}";
            var clock = Stopwatch.StartNew();
            // Canonical forms can lose where the statement is defined: the parser's domain conditions become premises.
            var obligation = Obligation.Of(name, (Statement)statement.Expr, statement.Domain.Concat(assumptions).Distinct());
            try
            {
                var verdict = chain.Prove(obligation, lemmas, spec.Uses, context.Cancel);
                var files = WriteCertificates(claim, name, verdict, context);
                verdicts.Add((statement, verdict, null));
                obligations.Add(new ObligationEvidence(statement.Text, spec.Assume.Select(a => a.Text).ToList(), Name(verdict.Kind),
                    verdict.Counterexample?.Values.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.Text)).ToList(),
                    verdict.Reason, files, verdict.Elapsed)
                {
                    Lemmas = verdict.Lemmas.Select(l => new LemmaEvidence(l.Obligation.Goal.ToString(), Name(l.Kind),
                        l.Counterexample is { } c ? $"counterexample {c}" : l.Reason)).ToList(),
                    ChainFailure = verdict.ChainFailure,
                    Confirmation = verdict.Counterexample is { } cex ? Confirmed(cex.Confirmation) : null,
                });
            }
            catch (UntranslatableException e)
            {
                verdicts.Add((statement, null, e.Message));
                obligations.Add(new ObligationEvidence(statement.Text, spec.Assume.Select(a => a.Text).ToList(), "error", null,
                    $"cannot be decided exactly: {e.Message}", [], clock.Elapsed));
            }
        }
        var details = new ProofEvidence(obligations);
        var refuted = verdicts.FirstOrDefault(v => v.Verdict?.Kind == VerdictKind.Refuted);
        if (refuted.Verdict is { } r)
            return (CheckVerdict.Refuted, $"counterexample {r.Counterexample}",
                $"'{refuted.Statement.Text}' (line {refuted.Statement.Location.Line}) is false at {r.Counterexample} ({Confirmed(r.Counterexample!.Confirmation)})", details);
        var error = verdicts.FirstOrDefault(v => v.Error is not null || v.Verdict?.Kind == VerdictKind.InvalidCounterexample);
        if (error.Statement is not null)
            return (CheckVerdict.Error, "not decidable", $"'{error.Statement.Text}' (line {error.Statement.Location.Line}): {error.Error ?? error.Verdict!.Reason}", details);
        var vacuous = verdicts.FirstOrDefault(v => v.Verdict is { Vacuous: true });
        if (vacuous.Statement is { } never)
            return (CheckVerdict.Unknown, "premises never hold",
                $"'{never.Text}' (line {never.Location.Line}) is proved only because its premises (the assumptions, the premises of the statement and where its terms are defined) never hold together: the solver proves they are inconsistent, so the statement says nothing", details);
        var unknown = verdicts.FirstOrDefault(v => v.Verdict?.Kind == VerdictKind.Unknown);
        if (unknown.Statement is not null)
            return (CheckVerdict.Unknown, "solver undecided", $"'{unknown.Statement.Text}' (line {unknown.Statement.Location.Line}): {unknown.Verdict!.Reason}", details);
        var total = verdicts.Aggregate(TimeSpan.Zero, (t, v) => t + v.Verdict!.Elapsed);
        return (CheckVerdict.Verified, $"proved {Plural.Count(verdicts.Count, "statement")} ({Plural.Count(verdicts.Sum(v => v.Verdict!.Cases.Count), "case")}, z3)", null, details);
    }

    // An algebraic point (a root the solver chose, no rational one found near it) is confirmed by interval arithmetic,
    // not exactly: the reason says which, as `implicitreg prove` does.
    // A solver's point the kernel could not confirm is named as such (an invalid-counterexample verdict carries one).
    private static string Confirmed(Confirmation c) => c switch
    {
        Confirmation.Exact => "confirmed by the kernel in exact arithmetic",
        Confirmation.HighPrecision => "confirmed by the kernel with interval arithmetic on algebraic values",
        Confirmation.Invalid => "not confirmed: the kernel finds the statement true or undefined there",
        _ => "not confirmed: interval arithmetic could not decide the statement there",
    };

    private static string Name(VerdictKind k) => k switch
    {
        VerdictKind.Proved => "proved",
        VerdictKind.Refuted => "refuted",
        VerdictKind.Unknown => "unknown",
        _ => "invalid-counterexample",
    };

    // One certificate per case: <dir>/<claim>/<obligation>[-lemmaK][-caseJ].smt2, in the order the solver decided the cases.
    private static IReadOnlyList<string> WriteCertificates(ClaimSpec claim, string name, SolverVerdict verdict, CheckContext context)
    {
        if (context.CertificateDirectory is null) return [];
        var dir = Path.Combine(context.CertificateDirectory, claim.Id);
        Directory.CreateDirectory(dir);
        var files = CertificateSet.Of(Path.Combine(dir, $"{name}.smt2"), verdict);
        foreach (var f in files) File.WriteAllText(f.Path, f.Text);
        return files.Select(f => f.Path).ToList();
    }
}
