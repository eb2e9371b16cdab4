namespace ImplicitReg.Models.Derivations;

/// <summary>
/// A registered derivation: its command-line name, the claim of docs/theory.md it derives, a one-line summary, the
/// options it reads (with defaults), the published formulas it compares with (as data, each with the paper's
/// formula as default), how to run it, and how to judge its options without running it.
/// </summary>
public sealed record DerivationInfo(
    string Name,
    string Claim,
    string Summary,
    string Options,
    IReadOnlyList<PublishedFormula> Published,
    Func<DerivationOptions, Derivation> Run)
{
    /// <summary>
    /// Throws the <see cref="DerivationOptionException"/> that <see cref="Run"/> would throw for these options, without
    /// deriving anything (it builds no expression, so it is cheap for any size): options outside the derivation's own
    /// limits (a depth above its limit, non-square layers where it needs square ones), and published formulas that do
    /// not parse or name a symbol the derivation does not bind. <see cref="Run"/> starts with the same checks, so a
    /// claim file can be judged when it loads, with the derivation's own limits and names rather than a copy of them.
    /// </summary>
    public required Action<DerivationOptions> Check { get; init; }
}
