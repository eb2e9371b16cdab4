using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
    /// <summary>Products with up to this many distinct bases collect them by a linear scan instead of a hash table.</summary>
    private const int SmallProduct = 8;

    /// <summary>The canonical product of <paramref name="factors"/>: flattened, coefficients folded, like bases collected, sorted.</summary>
    public static Expr Mul(params Expr[] factors) => Mul((IEnumerable<Expr>)factors);

    /// <summary>
    /// Canonical product: nested products spliced, rational factors folded into one coefficient,
    /// powers of equal bases combined (<c>x*x^2 = x^3</c>), factors sorted. As in SymPy, a rational
    /// coefficient times a single sum is distributed (<c>2*(x+y) = 2*x + 2*y</c>).
    /// </summary>
    public static Expr Mul(IEnumerable<Expr> factors)
    {
        var coefficient = Rational.One;
        // Bases in order of first appearance with their summed exponents. Most products have a handful of
        // factors: a linear scan beats hashing them until there are more than SmallProduct bases.
        var order = new List<Expr>(SmallProduct);
        var powers = new List<Expr>(SmallProduct);
        Dictionary<Expr, int>? index = null;
        int Find(Expr b)
        {
            if (index is not null) return index.TryGetValue(b, out var at) ? at : -1;
            for (int k = 0; k < order.Count; k++)
                if (order[k].Equals(b)) return k;
            return -1;
        }
        void Accumulate(Expr f)
        {
            switch (f)
            {
                case Statement:
                    throw new SymbolicException("a statement (relation or logic) cannot be a factor of a product");
                case Num n:
                    coefficient *= n.Value;
                    return;
                case Mul m:
                    foreach (var g in m.Span) Accumulate(g);
                    return;
            }
            var (b, e) = f is Pow p ? (p.Base, p.Exponent) : (f, (Expr)One);
            int at = Find(b);
            if (at >= 0) powers[at] = Add(powers[at], e);
            else
            {
                order.Add(b);
                powers.Add(e);
                if (index is not null) index[b] = order.Count - 1;
                else if (order.Count > SmallProduct)
                {
                    index = new Dictionary<Expr, int>(2 * order.Count);
                    for (int k = 0; k < order.Count; k++) index[order[k]] = k;
                }
            }
        }
        foreach (var f in factors) Accumulate(f);
        if (coefficient.IsZero) return Zero;

        var result = new List<Expr>(order.Count + 1);
        for (int slot = 0; slot < order.Count; slot++)
        {
            var p = Pow(order[slot], powers[slot]);
            switch (p)
            {
                case Num n:
                    coefficient *= n.Value;
                    break;
                case Mul m:
                    // A power that splits (e.g. (4*x)^(1/2) = 2*x^(1/2)): take its coefficient, keep its factors.
                    foreach (var g in m.Span)
                    {
                        if (g is Num k) coefficient *= k.Value;
                        else result.Add(g);
                    }
                    break;
                default:
                    result.Add(p);
                    break;
            }
        }
        if (coefficient.IsZero) return Zero;
        if (result.Count == 0) return Num.Of(coefficient);
        if (result.Count == 1)
        {
            if (result[0] is Add sum && !coefficient.IsOne)
                return Add(sum.Terms.Select(t => Scale(coefficient, t)));
            return WithCoefficient(coefficient, result[0]);
        }
        var arr = result.ToArray();
        Array.Sort(arr, ExprOrder.Compare);
        if (coefficient.IsOne) return new Mul(arr);
        var withCoefficient = new Expr[arr.Length + 1];
        withCoefficient[0] = Num.Of(coefficient);
        arr.CopyTo(withCoefficient, 1);
        return new Mul(withCoefficient);
    }

    /// <summary>
    /// The canonical product <c>c*x1*…*xn</c> of a non-zero coefficient and two or more distinct symbols (what
    /// <see cref="Mul(IEnumerable{Expr})"/> builds from them, without collecting powers): one array, sorted in place.
    /// </summary>
    internal static Expr ProductOfDistinct(Rational coefficient, ReadOnlySpan<Expr> symbols)
    {
        int skip = coefficient.IsOne ? 0 : 1;
        var factors = new Expr[symbols.Length + skip];
        symbols.CopyTo(factors.AsSpan(skip));
        factors.AsSpan(skip).Sort(ExprOrder.Compare);
        if (skip == 1) factors[0] = Num.Of(coefficient);
        return new Mul(factors);
    }
}
