namespace ImplicitReg.Symbolic.Polynomials;

public static partial class PolyGcd
{
    /// <summary>
    /// The gcd of two polynomials that do not have the same variables, from their coefficients in the
    /// variables only one of them has; null when both have the same variables (the general path's case).
    /// </summary>
    /// <remarks>
    /// Exact, not a heuristic: a common divisor d divides both, so d involves only the variables S that occur
    /// in both. Write a = Σ_m a_m·m over the distinct monomials m in a's other variables, with each a_m in
    /// Q[S]: the representation in Q[S][others] is unique, so d | a exactly when d | a_m for every m. Hence
    /// gcd(a, b) = gcd of all a_m and all b_m (a itself when it has no other variables), and no common
    /// variable at all gives 1. The coefficients are folded smallest first, stopping at the first constant
    /// gcd. This is the cheap coprimality test of a sum of fractions: cancelling 1/(x0 + 1) + … + 1/(x15 + 1)
    /// asks gcd(N, x_i + 1) with N of 65,535 terms in 16 variables, where GCDHEU's images outgrow its bound
    /// (one evaluation per variable) and the primitive PRS multiplies huge contents; here N's coefficient of
    /// x1⋯x15 is the constant 1 and the gcd is 1 after one grouping pass over N.
    /// </remarks>
    internal static Poly? GcdOverSharedVariables(Poly a, Poly b)
    {
        var inA = a.OccurringVariables();
        var inB = b.OccurringVariables();
        var shared = inA.Intersect(inB).ToArray();
        if (shared.Length == inA.Length && shared.Length == inB.Length) return null;
        var vars = a.Variables;
        if (shared.Length == 0) return Poly.One(vars);
        var outer = new bool[vars.Count];
        Array.Fill(outer, true);
        foreach (var v in shared) outer[v] = false;
        var parts = new List<Poly>();
        parts.AddRange(inA.Length > shared.Length ? a.CoefficientsIn(outer) : [a]);
        parts.AddRange(inB.Length > shared.Length ? b.CoefficientsIn(outer) : [b]);
        // Stable order by size: small coefficients settle the gcd soonest, and the same inputs take the same path.
        Poly? g = null;
        foreach (var p in parts.OrderBy(p => p.Count))
        {
            g = g is null ? Normalize(p) : Gcd(g, p);
            if (g.IsConstant) return Poly.One(vars);
        }
        return g;
    }
}
