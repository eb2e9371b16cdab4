namespace ImplicitReg.Models.Derivations;

/// <summary>
/// A registered derivation: its command-line name, the claim of MATH.md it derives, a one-line summary, the
/// options it reads (with defaults), and how to run it.
/// </summary>
public sealed record DerivationInfo(
    string Name,
    string Claim,
    string Summary,
    string Options,
    Func<DerivationOptions, Derivation> Run);
