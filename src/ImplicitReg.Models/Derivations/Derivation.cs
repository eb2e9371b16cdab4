namespace ImplicitReg.Models.Derivations;

/// <summary>
/// The result of running a derivation: the setting it was run for, its steps in order, and its conclusion:
/// the derived result compared with the published formulas (data, in the toolkit's syntax; see docs/theory.md),
/// proved, disproved (with a witness) or numeric only.
/// </summary>
public sealed record Derivation(
    string Name,
    string Claim,
    string Title,
    IReadOnlyList<string> Setting,
    IReadOnlyList<DerivationStep> Steps,
    string Published,
    Verdict Conclusion,
    string ConclusionText)
{
    /// <summary>Wall-clock time of the derivation (not part of any snapshot).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Every equation with the verdict of its step, in order.</summary>
    public IEnumerable<(DerivationStep Step, Equation Equation)> Equations() =>
        Steps.SelectMany(s => s.Equations.Select(e => (s, e)));
}
