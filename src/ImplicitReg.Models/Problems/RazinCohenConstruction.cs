using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Problems;

/// <summary>
/// M6, the construction of Razin and Cohen (2020, Section 3): a 2×2 completion with Ω = {(1,2), (2,1), (2,2)} and
/// targets 1, 1, 0, whose solutions <c>[[x, 1], [1, 0]]</c> all have det = −1, so every norm is minimised at x = 0
/// while gradient flow from det W(0) &gt; 0 drives the norms to infinity. Its d × d′ generalisation: target 1 at
/// (1,2), (2,1) and (i,i) for i ≥ 3, 0 elsewhere, every entry observed except (1,1). Defined here once; the
/// simulators, the derivations' default observations and the claim files use it.
/// </summary>
public static class RazinCohenConstruction
{
    /// <summary>The name of the 2×2 problem in runs and claim files.</summary>
    public const string TwoByTwoName = "2x2";

    /// <summary>The name of the d × d′ generalisation in runs and claim files.</summary>
    public const string GeneralizedName = "generalized";

    /// <summary>The target of entry (i, j) (1-based) in the construction of any size: 1 at (1,2), (2,1) and (i,i) for i ≥ 3.</summary>
    public static Rational Target(int i, int j) => (i, j) is (1, 2) or (2, 1) || (i == j && i >= 3) ? Rational.One : Rational.Zero;

    /// <summary>The 2×2 construction.</summary>
    public static CompletionProblem TwoByTwo { get; } = new(TwoByTwoName, "2x2 completion of Razin and Cohen (M6)", 2, 2,
        [new(1, 2, Rational.One), new(2, 1, Rational.One), new(2, 2, Rational.Zero)]);

    /// <summary>The rows × cols generalisation (rows, cols ≥ 2): every entry observed except (1,1). For 2×2 it is <see cref="TwoByTwo"/>.</summary>
    public static CompletionProblem Generalized(int rows, int cols)
    {
        if (rows < 2 || cols < 2) throw new ArgumentException("the generalized construction needs at least 2×2");
        var observed = new List<Observation>();
        for (int i = 1; i <= rows; i++)
            for (int j = 1; j <= cols; j++)
                if ((i, j) != (1, 1)) observed.Add(new Observation(i, j, Target(i, j)));
        return new(GeneralizedName, $"{rows}x{cols} generalization of the 2x2 construction", rows, cols, observed);
    }

    /// <summary>The exact solutions of the 2×2 construction: <c>[[x, 1], [1, 0]]</c>.</summary>
    public static Expr[,] Solution(Expr x) => new Expr[,] { { x, Expr.One }, { Expr.One, Expr.Zero } };

    /// <summary>
    /// The observations the derivations use for a concrete completion loss: the 2×2 construction's where it fits
    /// (rows, cols ≥ 2), else every entry of the first row with target 1.
    /// </summary>
    public static IReadOnlyList<Observation> DefaultObservations(int rows, int cols) =>
        rows >= 2 && cols >= 2
            ? TwoByTwo.Observed
            : Enumerable.Range(1, cols).Select(c => new Observation(1, c, Rational.One)).ToList();
}
