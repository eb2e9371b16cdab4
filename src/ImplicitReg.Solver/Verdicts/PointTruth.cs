using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>The truth of a statement at a point, as far as exact and interval arithmetic can tell.</summary>
public enum Truth
{
    /// <summary>The statement is false at the point.</summary>
    False,
    /// <summary>The statement is true at the point.</summary>
    True,
    /// <summary>The intervals were too wide to decide a comparison.</summary>
    Undecided,
    /// <summary>A term is undefined at the point (a root of a negative number, a zero denominator).</summary>
    Undefined,
}

/// <summary>
/// Evaluates a kernel statement at a point given by exact rationals or isolating intervals, independently
/// of any solver: rational points are decided exactly; at algebraic points a comparison is decided when the
/// intervals separate, and two sides whose intervals overlap within <see cref="EqualityTolerance"/> count as
/// equal (recorded in <see cref="Approximate"/>).
/// </summary>
public sealed class PointTruth
{
    /// <summary>Intervals this close are taken as equal values: far below any decimal Z3 isolates at 60 digits.</summary>
    public static readonly Rational EqualityTolerance = new(BigInteger.One, BigInteger.Pow(10, 30));

    private readonly IReadOnlyDictionary<string, Interval> _env;
    private readonly Dictionary<Expr, Val> _cache = new();

    /// <summary>An interval, or why there is none: undefined at the point, or not decidable at this precision.</summary>
    private readonly record struct Val(Interval? I, bool Undefined)
    {
        public static readonly Val Undef = new(null, true);
        public static readonly Val Unsure = new(null, false);

        public static implicit operator Val(Interval i) => new(i, false);
    }

    private PointTruth(IReadOnlyDictionary<string, Interval> env) => _env = env;

    /// <summary>True when some comparison was decided by the tolerance rather than exactly.</summary>
    public bool Approximate { get; private set; }

    /// <summary>Evaluates <paramref name="statement"/> at the point.</summary>
    public static (Truth Truth, bool Approximate) Evaluate(Expr statement, IReadOnlyDictionary<string, ModelValue> point)
    {
        var env = point.ToDictionary(kv => kv.Key, kv => new Interval(kv.Value.Lower, kv.Value.Upper), StringComparer.Ordinal);
        var t = new PointTruth(env);
        return (t.Statement(statement), t.Approximate);
    }

    /// <summary>The value of an expression at the point, as a model value (exact when it is rational).</summary>
    public static ModelValue? Value(Expr e, IReadOnlyDictionary<string, ModelValue> point)
    {
        var env = point.ToDictionary(kv => kv.Key, kv => new Interval(kv.Value.Lower, kv.Value.Upper), StringComparer.Ordinal);
        if (new PointTruth(env).Term(e).I is not { } v) return null;
        return ModelValue.Enclosed(v.Lo, v.Hi);
    }

    private Truth Statement(Expr s) => s switch
    {
        BoolConst b => b.Value ? Truth.True : Truth.False,
        Rel r => Relation(r),
        Not n => Statement(n.Operand) switch
        {
            Truth.True => Truth.False,
            Truth.False => Truth.True,
            var other => other,
        },
        Logic { Op: LogicOp.And } l => Combine(l.Operands.Select(Statement), Truth.False),
        Logic l => Combine(l.Operands.Select(Statement), Truth.True),
        Implies i => Combine([Negate(Statement(i.Premise)), Statement(i.Conclusion)], Truth.True),
        _ => throw new ArgumentException($"'{s}' is not a statement", nameof(s)),
    };

    private static Truth Negate(Truth t) => t switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => t };

    /// <summary>
    /// Undefined first, then the absorbing value, then undecided. A statement means "true wherever ALL its
    /// terms are defined", so a point where any term is undefined is never a counterexample, even when another
    /// operand would decide the connective (Kleene logic would call <c>not (x^2 = 2 or 1/(x^2 - 2) &lt; 0)</c>
    /// false at x = sqrt(2) and confirm a fake counterexample).
    /// </summary>
    private static Truth Combine(IEnumerable<Truth> values, Truth absorbing)
    {
        var list = values.ToList();
        if (list.Contains(Truth.Undefined)) return Truth.Undefined;
        if (list.Contains(absorbing)) return absorbing;
        if (list.Contains(Truth.Undecided)) return Truth.Undecided;
        return absorbing == Truth.True ? Truth.False : Truth.True;
    }

    private Truth Relation(Rel r)
    {
        var left = Term(r.Left);
        var right = Term(r.Right);
        if (left.Undefined || right.Undefined) return Truth.Undefined;
        if (left.I is not { } a || right.I is not { } b) return Truth.Undecided;
        var d = a + -b;
        int sign;
        if (d.Lo.Sign > 0) sign = 1;
        else if (d.Hi.Sign < 0) sign = -1;
        else if (d.IsPoint) sign = 0;
        else if (d.Width <= EqualityTolerance)
        {
            sign = 0;
            Approximate = true;
        }
        else return Truth.Undecided;
        var holds = r.Op switch
        {
            RelOp.Eq => sign == 0,
            RelOp.Ne => sign != 0,
            RelOp.Lt => sign < 0,
            RelOp.Le => sign <= 0,
            RelOp.Gt => sign > 0,
            RelOp.Ge => sign >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
        return holds ? Truth.True : Truth.False;
    }

    /// <summary>The interval of a term, or why there is none.</summary>
    private Val Term(Expr e)
    {
        switch (e)
        {
            case Num n: return Interval.Point(n.Value);
            case Sym s:
                return _env.TryGetValue(s.Name, out var v)
                    ? v
                    : throw new ArgumentException($"the point gives no value for '{s.Name}'", nameof(e));
        }
        if (_cache.TryGetValue(e, out var hit)) return hit;
        var result = Compute(e);
        _cache[e] = result;
        return result;
    }

    private Val Compute(Expr e)
    {
        switch (e)
        {
            case Add or Mul:
            {
                var isSum = e is Add;
                var acc = Interval.Point(isSum ? Rational.Zero : Rational.One);
                var unsure = false;
                foreach (var t in e.Children)
                {
                    var v = Term(t);
                    if (v.Undefined) return Val.Undef;
                    if (v.I is not { } x) unsure = true;
                    else acc = isSum ? acc + x : acc * x;
                }
                return unsure ? Val.Unsure : acc;
            }
            case Pow { Exponent: Num { Value: var k } } p:
            {
                var bv = Term(p.Base);
                if (bv.I is not { } b) return bv;
                var n = (int)BigInteger.Abs(k.Numerator);
                Interval magnitude;
                if (k.IsInteger) magnitude = b.Power(n);
                else
                {
                    if (b.Hi.Sign < 0) return Val.Undef;                                   // a root of a negative number
                    if (b.Lo.Sign < 0 && b.Width > EqualityTolerance) return Val.Unsure;   // may be negative
                    var clipped = b.Lo.Sign < 0 ? new Interval(Rational.Zero, b.Hi) : b;
                    magnitude = clipped.Power(n).Root((int)k.Denominator);
                }
                if (k.Sign > 0) return magnitude;
                if (magnitude is { IsPoint: true, Lo.IsZero: true }) return Val.Undef;   // division by zero
                if (magnitude.Lo.Sign <= 0 && magnitude.Hi.Sign >= 0 && magnitude.Width <= EqualityTolerance)
                {
                    Approximate = true; // zero to 30 digits, as equalities are decided: a division by zero
                    return Val.Undef;
                }
                return magnitude.Reciprocal() is { } inverse ? inverse : Val.Unsure;
            }
            case Call { Function: Func.Abs } c:
            {
                var v = Term(c.Argument);
                return v.I is { } x ? x.Abs() : v;
            }
            case Call { Function: Func.Sign } c:
            {
                var v = Term(c.Argument);
                if (v.I is not { } x) return v;
                if (x.Lo.Sign > 0) return Interval.Point(Rational.One);
                if (x.Hi.Sign < 0) return Interval.Point(Rational.MinusOne);
                if (x.IsPoint) return Interval.Point(Rational.Zero);
                return new Interval(Rational.MinusOne, Rational.One);
            }
            default:
                // exp, log, sin, cos and symbolic exponents never reach a solver (the lowering refuses them).
                throw new ArgumentException($"cannot evaluate '{e}' exactly at a point", nameof(e));
        }
    }
}
