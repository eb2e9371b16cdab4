using System.Numerics;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// Greatest common divisors of multivariate polynomials over Q, by the recursive primitive polynomial
/// remainder sequence: pick a variable x common to both, split each polynomial into its content (gcd of
/// its coefficients in x, computed recursively in the remaining variables) and primitive part, run
/// pseudo-remainders on the primitive parts taking primitive parts at every step (which keeps coefficient
/// growth polynomial), and multiply the gcd of the contents back. Correct for any input; exponential
/// worst cases exist (as for every PRS). Before the PRS the heuristic GCDHEU is tried (see
/// <c>PolyGcd.Heuristic.cs</c>): its answers are verified by exact division, so it is exact too, and it
/// settles most inputs in a fraction of the PRS's time. Before both, two exact shortcuts: a factor linear in one
/// variable (<c>PolyGcd.Linear.cs</c>) and arguments with different variables (<c>PolyGcd.Variables.cs</c>).
/// </summary>
public static partial class PolyGcd
{
    /// <summary>
    /// The gcd normalised to integer coprime coefficients with a positive leading coefficient
    /// (gcd(0, 0) = 0; a non-zero constant gcd is 1).
    /// </summary>
    public static Poly Gcd(Poly a, Poly b)
    {
        if (a.IsZero) return Normalize(b);
        if (b.IsZero) return Normalize(a);
        var vars = a.Variables;
        if (!vars.Equals(b.Variables)) throw new ArgumentException("gcd of polynomials over different variables");
        if (a.IsConstant || b.IsConstant) return Poly.One(vars);
        // The divisors of a monomial are monomials: the gcd is the smallest exponent of each variable over all
        // terms, with coefficient 1 (already normalised). The general path got there only through one content
        // per variable: cancelling 1/x0 + … + 1/x149 (denominator x0⋯x149) spent seconds in PrsGcd/ContentIn.
        if (a.IsMonomial || b.IsMonomial) return MonomialGcd(a, b);
        if (GcdWithIrreducibleLinear(a, b) is { } linear) return linear;
        if (GcdOverSharedVariables(a, b) is { } separated) return separated;
        return GcdPrimitive(ContentAndPrimitive(a).Primitive, ContentAndPrimitive(b).Primitive);
    }

    private static Poly MonomialGcd(Poly a, Poly b)
    {
        var min = new int[a.Variables.Count];
        Array.Fill(min, int.MaxValue);
        foreach (var p in (ReadOnlySpan<Poly>)[a, b])
            for (int i = 0; i < p.Count; i++)
                for (int v = 0; v < min.Length; v++)
                    if (min[v] > 0) min[v] = Math.Min(min[v], p.Exponent(i, v));
        return Poly.FromTerms(a.Variables, [(Rational.One, min)]);
    }

    /// <summary>
    /// The gcd by the recursive primitive PRS alone (no heuristic): slower, kept public so the two
    /// algorithms can cross-check each other. Normalised like <see cref="Gcd(Poly, Poly)"/>.
    /// </summary>
    public static Poly GcdByPrs(Poly a, Poly b)
    {
        if (a.IsZero) return Normalize(b);
        if (b.IsZero) return Normalize(a);
        if (a.IsConstant || b.IsConstant) return Poly.One(a.Variables);
        return PrsGcd(ContentAndPrimitive(a).Primitive, ContentAndPrimitive(b).Primitive);
    }

    /// <summary>gcd of several polynomials (stops early at 1).</summary>
    public static Poly Gcd(IEnumerable<Poly> polys)
    {
        Poly? g = null;
        foreach (var p in polys)
        {
            g = g is null ? Normalize(p) : Gcd(g, p);
            if (g.IsConstant && !g.IsZero) return g;
        }
        return g ?? throw new ArgumentException("gcd of no polynomials");
    }

    /// <summary>Least common multiple (normalised like <see cref="Gcd(Poly, Poly)"/>).</summary>
    public static Poly Lcm(Poly a, Poly b)
    {
        if (a.IsZero || b.IsZero) return Poly.Zero(a.Variables);
        var g = Gcd(a, b);
        return Normalize(Poly.Multiply(Poly.DivideExact(ContentAndPrimitive(a).Primitive, g), ContentAndPrimitive(b).Primitive));
    }

    /// <summary>
    /// p = content · primitive, where primitive has integer coefficients with gcd 1 and a positive leading
    /// coefficient, and content is rational (0 and the zero polynomial for p = 0).
    /// </summary>
    public static (Rational Content, Poly Primitive) ContentAndPrimitive(Poly p)
    {
        if (p.IsZero) return (Rational.Zero, p);
        BigInteger num = BigInteger.Zero, den = BigInteger.One;
        for (int i = 0; i < p.Count; i++)
        {
            var c = p.Coefficient(i);
            num = BigInteger.GreatestCommonDivisor(num, c.Numerator);
            den = RationalForm.Lcm(den, c.Denominator);
        }
        var content = new Rational(p.LeadingCoefficient.Sign < 0 ? -num : num, den);
        return (content, content.IsOne ? p : p.Scale(content.Reciprocal()));
    }

    /// <summary>Primitive part with positive leading coefficient (the canonical associate).</summary>
    public static Poly Normalize(Poly p) => ContentAndPrimitive(p).Primitive;

    private static Poly GcdPrimitive(Poly a, Poly b)
    {
        var vars = a.Variables;
        if (a.IsConstant || b.IsConstant) return Poly.One(vars);
        if (a.Equals(b)) return a;
        // Cheap and frequent: one divides the other.
        if (a.Count >= b.Count ? Poly.TryDivideExact(a, b) is not null : false) return b;
        if (b.Count >= a.Count ? Poly.TryDivideExact(b, a) is not null : false) return a;
        if (HeuristicGcd(a, b) is { } heuristic) return Normalize(heuristic);
        return PrsGcd(a, b);
    }

    /// <summary>The recursive primitive PRS (always succeeds; the fallback of the heuristic).</summary>
    internal static Poly PrsGcd(Poly a, Poly b)
    {
        var vars = a.Variables;
        if (a.IsConstant || b.IsConstant) return Poly.One(vars);
        if (a.Equals(b)) return a;

        var inA = a.OccurringVariables();
        var inB = b.OccurringVariables();
        int best = -1, bestDegree = int.MaxValue;
        foreach (var v in inA)
        {
            if (Array.IndexOf(inB, v) < 0) continue;
            int d = Math.Max(a.Degree(v), b.Degree(v));
            if (d < bestDegree) { best = v; bestDegree = d; }
        }
        // A common factor lies in the variables both share: none shared, the gcd is 1. Variables only one
        // of them has enter through its content in the chosen variable.
        if (best < 0) return Poly.One(vars);
        int x = best;

        var contentA = ContentIn(a, x);
        var contentB = ContentIn(b, x);
        var g = GcdOrOne(contentA, contentB);
        var pa = Poly.DivideExact(a, contentA);
        var pb = Poly.DivideExact(b, contentB);
        if (pa.Degree(x) < pb.Degree(x)) (pa, pb) = (pb, pa);
        while (true)
        {
            var r = Poly.PseudoRemainder(pa, pb, x);
            if (r.IsZero) break;
            if (r.Degree(x) == 0)
            {
                pb = Poly.One(vars);
                break;
            }
            pa = pb;
            pb = PrimitivePartIn(r, x);
        }
        return Normalize(Poly.Multiply(g, PrimitivePartIn(pb, x)));
    }

    private static Poly GcdOrOne(Poly a, Poly b) =>
        a.IsConstant || b.IsConstant ? Poly.One(a.Variables) : GcdPrimitive(Normalize(a), Normalize(b));

    /// <summary>gcd of the coefficients of p in x (normalised; 1 when they are coprime).</summary>
    public static Poly ContentIn(Poly p, int x)
    {
        var coefficients = p.CoefficientsIn(x);
        Poly? g = null;
        // Start from the sparsest coefficient: gcds only shrink.
        foreach (var c in coefficients.Where(c => !c.IsZero).OrderBy(c => c.Count))
        {
            g = g is null ? Normalize(c) : GcdOrOne(g, c);
            if (g.IsConstant) return Poly.One(p.Variables);
        }
        return g ?? Poly.One(p.Variables);
    }

    /// <summary>p divided by its content in x, normalised over Z.</summary>
    public static Poly PrimitivePartIn(Poly p, int x)
    {
        var c = ContentIn(p, x);
        return Normalize(c.IsConstant ? p : Poly.DivideExact(p, c));
    }

    /// <summary>(gcd, a/gcd, b/gcd) with a = gcd·(a/gcd) exactly (the cofactors carry the rational contents).</summary>
    public static (Poly Gcd, Poly CofactorA, Poly CofactorB) GcdWithCofactors(Poly a, Poly b)
    {
        var g = Gcd(a, b);
        if (g.IsZero) return (g, a, b);
        return (g, Poly.DivideExact(a, g), Poly.DivideExact(b, g));
    }
}
