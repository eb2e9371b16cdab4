using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// The constant c in front of a squared-error loss (docs/theory.md, Notation): it changes every derived formula,
/// so it is part of the loss, never assumed.
/// </summary>
public enum LossScale
{
    /// <summary>c = ½ (Razin &amp; Cohen): <c>half-sse</c>.</summary>
    HalfSse,

    /// <summary>c = 1/|Ω| or 1/m, the mean (Arora et al.): <c>mse</c>.</summary>
    Mse,

    /// <summary>c = 1, the plain sum: <c>sse</c>.</summary>
    Sse,
}

/// <summary>Names and values of <see cref="LossScale"/>.</summary>
public static class LossScales
{
    /// <summary>The command-line names, in declaration order.</summary>
    public static readonly IReadOnlyList<string> Names = ["half-sse", "mse", "sse"];

    /// <summary>The command-line name of <paramref name="scale"/>: <c>half-sse</c>, <c>mse</c> or <c>sse</c>.</summary>
    public static string Name(LossScale scale) => Names[(int)scale];

    /// <summary>Parses <c>half-sse</c>, <c>mse</c> or <c>sse</c>.</summary>
    public static bool TryParse(string text, out LossScale scale)
    {
        int i = Names.ToList().IndexOf(text);
        scale = i < 0 ? LossScale.HalfSse : (LossScale)i;
        return i >= 0;
    }

    /// <summary>The constant c for a loss summing <paramref name="termCount"/> squared residuals.</summary>
    public static Rational Constant(LossScale scale, int termCount) => scale switch
    {
        LossScale.HalfSse => Rational.Half,
        LossScale.Mse => termCount > 0 ? new Rational(1, termCount) : throw new ArgumentException("the mean of no terms is undefined"),
        LossScale.Sse => Rational.One,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
