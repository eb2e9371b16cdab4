namespace ImplicitReg.Models.Derivations;

/// <summary>
/// A registered derivation: its command-line name, the claim of docs/theory.md it derives, a one-line summary, the
/// options it reads (with defaults), the published formulas it compares with (as data, each with the paper's
/// formula as default), and how to run it.
/// </summary>
public sealed record DerivationInfo(
    string Name,
    string Claim,
    string Summary,
    string Options,
    IReadOnlyList<PublishedFormula> Published,
    Func<DerivationOptions, Derivation> Run);
