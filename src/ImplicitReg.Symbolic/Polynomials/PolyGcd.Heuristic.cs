using System.Numerics;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

public static partial class PolyGcd
{
    /// <summary>
    /// The heuristic gcd GCDHEU (Char, Geddes, Gonnet 1989; SymPy's first choice): evaluate one variable at a
    /// large integer ξ, take the gcd of the images recursively, rebuild a candidate from its ξ-adic digits
    /// (symmetric residues), and accept it only if it divides both inputs exactly — for ξ above twice the
    /// smaller coefficient norm that test makes an accepted candidate the true gcd. Null after six failed
    /// values of ξ; the caller then runs the primitive PRS. Inputs have integer coefficients; the result is
    /// the gcd over Z including the integer content.
    /// </summary>
    internal static Poly? HeuristicGcd(Poly f, Poly g)
    {
        var vars = f.Variables;
        if (f.IsZero) return g;
        if (g.IsZero) return f;
        if (f.IsConstant && g.IsConstant)
            return Poly.Constant(vars, new Rational(BigInteger.GreatestCommonDivisor(f.ConstantValue.Numerator, g.ConstantValue.Numerator)));
        // Pull out the common integer content: the digits are rebuilt for the primitive parts.
        var (cf, pf) = IntegerContent(f);
        var (cg, pg) = IntegerContent(g);
        var common = BigInteger.GreatestCommonDivisor(cf, cg);
        if (pf.IsConstant || pg.IsConstant) return Poly.Constant(vars, new Rational(common));
        int x = LastVariable(pf, pg);
        BigInteger nf = MaxNorm(pf), ng = MaxNorm(pg);
        // ξ ≥ 2·min(‖f‖∞, ‖g‖∞) + 2 is the bound under which "the candidate divides both" proves it is the gcd
        // (Geddes, Czapor, Labahn, Thm 7.7) — including a constant candidate, where the division test is empty.
        // SymPy starts lower (99·√B) for speed; this kernel keeps the bound.
        BigInteger xi = BigInteger.Max(2 * BigInteger.Min(nf, ng) + 29,
            2 * BigInteger.Min(nf / BigInteger.Abs(pf.LeadingCoefficient.Numerator), ng / BigInteger.Abs(pg.LeadingCoefficient.Numerator)) + 2);
        for (int attempt = 0; attempt < 6; attempt++)
        {
            if (xi.GetBitLength() > 4096) return null; // images would be enormous: leave it to the PRS
            var ff = pf.EvaluateAt(x, xi);
            var gg = pg.EvaluateAt(x, xi);
            if (!ff.IsZero && !gg.IsZero)
            {
                var h = HeuristicGcd(ff, gg);
                if (h is null) return null;
                var candidate = Normalize(Interpolate(h, x, xi));
                if (!candidate.IsConstant || candidate.LeadingCoefficient.IsOne)
                {
                    if (Poly.TryDivideExact(pf, candidate) is not null && Poly.TryDivideExact(pg, candidate) is not null)
                        return candidate.Scale(new Rational(common));
                }
            }
            // SymPy's next evaluation point: ξ·73794·ξ^(1/4)/27011 (grows, avoids unlucky values).
            xi = xi * 73794 * Sqrt(Sqrt(xi)) / 27011;
        }
        return null;
    }

    /// <summary>Rebuilds Σ c_i x^i from h = Σ c_i ξ^i by symmetric residues modulo ξ.</summary>
    private static Poly Interpolate(Poly h, int x, BigInteger xi)
    {
        var vars = h.Variables;
        var result = Poly.Zero(vars);
        var half = xi / 2;
        for (int i = 0; !h.IsZero; i++)
        {
            var digits = new List<(Rational, int[])>();
            for (int t = 0; t < h.Count; t++)
            {
                var r = BigInteger.Remainder(h.Coefficient(t).Numerator, xi);
                if (r > half) r -= xi;
                else if (r < -half) r += xi;
                if (!r.IsZero) digits.Add((new Rational(r), h.Exponents(t)));
            }
            var digit = Poly.FromTerms(vars, digits);
            if (!digit.IsZero) result += Poly.Multiply(digit, Poly.Monomial(vars, Rational.One, x, i));
            h = (h - digit).Scale(new Rational(BigInteger.One, xi));
            if (i > 32767) throw new InvalidOperationException("interpolation did not terminate");
        }
        return result;
    }

    private static (BigInteger Content, Poly Primitive) IntegerContent(Poly p)
    {
        BigInteger c = BigInteger.Zero;
        for (int i = 0; i < p.Count; i++) c = BigInteger.GreatestCommonDivisor(c, p.Coefficient(i).Numerator);
        return c.IsOne ? (c, p) : (c, p.Scale(new Rational(BigInteger.One, c)));
    }

    private static BigInteger MaxNorm(Poly p)
    {
        BigInteger m = BigInteger.Zero;
        for (int i = 0; i < p.Count; i++) m = BigInteger.Max(m, BigInteger.Abs(p.Coefficient(i).Numerator));
        return m;
    }

    private static int LastVariable(Poly a, Poly b)
    {
        var va = a.OccurringVariables();
        var vb = b.OccurringVariables();
        return Math.Max(va.Length > 0 ? va[^1] : -1, vb.Length > 0 ? vb[^1] : -1);
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }
}
