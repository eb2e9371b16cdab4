using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

/// <summary>The three outcomes of <see cref="Algebra.Equal"/>.</summary>
public enum EqualityVerdict
{
    /// <summary>The difference is zero as a rational function (generators treated as independent variables).</summary>
    ProvedEqual,

    /// <summary>An exact rational point where the two sides differ was found (see <see cref="EqualityResult.Witness"/>).</summary>
    NotEqual,

    /// <summary>Not proved, but equal at every sampled point: evidence, never a proof.</summary>
    NumericallyEqual,
}

/// <summary>
/// The answer of an equality check. <see cref="Witness"/> is set for <see cref="EqualityVerdict.NotEqual"/>
/// only, together with both sides' values there (exact numbers when the values are rational);
/// <see cref="SampleCount"/> and <see cref="Seed"/> describe the sampling behind a numeric verdict (and
/// the search for a witness).
/// </summary>
public sealed record EqualityResult(
    EqualityVerdict Verdict,
    IReadOnlyDictionary<string, Rational>? Witness,
    Expr? LeftValue,
    Expr? RightValue,
    int SampleCount,
    int? Seed,
    string Explanation)
{
    /// <summary>False only for <see cref="EqualityVerdict.NotEqual"/>; a numeric agreement that is not a proof also counts, so read <see cref="Verdict"/> to tell them apart.</summary>
    public bool IsEqual => Verdict != EqualityVerdict.NotEqual;
}
