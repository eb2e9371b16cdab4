using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>Seed used by <see cref="Equal"/> when the caller gives none (results are reproducible).</summary>
    public const int DefaultEqualSeed = 20_250_101;

    /// <summary>Number of valid random points a numeric verdict rests on.</summary>
    public const int EqualSampleCount = 8;

    /// <summary>
    /// Two double evaluations of equal expressions agree to about 1e−13 relative (a few hundred roundings);
    /// 1e−8 leaves five orders of margin, so a larger relative gap is a genuine difference.
    /// </summary>
    public const double EqualNumericTolerance = 1e-8;

    /// <summary>
    /// Decides whether <paramref name="a"/> and <paramref name="b"/> are equal. ProvedEqual when the difference
    /// is zero as a rational function in the symbols and opaque generators (<c>sin(x)</c>, <c>x^(1/2)</c>, …):
    /// an identity where both sides are defined (<c>(x^2−1)/(x−1)</c> equals <c>x+1</c>). Otherwise, with no
    /// generators, the difference is a non-zero rational function and an exact rational witness point is
    /// found and checked. With generators a non-zero difference may still vanish (<c>sin²+cos² = 1</c>), so
    /// both sides are compared at <see cref="EqualSampleCount"/> seeded random points (points where a side is
    /// undefined are skipped): a disagreement is NotEqual with that point, agreement only NumericallyEqual.
    /// Random points are drawn from <paramref name="domain"/> (every symbol real by default), so a statement made
    /// for positive or integer symbols is refuted only where it is made.
    /// </summary>
    public static EqualityResult Equal(Expr a, Expr b, int? seed = null, SampleDomain? domain = null)
    {
        domain ??= SampleDomain.Reals;
        if (a is Statement || b is Statement) throw new SymbolicException("Equal compares expressions, not statements");
        int usedSeed = seed ?? DefaultEqualSeed;
        if (a.Equals(b)) return new(EqualityVerdict.ProvedEqual, null, null, null, 0, null, "identical canonical forms");
        RationalForm[] forms;
        RationalForm difference;
        try
        {
            forms = RationalConversion.ToRationalForms([a, b], Cancel);
            difference = forms[0] - forms[1];
        }
        catch (SymbolicLimitException limit)
        {
            // Too large to normalise exactly: numeric evidence is all that can be offered (never a proof).
            return NumericComparison(a, b, FreeSymbols([a, b]), new Random(usedSeed), usedSeed, domain,
                $"too large to normalise exactly ({limit.Message})");
        }
        var vars = forms[0].Variables;
        var generators = vars.Variables.Where(v => v is not Sym).ToList();
        if (difference.IsZero)
        {
            var how = generators.Count == 0
                ? "the difference is 0 as a rational function"
                : $"the difference is 0 as a rational function in the symbols and generators {string.Join(", ", generators)}";
            return new(EqualityVerdict.ProvedEqual, null, null, null, 0, null, how);
        }
        var symbols = FreeSymbols([a, b]);
        var random = new Random(usedSeed);
        if (generators.Count == 0) return ExactWitness(a, b, symbols, random, usedSeed, domain, difference);
        return NumericComparison(a, b, symbols, random, usedSeed, domain,
            $"the difference is not 0 as a rational function in {string.Join(", ", generators)}");
    }

    /// <summary>A random point of <paramref name="domain"/> (see <see cref="SampleDomain.Draw"/>; positive only when asked).</summary>
    private static Dictionary<string, Rational> RandomPoint(IReadOnlyList<Sym> symbols, Random random, SampleDomain domain, bool positive)
    {
        var point = new Dictionary<string, Rational>(symbols.Count);
        foreach (var s in symbols) point[s.Name] = domain.Draw(s.Name, random, positive);
        return point;
    }

    private static EqualityResult ExactWitness(
        Expr a, Expr b, IReadOnlyList<Sym> symbols, Random random, int seed, SampleDomain domain, RationalForm difference)
    {
        const int attempts = 200;
        for (int i = 1; i <= attempts; i++)
        {
            var point = RandomPoint(symbols, random, domain, positive: false);
            var (va, vb) = (TryExact(a, point), TryExact(b, point));
            if (va is null || vb is null || va == vb) continue;
            return new(EqualityVerdict.NotEqual, point, Num.Of(va.Value), Num.Of(vb.Value), i, seed,
                $"the sides differ at {FormatPoint(point)}: {va.Value} vs {vb.Value} (exact)");
        }
        // A non-zero rational function can vanish on a restricted domain (an integer range): there the sides agree
        // at every point tried, which is evidence, not a proof, and not a refutation either.
        if (!domain.IsReals)
            return new(EqualityVerdict.NumericallyEqual, null, null, null, attempts, seed,
                $"not proved: the difference {difference.ToExpr()} is a non-zero rational function, but it vanishes at " +
                $"every point tried in the domain ({domain}; {attempts} points, seed {seed})");
        throw new SymbolicException(
            $"the difference {difference.ToExpr()} is a non-zero rational function, but no point where both sides " +
            $"are defined and differ was found in {attempts} tries (seed {seed})");
    }

    private static EqualityResult NumericComparison(
        Expr a, Expr b, IReadOnlyList<Sym> symbols, Random random, int seed, SampleDomain domain, string whyNotProved)
    {
        const int attemptLimit = 40 * EqualSampleCount;
        int valid = 0;
        (Dictionary<string, Rational> Point, bool LeftDefined)? oneSided = null;
        for (int i = 0; i < attemptLimit && valid < EqualSampleCount; i++)
        {
            // After half the budget of undefined points, sample positive values only (log, sqrt domains).
            var point = RandomPoint(symbols, random, domain, positive: i >= attemptLimit / 2);
            var env = point.ToDictionary(kv => kv.Key, kv => kv.Value.ToDouble());
            var (ra, rb) = (RealValue(a, env), RealValue(b, env));
            if (ra is null || rb is null)
            {
                if (ra is not null || rb is not null) oneSided ??= (point, ra is not null);
                continue;
            }
            double da = ra.Value, db = rb.Value;
            valid++;
            double scale = Math.Max(1, Math.Max(Math.Abs(da), Math.Abs(db)));
            if (Math.Abs(da - db) <= EqualNumericTolerance * scale) continue;
            // Confirm exactly where possible (both sides rational at the point); else the gap is far above rounding.
            var (ea, eb) = (TryExact(a, point), TryExact(b, point));
            if (ea is not null && eb is not null)
            {
                if (ea == eb) continue;
                return new(EqualityVerdict.NotEqual, point, Num.Of(ea.Value), Num.Of(eb.Value), valid, seed,
                    $"the sides differ at {FormatPoint(point)}: {ea.Value} vs {eb.Value} (exact)");
            }
            return new(EqualityVerdict.NotEqual, point, TryExactExpr(a, point), TryExactExpr(b, point), valid, seed,
                $"the sides differ at {FormatPoint(point)}: {da:R} vs {db:R} (relative gap {Math.Abs(da - db) / scale:G3}, tolerance {EqualNumericTolerance:G})");
        }
        // On a restricted domain (where a statement is made) a side that is a real number where the other is not is a
        // difference: a published formula that is not real at a point of its own domain does not state the derived one
        // there (the kernel's convention: a fractional power of a negative number is not real). On the whole real line
        // such points are skipped instead, as an identity is meant where both sides are defined.
        if (valid == 0 && !domain.IsReals && oneSided is { } one)
        {
            var defined = one.LeftDefined ? a : b;
            var value = TryExactExpr(defined, one.Point);
            return new(EqualityVerdict.NotEqual, one.Point, one.LeftDefined ? value : null, one.LeftDefined ? null : value, 0, seed,
                $"at {FormatPoint(one.Point)}, in the domain ({domain}), the {(one.LeftDefined ? "right" : "left")} side is not a real " +
                $"number and the other is {value} (seed {seed})");
        }
        if (valid == 0)
            throw new SymbolicException($"no point where both sides are defined was found in {attemptLimit} tries (seed {seed})");
        return new(EqualityVerdict.NumericallyEqual, null, null, null, valid, seed,
            $"not proved: {whyNotProved}, " +
            $"but the sides agree at {valid} random points (seed {seed}, relative tolerance {EqualNumericTolerance:G})");
    }

    /// <summary>The value of <paramref name="e"/> at <paramref name="env"/> in double precision, or null where it is not a finite real.</summary>
    private static double? RealValue(Expr e, IReadOnlyDictionary<string, double> env)
    {
        try
        {
            var v = Evaluate(e, env);
            return double.IsFinite(v) ? v : null;
        }
        catch (SymbolicException) { return null; }
        catch (DivideByZeroException) { return null; }
    }

    private static Rational? TryExact(Expr e, IReadOnlyDictionary<string, Rational> point)
    {
        try
        {
            return EvaluateExact(e, point) is Num n ? n.Value : null;
        }
        catch (SymbolicException) { return null; }
        catch (DivideByZeroException) { return null; }
    }

    private static Expr? TryExactExpr(Expr e, IReadOnlyDictionary<string, Rational> point)
    {
        try { return EvaluateExact(e, point); }
        catch (SymbolicException) { return null; }
        catch (DivideByZeroException) { return null; }
    }

    private static string FormatPoint(IReadOnlyDictionary<string, Rational> point) =>
        point.Count == 0 ? "every point" : "{" + string.Join(", ", point.Select(kv => $"{kv.Key} = {kv.Value}")) + "}";
}
