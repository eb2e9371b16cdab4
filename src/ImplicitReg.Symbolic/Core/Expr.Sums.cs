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
        int expected = terms is ICollection<Expr> list ? list.Count : 0;
        // Like terms are found by their part without the coefficient (TermsModuloCoefficient), keyed by the first
        // term seen: no separate expression is built for the rest of each c*rest term (sums of thousands of terms
        // with coefficients, as in expanded text, built one more product per term). Each entry keeps the sum of
        // the coefficients.
        var coefficients = new Dictionary<Expr, Rational>(expected, TermsModuloCoefficient.Instance);
        var order = new List<Expr>(expected);
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
            var c = CoefficientOf(t);
            if (coefficients.TryGetValue(t, out var old)) coefficients[t] = old + c;
            else
            {
                coefficients[t] = c;
                order.Add(t);
            }
        }
        foreach (var t in terms) Accumulate(t);

        var result = new List<Expr>(order.Count + 1);
        if (!constant.IsZero) result.Add(Num.Of(constant));
        foreach (var first in order)
        {
            var c = coefficients[first];
            if (c.IsZero) continue;
            // The first term already is c*rest when its own coefficient is the sum (a term without a like term).
            bool reuse = first is Mul m && m.Span[0] is Num n ? n.Value == c && !c.IsOne : c.IsOne;
            result.Add(reuse ? first : WithCoefficient(c, SplitCoefficient(first).Term));
        }
        if (result.Count == 0) return Zero;
        if (result.Count == 1) return result[0];
        var arr = result.ToArray();
        Array.Sort(arr, ExprOrder.Compare);
        return new Add(arr);
    }

    /// <summary>The rational coefficient of a term (1 if none), as <see cref="SplitCoefficient"/> has it.</summary>
    private static Rational CoefficientOf(Expr e) =>
        e is Mul m && m.Span[0] is Num n ? n.Value : e is Num k ? k.Value : Rational.One;

    /// <summary>
    /// Equality of terms up to their rational coefficient: <c>3*x*y</c> and <c>-x*y</c> are alike, and <c>2*x</c>
    /// is like <c>x</c>. The hash of a term is the hash of the expression its rest would be (a single factor
    /// hashes as itself, several as their product), so a term and its rest always fall together.
    /// </summary>
    private sealed class TermsModuloCoefficient : IEqualityComparer<Expr>
    {
        public static readonly TermsModuloCoefficient Instance = new();

        private static ReadOnlySpan<Expr> Rest(Expr e, out Expr? single)
        {
            if (e is Mul m)
            {
                var f = m.Span;
                if (f[0] is Num) f = f[1..];
                single = f.Length == 1 ? f[0] : null;
                return f;
            }
            single = e;
            return default;
        }

        public bool Equals(Expr? x, Expr? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null) return false;
            var fx = Rest(x, out var sx);
            var fy = Rest(y, out var sy);
            if (sx is not null || sy is not null) return sx is not null && sy is not null && sx.Equals(sy);
            return fx.SequenceEqual(fy);
        }

        public int GetHashCode(Expr e)
        {
            if (e is Mul m && m.Span[0] is not Num) return m.GetHashCode();
            var f = Rest(e, out var single);
            return single is not null ? single.GetHashCode() : Core.Mul.HashOf(f);
        }
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
        if (e is Mul m && m.Span.Length > (m.Span[0] is Num ? 2 : 1))
        {
            // c*(k*x*y*...): one new product with the coefficient c*k, without building x*y*... on its own first.
            var f = m.Span;
            var rest = f[0] is Num ? f[1..] : f;
            var product = c * m.Coefficient;
            if (product.IsZero) return Zero;
            if (product.IsOne) return rest.Length == f.Length ? e : new Mul(rest.ToArray());
            var g = new Expr[rest.Length + 1];
            g[0] = Num.Of(product);
            rest.CopyTo(g.AsSpan(1));
            return new Mul(g);
        }
        var (k, rest1) = SplitCoefficient(e);
        return WithCoefficient(c * k, rest1);
    }

    /// <summary><c>a − b</c> as the canonical sum <c>a + (−1)·b</c>.</summary>
    public static Expr Sub(Expr a, Expr b) => Add(a, Neg(b));

    /// <summary><c>a / b</c> as the canonical product <c>a·b^(−1)</c>.</summary>
    public static Expr Div(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));
}
