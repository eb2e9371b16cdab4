using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// The balanced diagonal points at which M4's published singular-value rate is checked (diagonal-dynamics and
/// determinant): the rate bound at one singular value, and the same point with a negative singular value.
/// </summary>
internal static class BalancedDiagonalPoint
{
    /// <summary>
    /// What both derivations read from their options, judged before anything is derived (their Info.Check): the
    /// published rate under <paramref name="key"/> in the names N, sigma and Gii, and a model of square layers of size
    /// at most <paramref name="maxSize"/> and depth at most <paramref name="maxDepth"/>; other layers are refused with
    /// <paramref name="squareRefusal"/>.
    /// </summary>
    public static (string Text, Checks.ScalarFormula Rate, DeepMatrixFactorization Model) Inputs(DerivationInfo info, string key, DerivationOptions options,
        int defaultDepth, int maxDepth, int maxSize, FormattableString squareRefusal)
    {
        var text = PublishedFormula.Resolve(info, options)[key];
        var rate = Checks.ScalarFormula.Parse(text, key, ["N", "sigma", "Gii"]);
        var model = Setups.DeepModel(options, defaultDepth, defaultSize: 2, maxDepth);
        int d = model.Dims[0];
        if (model.Dims.Any(x => x != d) || d > maxSize) throw DerivationOptionException.About(squareRefusal);
        return (text, rate, model);
    }

    /// <summary>
    /// M4's published d/dt σ_i (in the symbols sigma, N, Gii) at σ_i = <paramref name="sigma"/>, depth
    /// <paramref name="depth"/> and Gii = G[i,i], with its written domain there.
    /// </summary>
    public static Checks.ScalarFormula SigmaRate(Checks.ScalarFormula published, Expr sigma, int depth, int i) =>
        published.Substitute(new Dictionary<Expr, Expr>
        {
            [new Sym("sigma")] = sigma, [new Sym("N")] = depth, [new Sym("Gii")] = SymbolNames.Gradient(i, i),
        });

    /// <summary>
    /// <paramref name="point"/> (W_1 = … = W_N = diag(a)) with the last layer's first entry negated: still balanced
    /// (W_Nᵀ W_N is unchanged), and the signed σ_1 = W[1,1] = −a[1]^N is negative, where an unsigned σ^(2−2/N) is wrong.
    /// </summary>
    public static Dictionary<Expr, Expr> WithNegativeFirstValue(IReadOnlyDictionary<Expr, Expr> point, int depth, Expr[] a) =>
        new(point) { [SymbolNames.Layer(depth, 1, 1)] = Expr.Neg(a[0]) };
}
