using ImplicitReg.Models.Losses;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// The knobs of <c>implicitreg derive</c>: each derivation reads the ones it needs and uses its own default
/// for a missing one (its <see cref="DerivationInfo.OptionsLine"/> says which).
/// </summary>
public sealed record DerivationOptions
{
    /// <summary>Depth N of a matrix factorization (or the exponent N of the scalar chain).</summary>
    public int? Depth { get; init; }

    /// <summary>Layer sizes d_0..d_N, or tensor mode sizes.</summary>
    public IReadOnlyList<int>? Dims { get; init; }

    /// <summary>Order of a CP tensor factorization.</summary>
    public int? Order { get; init; }

    /// <summary>Number of CP components R.</summary>
    public int? Components { get; init; }

    /// <summary>The loss constant, where the derivation has a concrete loss.</summary>
    public LossScale? Loss { get; init; }

    /// <summary>
    /// The published formulas to compare with, by key (see <see cref="DerivationInfo.Published"/>); a missing key
    /// takes the paper's formula. A negative control is a wrong formula here.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Published { get; init; }

    /// <summary>Options with nothing set: every derivation's default case.</summary>
    public static readonly DerivationOptions Defaults = new();
}
