using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

/// <summary>
/// What a seeded search for a point of a domain found (<see cref="Algebra.SearchWhereDefined"/>): a rational
/// <paramref name="Point"/> where every condition holds, or null when none was found in <paramref name="Tries"/> tries
/// from <paramref name="Seed"/>. Not found proves nothing (a domain of one point is missed too): a caller reports
/// "undecided" or refuses its input, never "not equal".
/// </summary>
/// <param name="Point">A point where every condition holds (empty when there are no conditions), or null.</param>
/// <param name="Tries">The points tried: up to the one found, else every one (<see cref="Algebra.DomainSampleLimit"/>).</param>
/// <param name="Seed">The seed the points were drawn from.</param>
public sealed record DomainSearch(IReadOnlyDictionary<string, Rational>? Point, int Tries, int Seed)
{
    /// <summary>True when a point where every condition holds was found.</summary>
    public bool Found => Point is not null;
}

public static partial class Algebra
{
    /// <summary>Random points <see cref="SearchWhereDefined"/> tries before it gives up.</summary>
    public const int DomainSampleLimit = 320;

    /// <summary>
    /// Looks for a rational point (seeded, as <see cref="Equal"/> samples) where every condition holds, trying at most
    /// <see cref="DomainSampleLimit"/> points. Why: "equal wherever both sides are defined" is vacuous when they are
    /// defined nowhere (<c>0*sqrt(-1 - x^2)</c> and <c>0</c> have one canonical form), so a caller that reports a proof,
    /// or takes a formula as input, asks for a point of its domain first and words its own answer when there is none.
    /// </summary>
    public static DomainSearch SearchWhereDefined(IReadOnlyList<Statement> conditions, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        int usedSeed = seed ?? DefaultEqualSeed;
        if (conditions.Count == 0) return new(new Dictionary<string, Rational>(), 0, usedSeed);
        int tries = 0;
        foreach (var point in DomainSamples(FreeSymbols([.. conditions]), SampleDomain.Reals, usedSeed))
        {
            tries++;
            var at = Constants(point);
            if (conditions.All(c => HoldsAt(c, at))) return new(point, tries, usedSeed);
        }
        return new(null, tries, usedSeed);
    }

    /// <summary>
    /// The point <see cref="SearchWhereDefined"/> finds, or null when it finds none (which proves nothing: a domain that
    /// is a single point, <c>x >= 0, -x >= 0</c>, is missed too).
    /// </summary>
    public static IReadOnlyDictionary<string, Rational>? PointWhereDefined(IReadOnlyList<Statement> conditions, int? seed = null) =>
        SearchWhereDefined(conditions, seed).Point;

    /// <summary>
    /// The <see cref="DomainSampleLimit"/> seeded points that the searches of a written domain try
    /// (<see cref="SearchWhereDefined"/>, <see cref="WhereNotDefinedAsWritten"/>): after half the budget, positive values
    /// only (roots and logs of symbols need them).
    /// </summary>
    private static IEnumerable<Dictionary<string, Rational>> DomainSamples(IReadOnlyList<Sym> symbols, SampleDomain domain, int? seed)
    {
        var random = new Random(seed ?? DefaultEqualSeed);
        for (int i = 0; i < DomainSampleLimit; i++)
            if (RandomPoint(symbols, random, domain, positive: i >= DomainSampleLimit / 2) is { } point)
                yield return point;
    }

    /// <summary>
    /// Whether <paramref name="condition"/> holds at the rational <paramref name="point"/> (one value per free symbol,
    /// by name): <see cref="HoldsAt(Statement, IReadOnlyDictionary{string, Expr})"/> with those numbers.
    /// </summary>
    public static bool HoldsAt(Statement condition, IReadOnlyDictionary<string, Rational> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return HoldsAt(condition, Constants(point));
    }

    /// <summary>
    /// The rational point as kernel numbers, the form <see cref="HoldsAt(Statement, IReadOnlyDictionary{string, Expr})"/>
    /// substitutes: a caller testing several conditions at one point converts it once, not once per condition.
    /// </summary>
    internal static Dictionary<string, Expr> Constants(IReadOnlyDictionary<string, Rational> point) =>
        point.ToDictionary(kv => kv.Key, kv => (Expr)Num.Of(kv.Value));

    /// <summary>
    /// Whether <paramref name="condition"/> holds at <paramref name="point"/>, whose values are exact constants
    /// (<c>1/2</c>, <c>sqrt(2)</c>, <c>exp(1)</c>): exactly when the kernel folds the substituted condition to true or
    /// false (<c>sqrt(2)^2 - 2 != 0</c> is false), otherwise in double precision on what is left (an irrational side
    /// such as <c>2^(2/3) >= 0</c>, compared as <see cref="DefinedTruth"/> does); a condition whose own terms are not
    /// defined at the point, or that names a symbol the point does not give, does not hold. One function for the
    /// seeded searches of a domain and for <c>expr eval</c>'s check of its input at the point the user gives.
    /// </summary>
    public static bool HoldsAt(Statement condition, IReadOnlyDictionary<string, Expr> point)
    {
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            var at = Substitute(condition, point);
            if (at is BoolConst b) return b.Value;
            return DefinedTruth(at, NoValues) == true;
        }
        catch (SymbolicException) { return false; }
        catch (DivideByZeroException) { return false; }
    }

    // The double environment of a condition with every symbol substituted by a constant.
    private static readonly Dictionary<string, double> NoValues = [];
}
