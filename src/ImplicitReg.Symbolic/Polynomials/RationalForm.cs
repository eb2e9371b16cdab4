using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// A rational function N / (B₁^e₁ ⋯ B_k^e_k): an expanded numerator over a factored denominator whose
/// bases are distinct non-constant primitive polynomials with positive leading coefficient (monomial
/// bases are split into single variables). Sums take the least common multiple of the factored
/// denominators, so <c>1/(x+1) + x/(x+1)^2</c> stays over <c>(x+1)^2</c>. No gcd is taken here: see
/// <see cref="PolyGcd"/> for cancellation.
/// </summary>
public sealed partial class RationalForm
{
    private readonly (Poly Base, int Exponent)[] _denominator;

    private RationalForm(Poly numerator, (Poly, int)[] denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    /// <summary>The numerator.</summary>
    public Poly Numerator { get; }
    /// <summary>The denominator as powers of distinct polynomial factors (empty for a polynomial).</summary>
    public IReadOnlyList<(Poly Base, int Exponent)> Denominator => _denominator;
    /// <summary>The variable order shared by numerator and denominator.</summary>
    public VariableOrder Variables => Numerator.Variables;
    /// <summary>True when the numerator is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>The polynomial <paramref name="p"/> as a rational function with denominator 1.</summary>
    public static RationalForm FromPoly(Poly p) => new(p, []);

    /// <summary>The denominator multiplied out (1 when there is none).</summary>
    public Poly DenominatorProduct()
    {
        var d = Poly.One(Variables);
        foreach (var (b, e) in _denominator) d = Poly.Multiply(d, b.Pow(e));
        return d;
    }

    /// <summary>The sum over the common denominator.</summary>
    public static RationalForm operator +(RationalForm a, RationalForm b) => Add(a, b, Rational.One);
    /// <summary>The difference over the common denominator.</summary>
    public static RationalForm operator -(RationalForm a, RationalForm b) => Add(a, b, Rational.MinusOne);
    /// <summary>The product (see <see cref="Multiply"/>).</summary>
    public static RationalForm operator *(RationalForm a, RationalForm b) => Multiply(a, b);

    private static RationalForm Add(RationalForm a, RationalForm b, Rational sign)
    {
        if (b.IsZero) return a;
        if (a.IsZero) return new RationalForm(b.Numerator.Scale(sign), b._denominator);
        // lcm of the factored denominators: each base to its larger exponent.
        var lcm = new Dictionary<Poly, int>();
        var order = new List<Poly>();
        foreach (var (p, e) in a._denominator.Concat(b._denominator))
        {
            if (lcm.TryGetValue(p, out var old)) lcm[p] = Math.Max(old, e);
            else
            {
                lcm[p] = e;
                order.Add(p);
            }
        }
        var na = Lift(a, lcm);
        var nb = Lift(b, lcm).Scale(sign);
        var den = new (Poly, int)[order.Count];
        for (int i = 0; i < den.Length; i++) den[i] = (order[i], lcm[order[i]]);
        return new RationalForm(Poly.Add(na, nb), den);
    }

    /// <summary>The numerator of a over the larger denominator lcm.</summary>
    private static Poly Lift(RationalForm a, Dictionary<Poly, int> lcm)
    {
        var have = new Dictionary<Poly, int>();
        foreach (var (p, e) in a._denominator) have[p] = e;
        // The missing factors are multiplied together first and the (possibly long) numerator only once:
        // multiplying it by each factor in turn would copy it once per factor (1/x0 + … + 1/x1999 lifts
        // each partial numerator by a thousand single variables).
        Poly? lift = null;
        foreach (var (p, e) in lcm)
        {
            int missing = e - (have.TryGetValue(p, out var k) ? k : 0);
            if (missing > 0) lift = lift is null ? p.Pow(missing) : Poly.Multiply(lift, p.Pow(missing));
        }
        return lift is null ? a.Numerator : Poly.Multiply(a.Numerator, lift);
    }

    /// <summary>The product, merging the powers of equal denominator factors.</summary>
    public static RationalForm Multiply(RationalForm a, RationalForm b)
    {
        if (a.IsZero) return a;
        if (b.IsZero) return b;
        var exps = new Dictionary<Poly, int>();
        var order = new List<Poly>();
        foreach (var (p, e) in a._denominator.Concat(b._denominator))
        {
            if (exps.TryGetValue(p, out var old)) exps[p] = old + e;
            else
            {
                exps[p] = e;
                order.Add(p);
            }
        }
        var den = new (Poly, int)[order.Count];
        for (int i = 0; i < den.Length; i++) den[i] = (order[i], exps[order[i]]);
        return new RationalForm(Poly.Multiply(a.Numerator, b.Numerator), den);
    }

    /// <summary>a^n for any integer n (n &lt; 0 inverts; inverting zero is a division by zero).</summary>
    public RationalForm Pow(int n)
    {
        if (n == 0) return FromPoly(Poly.One(Variables));
        if (n < 0) return Invert().Pow(-n);
        var den = new (Poly, int)[_denominator.Length];
        for (int i = 0; i < den.Length; i++) den[i] = (_denominator[i].Base, checked(_denominator[i].Exponent * n));
        return new RationalForm(Numerator.Pow(n), den);
    }

    /// <summary>1/a: the numerator becomes denominator factors, the old denominator the numerator.</summary>
    public RationalForm Invert()
    {
        if (IsZero) throw new SymbolicException("division by zero: inverting the zero rational function");
        var (c, factors) = SplitFactors(Numerator);
        var num = DenominatorProduct().Scale(c.Reciprocal());
        return new RationalForm(num, factors.ToArray());
    }

    /// <summary>
    /// p = c · Π factors, where c is rational and each factor is a single variable or a primitive
    /// non-monomial polynomial with positive leading coefficient.
    /// </summary>
    public static (Rational Content, List<(Poly Base, int Exponent)> Factors) SplitFactors(Poly p)
    {
        var vars = p.Variables;
        var factors = new List<(Poly, int)>();
        // Common monomial: the minimum exponent of each variable over all terms.
        var min = new int[vars.Count];
        Array.Fill(min, int.MaxValue);
        for (int i = 0; i < p.Count; i++)
            for (int v = 0; v < vars.Count; v++) min[v] = Math.Min(min[v], p.Exponent(i, v));
        var rest = p;
        for (int v = 0; v < vars.Count; v++)
        {
            if (min[v] <= 0 || min[v] == int.MaxValue) continue;
            var xv = Poly.Variable(vars, v);
            factors.Add((xv, min[v]));
            rest = Poly.DivideExact(rest, xv.Pow(min[v]));
        }
        var (content, primitive) = PolyGcd.ContentAndPrimitive(rest);
        if (!primitive.IsConstant) factors.Add((primitive, 1));
        return (content, factors);
    }

    /// <summary>N / Π B^e as an expression (canonical constructors).</summary>
    public Expr ToExpr()
    {
        var parts = new List<Expr>(_denominator.Length + 1) { PolyConversion.ToExpr(Numerator) };
        foreach (var (b, e) in _denominator) parts.Add(Expr.Pow(PolyConversion.ToExpr(b), Num.Of(-e)));
        return Expr.Mul(parts);
    }

    /// <summary>Exact value at a point (one rational per variable); null where a denominator vanishes.</summary>
    public Rational? Evaluate(IReadOnlyList<Rational> point)
    {
        var d = Rational.One;
        foreach (var (b, e) in _denominator) d *= b.Evaluate(point).Pow(e);
        return d.IsZero ? null : Numerator.Evaluate(point) / d;
    }

    internal static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;
}
