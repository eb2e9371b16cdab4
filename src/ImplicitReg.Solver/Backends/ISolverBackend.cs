using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;

namespace ImplicitReg.Solver.Backends;

/// <summary>
/// A decision procedure for the satisfiability of a <see cref="LoweredProblem"/>'s assertions. The in-process
/// Z3 binding is one; the z3 and cvc5 command-line solvers replaying the SMT-LIB certificate are others, so
/// any verdict can be cross-checked by a second, independent solver.
/// </summary>
public interface ISolverBackend
{
    /// <summary>Short name for reports, e.g. <c>z3 (in-process)</c>, <c>cvc5</c>.</summary>
    string Name { get; }

    /// <summary>Decides whether the assertions have a real solution; never throws for timeouts or give-ups.</summary>
    SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default);

    /// <summary>
    /// A backend deciding as this one does whose answers (and models) depend only on the problem, never on timing,
    /// for searches that must give the same result on every run (the rational-witness search after a refutation).
    /// This backend itself when it is deterministic already; a portfolio backend returns one fixed strategy.
    /// </summary>
    ISolverBackend Deterministic => this;
}

/// <summary>The three answers of a satisfiability check of an obligation's negation.</summary>
public enum SolverOutcome
{
    /// <summary>A solution exists: the obligation is false (a model is attached when the backend provides one).</summary>
    Sat,
    /// <summary>No solution: the obligation is proved.</summary>
    Unsat,
    /// <summary>Undecided: timeout, incompleteness, or the solver could not run; <see cref="SolverAnswer.Reason"/> says which.</summary>
    Unknown,
}

/// <summary>What a backend answered, the model of the obligation's own variables when satisfiable, and why not when unknown.</summary>
public sealed record SolverAnswer(
    SolverOutcome Outcome,
    IReadOnlyDictionary<string, ModelValue>? Model,
    string? Reason,
    TimeSpan Elapsed,
    string Engine)
{
    /// <summary>The assertion order of the attempt that answered (certificates are written in it).</summary>
    public AssertionOrder Order { get; init; } = AssertionOrder.Natural;

    /// <summary>An undecided answer with its reason.</summary>
    public static SolverAnswer Unknown(string reason, TimeSpan elapsed, string engine) => new(SolverOutcome.Unknown, null, reason, elapsed, engine);

    /// <summary><c>sat</c>, <c>unsat</c>, or <c>unknown (reason)</c>.</summary>
    public override string ToString() => Outcome switch
    {
        SolverOutcome.Unknown => $"unknown ({Reason})",
        _ => Outcome.ToString().ToLowerInvariant(),
    };
}
