using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
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
        var exponents = new Dictionary<Expr, Expr>();
        var order = new List<Expr>();
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
            if (exponents.TryGetValue(b, out var old)) exponents[b] = Add(old, e);
            else
            {
                exponents[b] = e;
                order.Add(b);
            }
        }
        foreach (var f in factors) Accumulate(f);
        if (coefficient.IsZero) return Zero;

        var result = new List<Expr>(order.Count + 1);
        foreach (var b in order)
        {
            var p = Pow(b, exponents[b]);
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
}
