using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

/// <summary>The explicit rewrites of the kernel (expand, together, cancel, collect, simplify, substitute, differentiate, evaluate, compare); canonical forms alone never apply them.</summary>
public static partial class Algebra
{
    /// <summary>
    /// Groups an expression by powers of <paramref name="x"/>: Σ_k c_k·x^k with each coefficient c_k free of
    /// explicit powers of x (it may still contain x inside functions, e.g. <c>sin(x)</c>, as in SymPy).
    /// The expression is expanded first; exponents may be negative or fractional:
    /// <c>Collect(a*x + b*x + x^2*y + c, x)</c> → <c>c + (a + b)*x + y*x^2</c>.
    /// </summary>
    public static Expr Collect(Expr e, Sym x)
    {
        if (MapStatement(e, u => Collect(u, x)) is { } s) return s;
        var expanded = Expand(e);
        var groups = new Dictionary<Rational, List<Expr>>();
        var terms = expanded is Add a ? a.Terms : [expanded];
        foreach (var t in terms)
        {
            var (k, rest) = SplitPower(t, x);
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = [];
            list.Add(rest);
        }
        var result = new List<Expr>(groups.Count);
        foreach (var (k, list) in groups.OrderBy(g => g.Key))
            result.Add(Expr.Mul(Expr.Add(list), Expr.Pow(x, Num.Of(k))));
        return Expr.Add(result);
    }

    /// <summary>A term as x^k times the rest (k = 0 when the term has no explicit power of x).</summary>
    private static (Rational Exponent, Expr Cofactor) SplitPower(Expr term, Sym x)
    {
        static Rational? PowerOf(Expr f, Sym x) => f switch
        {
            Sym s when s.Equals(x) => Rational.One,
            Pow { Base: Sym s, Exponent: Num k } when s.Equals(x) => k.Value,
            _ => null,
        };
        if (PowerOf(term, x) is { } whole) return (whole, Expr.One);
        if (term is not Mul m) return (Rational.Zero, term);
        var rest = new List<Expr>(m.Factors.Count);
        var exponent = Rational.Zero;
        foreach (var f in m.Factors)
        {
            if (PowerOf(f, x) is { } k) exponent += k;
            else rest.Add(f);
        }
        return (exponent, Expr.Mul(rest));
    }
}
