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
    /// M4's published d/dt σ_i (in the symbols sigma, N, Gii) at σ_i = <paramref name="sigma"/>, depth
    /// <paramref name="depth"/> and Gii = G[i,i].
    /// </summary>
    public static Expr SigmaRate(Expr published, Expr sigma, int depth, int i) =>
        Algebra.Substitute(published, new Dictionary<Expr, Expr>
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
