using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Verdicts;

namespace ImplicitReg.Solver.Certificates;

/// <summary>One replay of one case's certificate by one solver.</summary>
public sealed record CrossCheckEntry(string Case, string Solver, SolverAnswer Answer);

/// <summary>
/// The replays of a verdict's certificates. Solvers <see cref="Agree"/> when no two definite answers
/// (sat/unsat) differ; an unknown or a timeout (cvc5 1.0.3 is weak on nonlinear arithmetic) is reported
/// as such, never as a disagreement.
/// </summary>
public sealed record CrossCheckReport(IReadOnlyList<CrossCheckEntry> Entries, IReadOnlyList<string> Disagreements)
{
    /// <summary>True when no two definite answers differ.</summary>
    public bool Agree => Disagreements.Count == 0;

    /// <summary>Entries whose solver gave no definite answer (unknown, timeout, not installed).</summary>
    public IEnumerable<CrossCheckEntry> Unanswered => Entries.Where(e => e.Answer.Outcome == SolverOutcome.Unknown);

    /// <summary>The time the replays took together (the proof's own answers, listed first per case, not counted).</summary>
    public TimeSpan ReplayTime { get; init; }
}

/// <summary>Replays every case of a verdict with independent solvers, through the SMT-LIB certificate.</summary>
public static class CrossCheck
{
    /// <summary>The replayers of <c>--cross-check</c>: the z3 and cvc5 command-line solvers.</summary>
    public static IReadOnlyList<ISolverBackend> DefaultReplayers() => [CommandLineSolver.Z3(), CommandLineSolver.Cvc5()];

    /// <summary>Replays the certificate of every case of <paramref name="verdict"/> with each of <paramref name="replayers"/>.</summary>
    public static CrossCheckReport Run(Verdict verdict, IReadOnlyList<ISolverBackend> replayers, TimeSpan timeout, CancellationToken cancel = default)
    {
        var entries = new List<CrossCheckEntry>();
        var disagreements = new List<string>();
        var replaying = TimeSpan.Zero;
        foreach (var c in verdict.Cases)
        {
            var answers = new List<CrossCheckEntry> { new(c.Case.Name, c.Answer.Engine, c.Answer) };
            foreach (var r in replayers)
            {
                cancel.ThrowIfCancellationRequested();
                var replay = r.Check(c.Certified, timeout, cancel);
                replaying += replay.Elapsed;
                answers.Add(new CrossCheckEntry(c.Case.Name, r.Name, replay));
            }
            entries.AddRange(answers);
            var definite = answers.Where(a => a.Answer.Outcome != SolverOutcome.Unknown).ToList();
            if (definite.Select(a => a.Answer.Outcome).Distinct().Count() > 1)
                disagreements.Add($"{c.Case.Name}: " + string.Join(", ", definite.Select(a => $"{a.Solver} {a.Answer.Outcome.ToString().ToLowerInvariant()}")));
        }
        return new CrossCheckReport(entries, disagreements) { ReplayTime = replaying };
    }
}
