namespace ImplicitReg.Numerics.Simulators.Losses;

/// <summary>
/// The constant c in front of a squared loss <c>c·Σ(residual)²</c> (MATH.md: ½ for Razin–Cohen, 1/|Ω| for
/// the "mean squared error over observed entries" of Arora et al., or 1). It changes every rate by a
/// constant factor, so runs always state it.
/// </summary>
public enum LossConstant
{
    /// <summary>c = 1/2.</summary>
    Half,

    /// <summary>c = 1/m for m observed entries or measurements.</summary>
    Mean,

    /// <summary>c = 1.</summary>
    Sum,
}

/// <summary>Helpers for <see cref="LossConstant"/>.</summary>
public static class LossConstants
{
    public static double Value(LossConstant constant, int count) => constant switch
    {
        LossConstant.Half => 0.5,
        LossConstant.Mean => 1.0 / count,
        LossConstant.Sum => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(constant)),
    };

    /// <summary>Name used on the command line and in outputs: half, mean, sum.</summary>
    public static string Name(LossConstant constant) => constant.ToString().ToLowerInvariant();

    public static LossConstant Parse(string text) => text switch
    {
        "half" => LossConstant.Half,
        "mean" => LossConstant.Mean,
        "sum" => LossConstant.Sum,
        _ => throw new ArgumentException($"loss constant must be half, mean or sum, got '{text}'"),
    };
}
