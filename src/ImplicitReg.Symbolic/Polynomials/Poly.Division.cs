using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

public sealed partial class Poly
{
    /// <summary>
    /// Exact quotient a/b when b divides a over Q (multivariate division by leading terms in the
    /// lexicographic order; the remainder is zero exactly when b | a). Null when b does not divide a.
    /// </summary>
    public static Poly? TryDivideExact(Poly a, Poly b)
    {
        int bits = Unify(a, b);
        if (b.IsZero) throw new DivideByZeroException("polynomial division by zero");
        if (a.IsZero) return a;
        if (b.IsConstant) return a.Scale(b._coef[0].Reciprocal());
        a = a.WithBits(bits);
        b = b.WithBits(bits);
        var layout = a.Layout;
        int words = a.Words;
        var lb = b.Monomial(0);
        var lcInv = b._coef[0].Reciprocal();
        var qMono = new List<ulong>();
        var qCoef = new List<Rational>();
        // The remainder is a's terms not yet reached (index i) plus the terms the subtracted multiples of b have
        // added (a max-heap with like terms combined). Rebuilding the remainder by a merge per quotient term
        // copied it once per term, quadratic: dividing a 16,384-term numerator by x + 1 (together of
        // 1/(x0 + 1) + … + 1/(x13 + 1)) took most of 14 s. Same leading terms in the same order, same quotient.
        var pending = new Dictionary<ulong[], Rational>(MonomialKey.Instance);
        var heap = new PriorityQueue<ulong[], ulong[]>(MonomialKey.Instance);
        int i = 0;
        while (true)
        {
            ulong[] lead;
            Rational c;
            bool fromA = i < a.Count, fromPending = heap.Count > 0;
            if (!fromA && !fromPending) break;
            int cmp = !fromPending ? 1 : !fromA ? -1 : MonomialLayout.Compare(a.Monomial(i), heap.Peek());
            if (cmp > 0)
            {
                lead = a.Monomial(i).ToArray();
                c = a._coef[i++];
            }
            else
            {
                lead = heap.Dequeue();
                pending.Remove(lead, out c);
                if (cmp == 0) c += a._coef[i++];
            }
            if (c.IsZero) continue;
            // The leading term of r must be divisible by the leading term of b, else b ∤ a.
            var t = new ulong[words];
            if (!layout.TrySubtract(lead, lb, t)) return null;
            var q = c * lcInv;
            qMono.AddRange(t);
            qCoef.Add(q);
            if (qCoef.Count > MaxTerms) throw new SymbolicLimitException("quotient exceeds the term limit; refused");
            // r −= q·t·b; its leading term cancels lead by construction.
            for (int j = 1; j < b.Count; j++)
            {
                var m = new ulong[words];
                // When b | a every exponent of q·b is at most a's, so an overflow proves b ∤ a.
                if (!layout.TryAdd(t, b.Monomial(j), m)) return null;
                var term = -q * b._coef[j];
                if (pending.TryGetValue(m, out var old)) pending[m] = old + term;
                else
                {
                    pending[m] = term;
                    heap.Enqueue(m, m);
                }
            }
        }
        // Quotient terms are produced with strictly decreasing monomials: already sorted.
        return new Poly(a.Variables, bits, qMono.ToArray(), qCoef.ToArray());
    }

    /// <summary>Packed monomials as dictionary keys and heap priorities (the heap dequeues the greatest first).</summary>
    private sealed class MonomialKey : IEqualityComparer<ulong[]>, IComparer<ulong[]>
    {
        public static readonly MonomialKey Instance = new();

        public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(ulong[] m)
        {
            var h = new HashCode();
            foreach (var w in m) h.Add(w);
            return h.ToHashCode();
        }

        public int Compare(ulong[]? x, ulong[]? y) => MonomialLayout.Compare(y, x);
    }

    /// <summary>Exact quotient a/b; throws when b does not divide a.</summary>
    public static Poly DivideExact(Poly a, Poly b) =>
        TryDivideExact(a, b) ?? throw new ArithmeticException("polynomial division is not exact");

    /// <summary>
    /// The coefficients of this polynomial as a polynomial in one variable: result[k] is the coefficient of
    /// x^k (a polynomial in the other variables, over the same variable order).
    /// </summary>
    public Poly[] CoefficientsIn(int variable)
    {
        int deg = Degree(variable);
        if (deg < 0) return [];
        var accs = new MonomialAccumulator?[deg + 1];
        var m = new ulong[Words];
        for (int i = 0; i < Count; i++)
        {
            var src = Monomial(i);
            int e = Layout.Get(src, variable);
            src.CopyTo(m);
            Layout.Set(m, variable, 0);
            (accs[e] ??= new MonomialAccumulator(Layout, 16)).Add(m, _coef[i]);
        }
        var result = new Poly[deg + 1];
        for (int k = 0; k <= deg; k++) result[k] = accs[k]?.ToPoly(Variables) ?? Zero(Variables);
        return result;
    }

    /// <summary>
    /// The coefficients of this polynomial as a polynomial in several variables (<paramref name="outer"/>[v]
    /// true): one polynomial in the other variables per distinct monomial in the outer ones, in order of first
    /// occurrence (the same variable order throughout). Zero coefficients cannot arise: distinct terms differ.
    /// </summary>
    public Poly[] CoefficientsIn(IReadOnlyList<bool> outer)
    {
        // Terms are grouped by index and each group copied once, without a hash accumulator per group: the
        // terms of one group differ only in the inner variables, so they are distinct, and they stay in
        // descending order because a monomial order is compatible with multiplication (i·o > j·o ⇔ i > j).
        var groups = new Dictionary<ulong[], List<int>>(MonomialKey.Instance);
        var order = new List<List<int>>();
        var key = new ulong[Words];
        for (int i = 0; i < Count; i++)
        {
            Monomial(i).CopyTo(key);
            for (int v = 0; v < outer.Count; v++) if (!outer[v]) Layout.Set(key, v, 0);
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key.ToArray()] = members = [];
                order.Add(members);
            }
            members.Add(i);
        }
        var result = new Poly[order.Count];
        for (int g = 0; g < result.Length; g++)
        {
            var members = order[g];
            var mono = new ulong[members.Count * Words];
            var coef = new Rational[members.Count];
            for (int k = 0; k < members.Count; k++)
            {
                var m = mono.AsSpan(k * Words, Words);
                Monomial(members[k]).CopyTo(m);
                for (int v = 0; v < outer.Count; v++) if (outer[v]) Layout.Set(m, v, 0);
                coef[k] = _coef[members[k]];
            }
            result[g] = new Poly(Variables, Bits, mono, coef);
        }
        return result;
    }

    /// <summary>Σ_k coefficients[k]·x^k.</summary>
    public static Poly FromCoefficientsIn(VariableOrder variables, int variable, IReadOnlyList<Poly> coefficients)
    {
        var result = Zero(variables);
        for (int k = 0; k < coefficients.Count; k++)
        {
            if (coefficients[k].IsZero) continue;
            result = Add(result, k == 0 ? coefficients[k] : Multiply(coefficients[k], Monomial(variables, Rational.One, variable, k)));
        }
        return result;
    }

    /// <summary>Leading coefficient with respect to one variable (a polynomial in the others).</summary>
    public Poly LeadingCoefficientIn(int variable)
    {
        var cs = CoefficientsIn(variable);
        return cs.Length == 0 ? this : cs[^1];
    }

    /// <summary>
    /// Pseudo-remainder prem(a, b) in variable x: lc(b)^(deg a − deg b + 1)·a reduced modulo b, computed
    /// without fractions (the step of the primitive polynomial remainder sequence).
    /// </summary>
    public static Poly PseudoRemainder(Poly a, Poly b, int variable)
    {
        int db = b.Degree(variable);
        if (db < 0) throw new DivideByZeroException("pseudo-remainder by the zero polynomial");
        var lcb = b.LeadingCoefficientIn(variable);
        var r = a;
        int dr = r.Degree(variable);
        int steps = Math.Max(dr - db + 1, 0), done = 0;
        while (!r.IsZero && dr >= db)
        {
            var lcr = r.LeadingCoefficientIn(variable);
            var shift = Monomial(r.Variables, Rational.One, variable, dr - db);
            r = Subtract(Multiply(lcb, r), Multiply(Multiply(lcr, shift), b));
            done++;
            dr = r.Degree(variable);
        }
        // Scale to exactly lc(b)^(deg a − deg b + 1) so the result is the textbook pseudo-remainder.
        for (; done < steps; done++) r = Multiply(lcb, r);
        return r;
    }

    /// <summary>The polynomial with variable <paramref name="variable"/> set to an integer (same variable order).</summary>
    public Poly EvaluateAt(int variable, BigInteger value)
    {
        var acc = new MonomialAccumulator(Layout, Count);
        var powers = new Dictionary<int, BigInteger>();
        var m = new ulong[Words];
        for (int i = 0; i < Count; i++)
        {
            var src = Monomial(i);
            int e = Layout.Get(src, variable);
            src.CopyTo(m);
            Layout.Set(m, variable, 0);
            if (!powers.TryGetValue(e, out var pw)) powers[e] = pw = BigInteger.Pow(value, e);
            acc.Add(m, _coef[i] * new Rational(pw));
        }
        return acc.ToPoly(Variables);
    }

    /// <summary>Variables that occur in this polynomial (indices, ascending).</summary>
    public int[] OccurringVariables()
    {
        var seen = new bool[Variables.Count];
        for (int i = 0; i < Count; i++)
        {
            var m = Monomial(i);
            for (int v = 0; v < seen.Length; v++) if (!seen[v] && Layout.Get(m, v) != 0) seen[v] = true;
        }
        var list = new List<int>();
        for (int v = 0; v < seen.Length; v++) if (seen[v]) list.Add(v);
        return list.ToArray();
    }
}
