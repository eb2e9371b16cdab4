namespace ImplicitReg.Models.Derivations;

/// <summary>
/// A registered derivation: its command-line name, the claim of docs/theory.md it derives, a one-line summary, the
/// options it reads (with defaults), the published formulas it compares with (as data, each with the paper's
/// formula as default), how to run it, and how to judge its options without running it.
/// </summary>
/// <param name="Name">The sub-verb of <c>implicitreg derive</c> and the <c>derivation:</c> of a claim file.</param>
/// <param name="Claim">The claim of docs/theory.md it derives (M1–M8).</param>
/// <param name="Summary">What it derives, in one line.</param>
/// <param name="Options">
/// The options it reads, in the order its options line names them: the one list from which <c>implicitreg derive</c>
/// builds its sub-verb's options and a claim file's message names them (<see cref="OptionsLine"/> is written from it).
/// </param>
/// <param name="Published">The published formulas it compares with, by key, each with the paper's formula as default.</param>
/// <param name="Run">Runs the derivation for the options (the paper's formulas unless the options publish others).</param>
public sealed record DerivationInfo(
    string Name,
    string Claim,
    string Summary,
    IReadOnlyList<DerivationOption> Options,
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

    /// <summary>
    /// For a derivation that reads no option, why (<c>N is a symbol</c>): its options line is then
    /// <c>none (N is a symbol)</c>.
    /// </summary>
    public string? WhyNoOptions { get; init; }

    /// <summary>The keys of <see cref="Options"/> (<c>depth</c>, <c>dims</c>, …), in their order.</summary>
    public IEnumerable<string> OptionKeys => Options.Select(o => o.Key);

    /// <summary>
    /// The options line of <c>derive --list</c> and the messages: each option with its value and default
    /// (<c>--depth N (default 3) --dims d0,...,dN (default all 2)</c>), or <c>none (why)</c>.
    /// </summary>
    public string OptionsLine => Options.Count > 0 ? string.Join(" ", Options)
        : WhyNoOptions is null ? "none" : $"none ({WhyNoOptions})";
}
