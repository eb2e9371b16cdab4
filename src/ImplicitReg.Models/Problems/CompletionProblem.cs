using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Problems;

/// <summary>
/// A matrix completion problem of the papers, defined once and used by the derivations, the simulators and the
/// claims: its name (as runs and claim files call it), a description, the matrix shape and the observed entries
/// with their exact targets (1-based).
/// </summary>
public sealed record CompletionProblem(string Name, string Description, int Rows, int Cols, IReadOnlyList<Observation> Observed)
{
    /// <summary>The completion loss with constant c of <paramref name="scale"/> on the observed entries.</summary>
    public CompletionLoss Loss(LossScale scale) => new(Rows, Cols, Observed, scale);

    /// <summary>The target of an observed entry, or null when (row, col) is not observed.</summary>
    public Rational? Target(int row, int col) => Observed.FirstOrDefault(o => o.Row == row && o.Col == col)?.Target;
}
