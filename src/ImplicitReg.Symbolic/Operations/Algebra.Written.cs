using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

/// <summary>
/// A point where one side of a comparison is a real number but the other, <em>as written</em>, is not defined: the
/// condition of the written side that fails there, and the real side's value.
/// </summary>
/// <param name="Point">The rational point, one value per free symbol.</param>
/// <param name="Value">The real side's value there as text: exact where the kernel can fold it, else about the double value.</param>
/// <param name="Condition">The first written condition that does not hold there.</param>
public sealed record WrittenGap(IReadOnlyDictionary<string, Rational> Point, string Value, Statement Condition);

public static partial class Algebra
{
    /// <summary>
    /// A seeded point of <paramref name="domain"/> where <paramref name="real"/> is a real number but one of
    /// <paramref name="conditions"/> (the written domain of the other side, see <c>Parser.ParseWithDomain</c>) fails, or
    /// null when none is found in <see cref="DomainSampleLimit"/> tries. Why: canonical forms drop the written domain
    /// (<c>0*sqrt(sigma - 5)</c> folds to 0), so a formula that is not defined on part of the domain where it is stated
    /// would otherwise compare equal there. Null proves nothing about a thin set of such points.
    /// </summary>
    public static WrittenGap? WhereNotDefinedAsWritten(Expr real, IReadOnlyList<Statement> conditions, SampleDomain? domain = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0) return null;
        domain ??= SampleDomain.Reals;
        foreach (var point in DomainSamples(FreeSymbols([real, .. conditions, .. domain.Conditions]), domain, seed))
        {
            var at = Constants(point);
            var failed = conditions.FirstOrDefault(c => !HoldsAt(c, at));
            if (failed is null) continue;
            if (RealValue(real, point.ToDictionary(kv => kv.Key, kv => kv.Value.ToDouble())) is not { } approx) continue;
            var value = TryExactExpr(real, point) is { } exact and not Statement ? exact.ToString() : $"about {approx.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}";
            return new WrittenGap(point, value, failed);
        }
        return null;
    }
}
