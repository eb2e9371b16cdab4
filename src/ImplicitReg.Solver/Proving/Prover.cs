using System.Diagnostics;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Solver.Proving;

/// <summary>Options of <see cref="Prover"/>.</summary>
public sealed record ProverOptions
{
    /// <summary>Time limit of each case's solver call.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Substitute away symbols an equation defines linearly, e.g. <c>l := s²/2</c> (docs/theory.md, solving notes).</summary>
    public bool EliminateDefinitions { get; init; } = true;

    /// <summary>Split <c>abs</c> into sign cases, each a separate obligation (docs/theory.md, solving notes).</summary>
    public bool SplitAbs { get; init; } = true;

    /// <summary>
    /// Limits of the search for an all-rational counterexample after a refutation with irrational coordinates
    /// (<see cref="RationalWitness"/>); null skips the search.
    /// </summary>
    public WitnessOptions? RationalWitness { get; init; } = new();
}

/// <summary>One case of an obligation, lowered and reduced: what the solver sees and the certificate contains.</summary>
public sealed record PreparedCase(Obligation Case, LoweredProblem Problem, IReadOnlyList<Elimination> Eliminated);

/// <summary>
/// Proves an obligation by refuting its negation: split absolute values into sign cases, lower each case
/// to polynomial arithmetic, eliminate linearly defined symbols, and ask the backend. Proved when every case is
/// unsatisfiable; refuted when a case yields a model that the kernel confirms falsifies the original
/// statement; otherwise unknown with the solver's reasons. Unknown is never reported as proved, and neither is a
/// statement whose premises the solver proves never hold (unknown, <see cref="Verdict.Vacuous"/>).
/// </summary>
public sealed class Prover(ISolverBackend backend, ProverOptions? options = null)
{
    // The options live with the cache of prepared cases, whose content they decide (abs splitting, elimination): one
    // instance, so the cases and the solving can never follow two different defaults.
    private readonly PreparedObligations _prepared = new(options ?? new ProverOptions());

    private ProverOptions Options => _prepared.Options;

    /// <summary>The backend that decides the cases.</summary>
    public ISolverBackend Backend => backend;

    /// <summary>
    /// Prepares the cases of an obligation without solving them (the certificates' content). Throws
    /// <see cref="UntranslatableException"/> for statements outside exact real arithmetic. Each obligation is lowered
    /// once per prover: a later request (and <see cref="Prove"/>) gets the same cases.
    /// </summary>
    public IReadOnlyList<PreparedCase> Prepare(Obligation obligation) => _prepared.Of(obligation);

    /// <summary>Decides <paramref name="obligation"/>: proved, refuted with a confirmed counterexample, or unknown with the reason.</summary>
    public Verdict Prove(Obligation obligation, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var original = obligation.Normalized();
        var prepared = Prepare(original);
        var results = new List<CaseResult>();
        var unknowns = new List<string>();
        foreach (var (c, problem, eliminated) in prepared)
        {
            cancel.ThrowIfCancellationRequested();
            var answer = backend.Check(problem, Options.Timeout, cancel);
            if (answer.Outcome == SolverOutcome.Sat) answer = Reproducible(problem, answer, cancel);
            results.Add(new CaseResult(c, problem, eliminated, answer));
            switch (answer.Outcome)
            {
                case SolverOutcome.Unsat:
                    continue;
                case SolverOutcome.Unknown:
                    unknowns.Add(prepared.Count == 1 ? answer.Reason ?? "unknown" : $"{c.Name}: {answer.Reason}");
                    continue;
            }
            if (answer.Model is null)
            {
                unknowns.Add($"{c.Name}: {backend.Name} answered sat without a model to confirm");
                continue;
            }
            var cex = Counterexample.Check(original, eliminated, answer.Model);
            switch (cex.Confirmation)
            {
                case Confirmation.Exact or Confirmation.HighPrecision:
                    if (answer.Model.Values.Any(v => !v.IsExact) && Rationalize(original, problem, eliminated, answer, cancel) is var (exact, rational))
                    {
                        // The certificate pins the rational point, and prove prints it: the kernel confirmed it exactly.
                        results[^1] = results[^1] with { Answer = answer with { Model = exact } };
                        cex = rational;
                    }
                    return new Verdict(VerdictKind.Refuted, original, results, cex, null, clock.Elapsed);
                case Confirmation.Invalid:
                    return new Verdict(VerdictKind.InvalidCounterexample, original, results, cex,
                        $"{backend.Name} reported a counterexample but {cex.Explanation}: this is a bug (in the translation or the solver), please report it",
                        clock.Elapsed);
                default:
                    unknowns.Add($"{c.Name}: counterexample found but {cex.Explanation}");
                    continue;
            }
        }
        if (unknowns.Count > 0)
            return new Verdict(VerdictKind.Unknown, original, results, null, string.Join("; ", unknowns), clock.Elapsed);
        if (Inconsistent(prepared, cancel) is { } why)
            return new Verdict(VerdictKind.Unknown, original, results, null, why, clock.Elapsed) { Vacuous = true };
        return new Verdict(VerdictKind.Proved, original, results, null, null, clock.Elapsed);
    }

    /// <summary>
    /// The satisfying answer whose model a reviewer sees in the counterexample, taken from the backend's
    /// <see cref="ISolverBackend.Deterministic"/> form: a portfolio's model is that of whichever attempt answered first,
    /// so the same claim printed <c>x = 0</c> on one run and <c>x = -0.718…?</c> on the next. Only a satisfiable case
    /// pays for the second call (refutations are the rare answer). The portfolio's own answer stays when the
    /// deterministic form gives no model within the same time limit: the kernel confirms either model alike.
    /// </summary>
    private SolverAnswer Reproducible(LoweredProblem problem, SolverAnswer answer, CancellationToken cancel)
    {
        var fixedForm = backend.Deterministic;
        if (ReferenceEquals(fixedForm, backend)) return answer;
        var again = fixedForm.Check(problem, Options.Timeout, cancel);
        return again.Outcome == SolverOutcome.Sat && again.Model is not null ? again with { Elapsed = answer.Elapsed + again.Elapsed } : answer;
    }

    /// <summary>
    /// Why the premises of every case hold nowhere (then the statement is proved whatever it says), or null. An
    /// obligation is decided wherever its premises hold: the assumptions, the sign condition of its case, and where
    /// its terms are defined. When they hold nowhere, every goal is "proved": <c>sqrt(-1 - x^2) = 7</c> (defined
    /// nowhere), <c>x &lt; 0 implies sqrt(x) = 5</c>, <c>x = 1 implies 1/(x - 1) = 2</c>. Only a proof of
    /// inconsistency counts: one case whose premises have a solution, or an undecided query, leaves the proof alone.
    /// </summary>
    private string? Inconsistent(IReadOnlyList<PreparedCase> prepared, CancellationToken cancel)
    {
        foreach (var (_, problem, _) in prepared)
        {
            // Root, abs and sign definitions have a solution at every point of the domain: nothing else can fail.
            if (problem.Domain.Count == 0 && problem.Assumptions.Count == 0) return null;
            var premises = problem with { Name = problem.Name + " (premises)", Goal = BoolConst.False };
            var answer = backend.Check(premises, Options.Timeout, cancel);
            if (answer.Outcome != SolverOutcome.Unsat) return null;
        }
        return "proved only vacuously: its premises (the assumptions, the premises of the statement and where its terms are " +
            "defined) never hold together, as the solver proves, so the statement says nothing; state premises that hold somewhere";
    }

    /// <summary>
    /// An all-rational counterexample near an algebraic one, confirmed by the kernel in exact arithmetic, or null. The
    /// search asks the backend's <see cref="ISolverBackend.Deterministic"/> form (a portfolio's winner varies with timing).
    /// </summary>
    private (IReadOnlyDictionary<string, ModelValue> Model, Counterexample Counterexample)? Rationalize(
        Obligation original, LoweredProblem problem, IReadOnlyList<Elimination> eliminated, SolverAnswer answer, CancellationToken cancel)
    {
        if (Options.RationalWitness is not { } limits || answer.Model is not { } model) return null;
        if (RationalWitness.Search(problem, model, backend.Deterministic, limits, cancel) is not { } rational) return null;
        var cex = Counterexample.Check(original, eliminated, rational);
        return cex.Confirmation == Confirmation.Exact ? (rational, cex) : null;
    }
}
