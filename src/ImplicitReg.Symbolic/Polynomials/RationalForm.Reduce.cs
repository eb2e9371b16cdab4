using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

public sealed partial class RationalForm
{
    /// <summary>
    /// Removes denominator factors that divide the numerator exactly (cheap: exact divisions, no gcd), so
    /// <c>(x^2 − 1)/(x − 1)</c> becomes <c>x + 1</c> but <c>(x^2 − 1)/(x^2 + x)</c> keeps its common factor.
    /// </summary>
    public RationalForm DivideOutFactors()
    {
        var num = Numerator;
        var den = new List<(Poly, int)>();
        foreach (var (b, e) in _denominator)
        {
            int left = e;
            while (left > 0 && Poly.TryDivideExact(num, b) is { } q)
            {
                num = q;
                left--;
            }
            if (left > 0) den.Add((b, left));
        }
        return new RationalForm(num, den.ToArray());
    }

    /// <summary>
    /// Cancels every common factor of numerator and denominator (multivariate gcd per denominator base),
    /// keeping the denominator factored: bases that share a factor with the numerator are split.
    /// </summary>
    public RationalForm CancelFactored()
    {
        var num = Numerator;
        var pending = new Queue<(Poly Base, int Exponent)>(_denominator);
        var done = new Dictionary<Poly, int>();
        var order = new List<Poly>();
        while (pending.Count > 0)
        {
            var (b, e) = pending.Dequeue();
            if (num.IsZero) break;
            var g = PolyGcd.Gcd(num, b);
            if (g.IsConstant)
            {
                if (done.TryGetValue(b, out var k)) done[b] = k + e;
                else { done[b] = e; order.Add(b); }
                continue;
            }
            // One power of b shares g with the numerator: cancel g once, keep b/g and the other e − 1 powers.
            num = Poly.DivideExact(num, g);
            var rest = Poly.DivideExact(b, g);
            var (content, factors) = SplitFactors(rest);
            num = num.Scale(content.Reciprocal());
            foreach (var f in factors) pending.Enqueue(f);
            if (e > 1) pending.Enqueue((b, e - 1));
        }
        if (num.IsZero) return FromPoly(num);
        var den = new (Poly, int)[order.Count];
        for (int i = 0; i < den.Length; i++) den[i] = (order[i], done[order[i]]);
        return new RationalForm(num, den);
    }

    /// <summary>
    /// The fully cancelled quotient N/D with both sides expanded: gcd(N, D) = 1, D primitive over Z with a
    /// positive leading coefficient (its content moved into N). Canonical for a given variable order.
    /// </summary>
    public (Poly Numerator, Poly Denominator) Cancelled()
    {
        var d = DenominatorProduct();
        var n = Numerator;
        if (n.IsZero) return (n, Poly.One(Variables));
        if (!d.IsConstant)
        {
            var g = PolyGcd.Gcd(n, d);
            if (!g.IsConstant)
            {
                n = Poly.DivideExact(n, g);
                d = Poly.DivideExact(d, g);
            }
        }
        var (content, primitive) = PolyGcd.ContentAndPrimitive(d);
        return (n.Scale(content.Reciprocal()), primitive);
    }

    /// <summary>N/D as an expression from <see cref="Cancelled"/>.</summary>
    public Expr ToCancelledExpr()
    {
        var (n, d) = Cancelled();
        var ne = PolyConversion.ToExpr(n);
        return d.IsConstant ? Expr.Scale(d.ConstantValue.Reciprocal(), ne) : Expr.Mul(ne, Expr.Pow(PolyConversion.ToExpr(d), Expr.MinusOne));
    }

    /// <summary>Numerator content as a rational (for callers normalising signs).</summary>
    public Rational NumeratorContent => PolyGcd.ContentAndPrimitive(Numerator).Content;
}
