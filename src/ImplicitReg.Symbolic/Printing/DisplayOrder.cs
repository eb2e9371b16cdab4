using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// The order in which printers show operands: sums by descending degree, then descending exponents
/// in name order (<c>x^3 + 3*x^2*y + 3*x*y^2 + y^3</c>), constants last; products with symbols by name.
/// Storage order (<see cref="ExprOrder"/>) is separate, so this choice never affects equality.
/// </summary>
public static class DisplayOrder
{
    /// <summary>The terms of <paramref name="a"/> in display order.</summary>
    public static IReadOnlyList<Expr> Terms(Add a)
    {
        var keyed = a.Terms.Select(t => (Term: t, Key: MonomialKey(t))).ToList();
        keyed.Sort((p, q) => CompareKeys(p, q));
        return keyed.Select(p => p.Term).ToList();
    }

    /// <summary>The factors in display order: coefficient first, then by base name.</summary>
    public static IReadOnlyList<Expr> Factors(IEnumerable<Expr> factors) =>
        factors.OrderBy(f => FactorRank(f)).ThenBy(f => BaseName(f), Comparer<string>.Create(ExprOrder.CompareNames))
            .ThenBy(f => f, Comparer<Expr>.Create(ExprOrder.Compare)).ToList();

    private static int FactorRank(Expr f) => f switch
    {
        Num => 0,
        Sym => 1,
        Pow { Base: Sym } => 1,
        Pow { Base: Num } => 0,
        Call => 3,
        _ => 2,
    };

    private static string BaseName(Expr f) => f switch
    {
        Sym s => s.Name,
        Pow { Base: Sym s } => s.Name,
        _ => "",
    };

    /// <summary>The sort key of a term; <paramref name="Powers"/> is ordered by name (names are distinct).</summary>
    private sealed record Key(bool IsConstant, Rational Degree, (string Name, Rational Exponent)[] Powers, Expr Rest);

    private static readonly Comparer<string> Names = Comparer<string>.Create(ExprOrder.CompareNames);

    private static Key MonomialKey(Expr t)
    {
        if (t is Num) return new Key(true, Rational.Zero, [], t);
        var (_, rest) = Expr.SplitCoefficient(t);
        var factors = rest is Mul m ? m.Factors : [rest];
        var powers = new List<(string Name, Rational Exponent)>();
        var degree = Rational.Zero;
        var others = new List<Expr>();
        foreach (var f in factors)
        {
            switch (f)
            {
                case Sym s:
                    powers.Add((s.Name, Rational.One));
                    degree += Rational.One;
                    break;
                case Pow { Base: Sym s, Exponent: Num k }:
                    powers.Add((s.Name, k.Value));
                    degree += k.Value;
                    break;
                default:
                    others.Add(f);
                    break;
            }
        }
        // Sorted by name, the last exponent of a repeated name kept (a canonical product repeats none). A list
        // sorted once instead of a sorted dictionary per term: keys of a 65,535-term sum were a fifth of its printing.
        var sorted = powers.OrderBy(p => p.Name, Names).ToList();
        var unique = sorted.Where((p, i) => i + 1 == sorted.Count || Names.Compare(p.Name, sorted[i + 1].Name) != 0).ToArray();
        return new Key(false, degree, unique, others.Count == 0 ? Expr.One : Expr.Mul(others));
    }

    private static int CompareKeys((Expr Term, Key Key) p, (Expr Term, Key Key) q)
    {
        var (a, b) = (p.Key, q.Key);
        if (a.IsConstant != b.IsConstant) return a.IsConstant ? 1 : -1;
        int c = b.Degree.CompareTo(a.Degree);
        if (c != 0) return c;
        // Descending lexicographic exponents over the union of names, in name order (a missing name has
        // exponent 0): a merge of the two name-sorted lists. The union was once built and sorted per
        // comparison, and sorting the 65,535 terms of a cancelled sum of 16 fractions took most of the run.
        int i = 0, j = 0;
        while (i < a.Powers.Length || j < b.Powers.Length)
        {
            int order = i == a.Powers.Length ? 1 : j == b.Powers.Length ? -1 : Names.Compare(a.Powers[i].Name, b.Powers[j].Name);
            var ea = order <= 0 ? a.Powers[i++].Exponent : Rational.Zero;
            var eb = order >= 0 ? b.Powers[j++].Exponent : Rational.Zero;
            c = eb.CompareTo(ea);
            if (c != 0) return c;
        }
        c = ExprOrder.Compare(a.Rest, b.Rest);
        return c != 0 ? c : ExprOrder.Compare(p.Term, q.Term);
    }
}
