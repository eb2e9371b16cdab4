using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

/// <summary>
/// Where <see cref="Algebra.Equal(Core.Expr, Core.Expr, int?, SampleDomain?)"/> draws the random points of a witness
/// search or a numeric comparison, symbol by symbol: anywhere on the reals (the default), positive rationals only, or
/// integers in a range. A statement made for a depth N ≥ 1 and a singular value σ > 0 must be judged there: a
/// difference found at N = −5 refutes an identity nobody claimed. Conditions on several symbols (a closed form's right
/// side <c>s0 + I &gt; 0</c>) restrict the points too: a point where one fails is drawn again. Immutable; each
/// <c>With…</c> returns a new domain.
/// </summary>
public sealed class SampleDomain
{
    private readonly Dictionary<string, (int Min, int Max)> _integers;
    private readonly HashSet<string> _positive;
    private readonly Statement[] _conditions;

    private SampleDomain(Dictionary<string, (int, int)> integers, HashSet<string> positive, Statement[] conditions)
    {
        _integers = integers;
        _positive = positive;
        _conditions = conditions;
    }

    /// <summary>Every symbol real: the default.</summary>
    public static SampleDomain Reals { get; } = new([], [], []);

    /// <summary>This domain with <paramref name="names"/> restricted to positive rationals.</summary>
    public SampleDomain WithPositive(params string[] names) =>
        new(new(_integers), [.. _positive, .. names], _conditions);

    /// <summary>
    /// This domain restricted to the points where <paramref name="condition"/> holds (<see cref="Algebra.HoldsAt(Statement, IReadOnlyDictionary{string, Rational})"/>),
    /// e.g. <c>s0*exp(I) &gt; 0</c>: points are drawn as before and those where it fails are drawn again. Its symbols
    /// are given a value in every point drawn, so a witness shows that it holds there.
    /// </summary>
    public SampleDomain WithCondition(Statement condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(new(_integers), new(_positive), [.. _conditions, condition]);
    }

    /// <summary>The conditions of <see cref="WithCondition"/>, in the order given.</summary>
    public IReadOnlyList<Statement> Conditions => _conditions;

    /// <summary>This domain with <paramref name="name"/> restricted to the integers <paramref name="min"/> … <paramref name="max"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">an empty range.</exception>
    public SampleDomain WithIntegers(string name, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        var integers = new Dictionary<string, (int, int)>(_integers) { [name] = (min, max) };
        return new(integers, new(_positive), _conditions);
    }

    /// <summary>True when no symbol is restricted.</summary>
    public bool IsReals => _integers.Count == 0 && _positive.Count == 0 && _conditions.Length == 0;

    /// <summary>Whether every condition of <see cref="WithCondition"/> holds at <paramref name="point"/>.</summary>
    internal bool Admits(IReadOnlyDictionary<string, Rational> point)
    {
        var at = Algebra.Constants(point);
        return _conditions.All(c => Algebra.HoldsAt(c, at));
    }

    /// <summary>
    /// A random value of <paramref name="name"/> in this domain: an integer of its range, else p/q with q ≤ 6 and
    /// 1 ≤ p ≤ 24 (positive, or when <paramref name="positive"/> asks for it) or |p| ≤ 24.
    /// </summary>
    internal Rational Draw(string name, Random random, bool positive)
    {
        if (_integers.TryGetValue(name, out var range)) return new Rational(random.Next(range.Min, range.Max + 1), 1);
        int p = positive || _positive.Contains(name) ? random.Next(1, 25) : random.Next(-24, 25);
        return new Rational(p, random.Next(1, 7));
    }

    /// <summary>The restrictions as a reader sees them, e.g. "N in 1..12, sigma > 0, I + s0 > 0" (empty for <see cref="Reals"/>).</summary>
    public override string ToString() => string.Join(", ",
        _integers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} in {kv.Value.Min}..{kv.Value.Max}")
            .Concat(_positive.Order(StringComparer.Ordinal).Select(n => $"{n} > 0"))
            .Concat(_conditions.Select(c => c.ToString())));
}
