namespace ImplicitReg.Models.Derivations;

/// <summary>
/// One named step of a derivation: its equations, the reason they hold (the rule applied, or the check
/// done) and the kernel's verdict; a disproved step carries the exact witness.
/// </summary>
public sealed record DerivationStep(
    string Name,
    IReadOnlyList<Equation> Equations,
    string Reason,
    Verdict Verdict,
    string? Witness = null)
{
    /// <summary>A step with a single equation.</summary>
    public static DerivationStep Of(string name, Equation equation, string reason, Verdict verdict, string? witness = null) =>
        new(name, [equation], reason, verdict, witness);
}
