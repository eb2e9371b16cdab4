namespace ImplicitReg.Models.Derivations;

/// <summary>
/// One option a derivation reads: its <paramref name="Key"/> (<c>depth</c>, the <c>--depth</c> of
/// <c>implicitreg derive</c> and the <c>options.depth</c> of a claim file) and how its value and default read in the
/// derivation's options line (<c>N (default 3)</c>).
/// </summary>
/// <param name="Key">One of the knobs of <see cref="DerivationOptions"/>: depth, dims, order, components or loss.</param>
/// <param name="Value">The value's shape and its default, as the options line writes them after the option.</param>
public sealed record DerivationOption(string Key, string Value)
{
    /// <summary>The keys a derivation may read: the knobs of <see cref="DerivationOptions"/> that a user sets.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["depth", "dims", "order", "components", "loss"];

    /// <summary>The option as the options line writes it: <c>--depth N (default 3)</c>.</summary>
    public override string ToString() => $"{DerivationOptionException.CommandLine(Key)} {Value}";
}
