using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// The gradient of a sum by linearity: <c>∂(Σ_k t_k)/∂θ = Σ_{k: θ ∈ t_k} ∂t_k/∂θ</c>, each term differentiated by
/// the kernel's <see cref="Algebra.Diff(Expr, Sym)"/> only in the symbols it contains. Equal to differentiating
/// the whole sum in every variable, but the work is proportional to the size of φ, not to size × variables:
/// an expanded depth-5 objective with 4×4 layers has 4,096 terms and 80 variables.
/// </summary>
public static class SumGradient
{
    /// <summary>∂φ/∂v for every v in <paramref name="variables"/> (0 where φ does not depend on v).</summary>
    public static Dictionary<Sym, Expr> Of(Expr phi, IReadOnlyList<Sym> variables)
    {
        var wanted = new HashSet<Sym>(variables);
        var buckets = variables.ToDictionary(v => v, _ => new List<Expr>());
        IReadOnlyList<Expr> terms = phi is Add sum ? sum.Terms : [phi];
        var found = new HashSet<Sym>();
        foreach (var term in terms)
        {
            found.Clear();
            CollectSymbols(term, found);
            foreach (var v in found)
                if (wanted.Contains(v)) buckets[v].Add(MonomialDerivative(term, v) ?? Algebra.Diff(term, v));
        }
        return buckets.ToDictionary(kv => kv.Key, kv => Expr.Add(kv.Value));
    }

    /// <summary>
    /// ∂/∂v of a monomial <c>c·x₁^k₁⋯</c> (symbols to positive integer powers) by the power rule,
    /// <c>k·v^(k−1)·rest</c>; null for any other term, which goes to the kernel's Diff. Tests check it
    /// against <see cref="Algebra.Diff(Expr, Sym)"/>; it exists because the general Diff allocates per call.
    /// </summary>
    public static Expr? MonomialDerivative(Expr term, Sym v)
    {
        IReadOnlyList<Expr> factors = term is Mul m ? m.Factors : [term];
        var rest = new List<Expr>(factors.Count);
        Expr? derivative = null;
        foreach (var f in factors)
        {
            switch (f)
            {
                case Num:
                    rest.Add(f);
                    continue;
                case Sym s when s.Equals(v):
                    derivative = Expr.One;                                          // v' = 1
                    continue;
                case Sym:
                    rest.Add(f);
                    continue;
                case Pow { Base: Sym b, Exponent: Num { Value: { IsInteger: true, Sign: > 0 } k } } when b.Equals(v):
                    derivative = Expr.Mul(Num.Of(k), Expr.Pow(v, Num.Of(k - 1)));  // (v^k)' = k·v^(k−1)
                    continue;
                case Pow { Base: Sym, Exponent: Num { Value: { IsInteger: true, Sign: > 0 } } }:
                    rest.Add(f);
                    continue;
                default:
                    return null;
            }
        }
        if (derivative is null) return Expr.Zero;
        rest.Add(derivative);
        return Expr.Mul(rest);
    }

    private static void CollectSymbols(Expr e, HashSet<Sym> into)
    {
        switch (e)
        {
            case Sym s:
                into.Add(s);
                return;
            case Num:
                return;
        }
        foreach (var c in e.Children) CollectSymbols(c, into);
    }
}
