using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// Decides whether derived and published sides agree, through the kernel: <see cref="Algebra.Equal"/> for
/// general expressions (a rational-function identity is proved; a non-zero difference gets an exact rational
/// witness), and the polynomial path for large polynomial identities.
/// </summary>
public static class IdentityCheck
{
    /// <summary>The seed of every random witness search here, printed with the witness.</summary>
    public const int Seed = 20_250_101;

    /// <summary>What the two sides of a comparison are, as a witness names them; <see cref="DerivedAndPublished"/> by default.</summary>
    /// <param name="Left">The first side, e.g. "the derived side".</param>
    /// <param name="Right">The second side, e.g. "the published side".</param>
    public sealed record Sides(string Left, string Right);

    /// <summary>A side derived by the kernel against a published formula: the usual comparison.</summary>
    public static Sides DerivedAndPublished { get; } = new("the derived side", "the published side");

    /// <summary>
    /// Compares two expressions; <paramref name="label"/> names the entry in a witness, <paramref name="sides"/> the two
    /// sides (<see cref="DerivedAndPublished"/> by default). A witness is searched for in <paramref name="domain"/> only
    /// (the reals by default): where the derivation assumes a symbol or an expression positive or a depth, a difference
    /// outside that domain refutes nothing the source states.
    /// </summary>
    public static CheckResult Equal(Expr derived, Expr published, string label, SampleDomain? domain = null, Sides? sides = null)
    {
        sides ??= DerivedAndPublished;
        var r = Algebra.Equal(derived, published, Seed, domain);
        return r.Verdict switch
        {
            EqualityVerdict.ProvedEqual => CheckResult.Proved(r.Explanation),
            EqualityVerdict.NotEqual => new CheckResult(Verdict.Disproved,
                $"{label}: at {FormatPoint(r.Witness!)} {sides.Left} is {Value(r.LeftValue)} but {sides.Right} is {Value(r.RightValue)}",
                r.Explanation),
            _ => new CheckResult(Verdict.NumericOnly, null, r.Explanation),
        };
    }

    /// <summary>
    /// Compares a derived side with a published formula <em>as written</em>: as <see cref="Equal(Expr, Expr, string, SampleDomain?, Sides?)"/>,
    /// and a point of <paramref name="domain"/> where the derived side is real but the published formula is not defined
    /// (a condition of <see cref="ScalarFormula.Written"/> fails) is a difference, as a side that is not real where the
    /// other is real is in <see cref="Algebra.Equal"/>. Every derivation that compares a published formula comes here,
    /// so the rule holds for all of them.
    /// </summary>
    public static CheckResult Equal(Expr derived, ScalarFormula published, string label, SampleDomain? domain = null, Sides? sides = null)
    {
        ArgumentNullException.ThrowIfNull(published);
        var check = Equal(derived, published.Value, label, domain, sides);
        return check.Verdict == Verdict.Disproved ? check : NotDefinedAsWritten(derived, published.Written, label, domain, sides) ?? check;
    }

    /// <summary>
    /// A disproof at a point of <paramref name="domain"/> where <paramref name="derived"/> is real but a condition of
    /// <paramref name="written"/> (the written domain of the published side) fails, or null when none is found.
    /// </summary>
    public static CheckResult? NotDefinedAsWritten(Expr derived, IReadOnlyList<Statement> written, string label, SampleDomain? domain = null, Sides? sides = null)
    {
        if (Algebra.WhereNotDefinedAsWritten(derived, written, domain, Seed) is not { } gap) return null;
        var where = domain is null || domain.IsReals ? "" : $", in the domain ({domain})";
        return new CheckResult(Verdict.Disproved,
            $"{label}: at {FormatPoint(gap.Point)} {(sides ?? DerivedAndPublished).Left} is {gap.Value} but the published formula is not defined there as written ({gap.Condition} fails)",
            $"the published formula as written is defined only where {string.Join(", ", written)}; at {FormatPoint(gap.Point)}{where} it is not (seed {Seed})");
    }

    /// <summary>The largest depth drawn for a symbolic N in a witness search (any depth the derivations allow).</summary>
    public const int MaxSampledDepth = 12;

    // A side Equal found not real at the witness (a fractional power of a negative number, in the kernel's convention).
    private static string Value(Expr? value) => value?.ToString() ?? "not a real number";

    /// <summary>Compares two matrices entry by entry; the witness names the first entry that differs.</summary>
    public static CheckResult EqualMatrices(Expr[,] derived, Expr[,] published, string name) => EqualMatrices(derived, published, name, []);

    /// <summary>
    /// <see cref="EqualMatrices(Expr[,], Expr[,], string)"/> for a published matrix built from published scalar formulas
    /// whose written domains are <paramref name="written"/>: an entry where the derived side is real but the published
    /// formulas are not defined is a difference (see <see cref="Equal(Expr, ScalarFormula, string, SampleDomain?, Sides?)"/>).
    /// </summary>
    public static CheckResult EqualMatrices(Expr[,] derived, Expr[,] published, string name, IReadOnlyList<Statement> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (derived.GetLength(0) != published.GetLength(0) || derived.GetLength(1) != published.GetLength(1))
            return new CheckResult(Verdict.Disproved,
                $"{name}: the derived matrix is {derived.GetLength(0)}×{derived.GetLength(1)} but the published one is {published.GetLength(0)}×{published.GetLength(1)}",
                "shapes differ");
        var checks = new List<CheckResult>();
        for (int r = 0; r < derived.GetLength(0); r++)
            for (int c = 0; c < derived.GetLength(1); c++)
            {
                var check = Equal(derived[r, c], new ScalarFormula(published[r, c], written), $"{name}[{r + 1},{c + 1}]");
                checks.Add(check);
                if (check.Verdict == Verdict.Disproved) return check; // one witness is enough
            }
        return CheckResult.All(checks, "every entry agrees: each difference is 0 after expansion");
    }

    /// <summary>
    /// Checks that polynomials are identically zero (the fast path: no expression trees). A non-zero one is
    /// disproved with an exact rational point where it does not vanish.
    /// </summary>
    public static CheckResult AllZero(IEnumerable<(string Label, Poly Value)> polynomials, string how)
    {
        foreach (var (label, p) in polynomials)
        {
            if (p.IsZero) continue;
            var (point, value) = NonZeroPoint(p);
            return new CheckResult(Verdict.Disproved, $"{label}: at {point} it is {value}, not 0",
                $"{label} expands to {p.Count} non-zero terms");
        }
        return CheckResult.Proved(how);
    }

    /// <summary>An exact point where a non-zero polynomial does not vanish (Schwartz–Zippel: almost every point).</summary>
    public static (string Point, Rational Value) NonZeroPoint(Poly p)
    {
        var random = new Random(Seed);
        var used = Enumerable.Range(0, p.Variables.Count).Where(v => p.Degree(v) > 0).ToList();
        for (int attempt = 0; attempt < 200; attempt++)
        {
            var point = new Rational[p.Variables.Count];
            for (int v = 0; v < point.Length; v++) point[v] = used.Contains(v) ? new Rational(random.Next(-9, 10), random.Next(1, 4)) : Rational.Zero;
            var value = p.Evaluate(point);
            if (value.IsZero) continue;
            var sb = new StringBuilder();
            foreach (var v in used)
            {
                if (sb.Length > 0) sb.Append(", ");
                sb.Append(p.Variables[v]).Append(" = ").Append(point[v]);
            }
            return (sb.Length == 0 ? "every point" : sb.ToString(), value);
        }
        throw new InvalidOperationException($"no non-vanishing point found for a non-zero polynomial in 200 tries (seed {Seed})");
    }

    /// <summary><c>x = 1/2, y = -3</c>, in natural name order.</summary>
    public static string FormatPoint(IReadOnlyDictionary<string, Rational> point) =>
        string.Join(", ", point.OrderBy(kv => kv.Key, Comparer<string>.Create(ExprOrder.CompareNames)).Select(kv => $"{kv.Key} = {kv.Value}"));
}
