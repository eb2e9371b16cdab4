using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
    /// <summary>The canonical sum of <paramref name="terms"/>: flattened, numbers folded, like terms collected, sorted.</summary>
    public static Expr Add(params Expr[] terms) => Add((IEnumerable<Expr>)terms);

    /// <summary>
    /// Canonical sum: nested sums are spliced, rational constants folded, like terms collected
    /// (<c>2*x + 3*x = 5*x</c>), zero terms dropped and the rest sorted by <see cref="ExprOrder"/>.
    /// </summary>
    public static Expr Add(IEnumerable<Expr> terms)
    {
        var constant = Rational.Zero;
        var coefficients = new Dictionary<Expr, Rational>();
        var order = new List<Expr>();
        void Accumulate(Expr t)
        {
            switch (t)
            {
                case Statement:
                    throw new SymbolicException("a statement (relation or logic) cannot be a term of a sum");
                case Num n:
                    constant += n.Value;
                    return;
                case Add a:
                    foreach (var u in a.Span) Accumulate(u);
                    return;
            }
            var (c, rest) = SplitCoefficient(t);
            if (coefficients.TryGetValue(rest, out var old)) coefficients[rest] = old + c;
            else
            {
                coefficients[rest] = c;
                order.Add(rest);
            }
        }
        foreach (var t in terms) Accumulate(t);

        var result = new List<Expr>(order.Count + 1);
        if (!constant.IsZero) result.Add(Num.Of(constant));
        foreach (var rest in order)
        {
            var c = coefficients[rest];
            if (c.IsZero) continue;
            result.Add(WithCoefficient(c, rest));
        }
        if (result.Count == 0) return Zero;
        if (result.Count == 1) return result[0];
        var arr = result.ToArray();
        Array.Sort(arr, ExprOrder.Compare);
        return new Add(arr);
    }

    /// <summary>Splits <c>c*rest</c> into its rational coefficient and the rest (coefficient 1 if none).</summary>
    public static (Rational Coefficient, Expr Term) SplitCoefficient(Expr e)
    {
        if (e is Mul m && m.Span[0] is Num n)
        {
            var f = m.Span;
            return f.Length == 2 ? (n.Value, f[1]) : (n.Value, new Mul(f[1..].ToArray()));
        }
        if (e is Num k) return (k.Value, One);
        return (Rational.One, e);
    }

    /// <summary><c>c*rest</c> where <paramref name="rest"/> is canonical and has no coefficient.</summary>
    internal static Expr WithCoefficient(Rational c, Expr rest)
    {
        if (c.IsZero) return Zero;
        if (c.IsOne) return rest;
        if (rest is Num n) return Num.Of(c * n.Value);
        if (rest is Mul m)
        {
            var f = new Expr[m.Span.Length + 1];
            f[0] = Num.Of(c);
            m.Span.CopyTo(f.AsSpan(1));
            return new Mul(f);
        }
        return new Mul([Num.Of(c), rest]);
    }

    /// <summary><c>-e</c>.</summary>
    public static Expr Neg(Expr e) => e switch
    {
        Statement => throw new SymbolicException("a statement (relation or logic) cannot be negated arithmetically; use 'not'"),
        Num n => Num.Of(-n.Value),
        Add a => Add(a.Terms.Select(Neg)),
        _ => Scale(Rational.MinusOne, e),
    };

    /// <summary><c>c*e</c> for a rational c.</summary>
    public static Expr Scale(Rational c, Expr e)
    {
        if (e is Statement) throw new SymbolicException("a statement (relation or logic) cannot be multiplied by a number");
        if (c.IsZero) return Zero;
        if (c.IsOne) return e;
        if (e is Add) return Mul(Num.Of(c), e);
        var (k, rest) = SplitCoefficient(e);
        return WithCoefficient(c * k, rest);
    }

    /// <summary><c>a − b</c> as the canonical sum <c>a + (−1)·b</c>.</summary>
    public static Expr Sub(Expr a, Expr b) => Add(a, Neg(b));

    /// <summary><c>a / b</c> as the canonical product <c>a·b^(−1)</c>.</summary>
    public static Expr Div(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));
}
