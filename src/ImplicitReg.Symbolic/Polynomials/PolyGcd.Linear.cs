using System.Numerics;

namespace ImplicitReg.Symbolic.Polynomials;

public static partial class PolyGcd
{
    /// <summary>The prime 2^61 − 1 of the modular evaluations (products fit 128 bits).</summary>
    private const ulong Prime = (1UL << 61) - 1;

    /// <summary>Seed of the evaluation points: fixed, so every run takes the same path.</summary>
    private const int PointSeed = 20_261_128;

    /// <summary>
    /// The gcd when one argument has degree 1 in some variable x with a constant coefficient of x (x + 1,
    /// x0 − x1, x + y, 2·x − y^2 + 3); null otherwise. Such a b is irreducible (in a factorisation one factor
    /// is free of x and divides the constant coefficient of x, so it is a unit), hence gcd(a, b) is b when
    /// b | a and 1 otherwise.
    /// </summary>
    /// <remarks>
    /// Most denominator bases of a sum of fractions have this shape, and the question "does b divide the
    /// combined numerator" is answered by one evaluation of the numerator modulo a prime at a point where b
    /// vanishes, O(terms) without allocation. The test can only prove "does not divide", never "divides", so
    /// no wrong coprime answer is possible: write b = c·x + d with c a non-zero constant, and let R be the
    /// rationals whose denominator is prime to p. When every coefficient of a and b lies in R and c is a unit
    /// of R, dividing a by b in x stays in R, so b | a over Q gives a = b·q with q over R; reducing modulo p
    /// (a ring homomorphism R → F_p) gives ā = b̄·q̄, and ā vanishes wherever b̄ does. A non-zero ā(P) at a
    /// point P with b̄(P) = 0 therefore proves b ∤ a. A zero value (b | a, or an unlucky point) and a
    /// coefficient whose denominator p divides both fall through to the exact division, which decides.
    /// The point comes from a fixed seed.
    /// </remarks>
    internal static Poly? GcdWithIrreducibleLinear(Poly a, Poly b)
    {
        if (LinearVariable(b) is { } xb) return GcdWithIrreducible(a, b, xb);
        if (LinearVariable(a) is { } xa) return GcdWithIrreducible(b, a, xa);
        return null;
    }

    private static Poly GcdWithIrreducible(Poly a, Poly b, int x)
    {
        if (VanishesOnZeroOf(a, b, x) == false) return Poly.One(a.Variables);
        return Poly.TryDivideExact(a, b) is not null ? Normalize(b) : Poly.One(a.Variables);
    }

    /// <summary>
    /// True when b provably does not divide a: b has degree 1 in a variable with a constant coefficient and a
    /// does not vanish modulo p at a point where b does (see <see cref="GcdWithIrreducibleLinear"/>; the
    /// irreducibility of b plays no part in this direction). False means undecided: divide to know.
    /// </summary>
    internal static bool ProvablyNotDivisible(Poly a, Poly b) =>
        !a.IsZero && LinearVariable(b) is { } x && VanishesOnZeroOf(a, b, x) == false;

    /// <summary>A variable in which p has degree 1 and whose coefficient is a constant (the term x alone).</summary>
    internal static int? LinearVariable(Poly p)
    {
        var layout = p.Layout;
        foreach (var v in p.OccurringVariables())
        {
            int withV = 0;
            bool alone = true;
            for (int i = 0; i < p.Count && alone; i++)
            {
                int e = layout.Get(p.Monomial(i), v);
                if (e == 0) continue;
                withV++;
                alone = e == 1 && withV == 1 && layout.TotalDegree(p.Monomial(i)) == 1;
            }
            if (alone) return v;
        }
        return null;
    }

    /// <summary>
    /// Whether a modulo p vanishes at a seeded point on b = 0 (b = c·x + d); null when the residues are
    /// undefined (a denominator or c divisible by p).
    /// </summary>
    internal static bool? VanishesOnZeroOf(Poly a, Poly b, int x)
    {
        var random = new Random(PointSeed);
        var point = new ulong[a.Variables.Count];
        for (int v = 0; v < point.Length; v++) point[v] = (ulong)random.NextInt64(1, (long)Prime);
        // b(P) = c·P[x] + d(P) with P[x] = 0 gives d(P); then P[x] = −d(P)/c.
        point[x] = 0;
        if (EvaluateModPrime(b, point) is not { } d) return null;
        var c = Residue(b.Coefficient(TermOf(b, x)));
        if (c is not { } cx || cx == 0) return null;
        point[x] = MulMod(Prime - d, Inverse(cx));
        return EvaluateModPrime(a, point) is { } value ? value == 0 : null;
    }

    private static int TermOf(Poly p, int x)
    {
        for (int i = 0; i < p.Count; i++) if (p.Layout.Get(p.Monomial(i), x) == 1) return i;
        throw new InvalidOperationException("the linear variable has no term");
    }

    /// <summary>p(point) modulo the prime; null when a coefficient's denominator is divisible by it.</summary>
    private static ulong? EvaluateModPrime(Poly p, ulong[] point)
    {
        var layout = p.Layout;
        var powers = new List<ulong>[point.Length];
        ulong sum = 0;
        for (int i = 0; i < p.Count; i++)
        {
            if (Residue(p.Coefficient(i)) is not { } term) return null;
            var m = p.Monomial(i);
            for (int v = 0; v < point.Length && term != 0; v++)
            {
                int e = layout.Get(m, v);
                if (e == 0) continue;
                var list = powers[v] ??= [1];
                while (list.Count <= e) list.Add(MulMod(list[^1], point[v]));
                term = MulMod(term, list[e]);
            }
            sum = (sum + term) % Prime;
        }
        return sum;
    }

    private static ulong? Residue(Numbers.Rational c)
    {
        var num = (ulong)BigInteger.Remainder(BigInteger.Remainder(c.Numerator, Prime) + Prime, Prime);
        if (c.IsInteger) return num;
        var den = (ulong)BigInteger.Remainder(c.Denominator, Prime);
        return den == 0 ? null : MulMod(num, Inverse(den));
    }

    private static ulong MulMod(ulong a, ulong b) => (ulong)((UInt128)a * b % Prime);

    /// <summary>a^(p−2) = a⁻¹ modulo the prime (Fermat), for a ≢ 0.</summary>
    private static ulong Inverse(ulong a) => (ulong)BigInteger.ModPow(a, Prime - 2, Prime);
}
