using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// Numeric value in double precision. Real semantics: a non-integer power of a negative number, log of a
    /// non-positive number and division by zero give NaN/∞ as IEEE does; an unbound symbol is an error.
    /// </summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> env)
    {
        var cache = new Dictionary<Expr, double>(ReferenceEqualityComparer.Instance);
        return V(e);

        double V(Expr u)
        {
            switch (u)
            {
                case Num n: return n.Value.ToDouble();
                case Sym s:
                    return env.TryGetValue(s.Name, out var val)
                        ? val
                        : throw new SymbolicException($"no value given for symbol '{s.Name}'");
            }
            if (cache.TryGetValue(u, out var hit)) return hit;
            double r;
            switch (u)
            {
                case Add a:
                    r = 0;
                    foreach (var t in a.Terms) r += V(t);
                    break;
                case Mul m:
                    r = 1;
                    foreach (var f in m.Factors) r *= V(f);
                    break;
                case Pow p:
                    r = RealPow(V(p.Base), p.Exponent is Num k ? k.Value : null, V(p.Exponent));
                    break;
                case Call c:
                    r = ApplyDouble(c.Function, V(c.Argument));
                    break;
                default:
                    throw new SymbolicException($"'{u}' is a statement; use Truth() to evaluate it");
            }
            cache[u] = r;
            return r;
        }
    }

    /// <summary>x^y over the reals; integer exponents of negative bases are exact, others NaN.</summary>
    public static double RealPow(double x, Rational? exactExponent, double y)
    {
        if (exactExponent is { IsInteger: true } k && x < 0)
        {
            var m = Math.Pow(-x, y);
            return k.Numerator.IsEven ? m : -m;
        }
        if (exactExponent is { } q && q == Rational.Half) return Math.Sqrt(x);
        return Math.Pow(x, y);
    }

    /// <summary>The built-in function <paramref name="f"/> at the double <paramref name="x"/>.</summary>
    public static double ApplyDouble(Func f, double x) => f switch
    {
        Func.Exp => Math.Exp(x),
        Func.Log => Math.Log(x),
        Func.Abs => Math.Abs(x),
        Func.Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
        Func.Sin => Math.Sin(x),
        Func.Cos => Math.Cos(x),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>
    /// Exact value: substitutes rationals and lets the canonical constructors fold. The result is a
    /// <see cref="Num"/> when the value is rational (e.g. <c>sqrt(9/4)</c> = 3/2), otherwise the partly
    /// evaluated expression (e.g. <c>sqrt(2)</c>).
    /// </summary>
    public static Expr EvaluateExact(Expr e, IReadOnlyDictionary<string, Rational> env) =>
        Substitute(e, env.ToDictionary(kv => (Expr)new Sym(kv.Key), kv => (Expr)Num.Of(kv.Value)));

    /// <summary>Truth value of a statement at a point (double precision).</summary>
    public static bool Truth(Expr statement, IReadOnlyDictionary<string, double> env) => statement switch
    {
        BoolConst b => b.Value,
        Rel r => Compare(r.Op, Evaluate(r.Left, env), Evaluate(r.Right, env)),
        Not n => !Truth(n.Operand, env),
        Logic { Op: LogicOp.And } l => l.Operands.All(o => Truth(o, env)),
        Logic { Op: LogicOp.Or } l => l.Operands.Any(o => Truth(o, env)),
        Implies i => !Truth(i.Premise, env) || Truth(i.Conclusion, env),
        _ => throw new SymbolicException($"'{statement}' is not a statement"),
    };

    /// <summary>
    /// Truth value of a statement at a point, or null when it depends on a relation with a side that is not a finite
    /// number there (0/0, a root of a negative, an overflow). Why not <see cref="Truth"/>: under IEEE every comparison
    /// with NaN is false but <c>!=</c> is true, so <c>det != 0</c> or <c>not (x &lt; 0)</c> would hold where the value is
    /// undefined. The connectives follow Kleene's three-valued logic, so a guard decides when it can:
    /// <c>x &lt; 0 or sqrt(x) = 1</c> is true at x = −4, <c>x &lt; 0 and sqrt(x) = 1</c> undefined, <c>x &gt; 0 implies
    /// sqrt(x) &gt; 1</c> true. (This is the function simulate predicates use; <c>expr eval</c> refuses an input that is
    /// undefined as written at the point before it gets here.)
    /// </summary>
    public static bool? DefinedTruth(Expr statement, IReadOnlyDictionary<string, double> env) => statement switch
    {
        BoolConst b => b.Value,
        Rel r => DefinedCompare(r.Op, Evaluate(r.Left, env), Evaluate(r.Right, env)),
        Not n => !DefinedTruth(n.Operand, env),
        Logic { Op: LogicOp.And } l => Kleene(l.Operands.Select(o => DefinedTruth(o, env)), dominant: false),
        Logic { Op: LogicOp.Or } l => Kleene(l.Operands.Select(o => DefinedTruth(o, env)), dominant: true),
        Implies i => Kleene([!DefinedTruth(i.Premise, env), DefinedTruth(i.Conclusion, env)], dominant: true),
        _ => throw new SymbolicException($"'{statement}' is not a statement"),
    };

    private static bool? DefinedCompare(RelOp op, double a, double b) =>
        double.IsFinite(a) && double.IsFinite(b) ? Compare(op, a, b) : null;

    /// <summary>An and (<paramref name="dominant"/> false) or an or (true): one dominant operand decides; else any unknown leaves it unknown.</summary>
    private static bool? Kleene(IEnumerable<bool?> operands, bool dominant)
    {
        bool unknown = false;
        foreach (var v in operands)
        {
            if (v == dominant) return dominant;
            if (v is null) unknown = true;
        }
        return unknown ? null : !dominant;
    }

    /// <summary><c>a op b</c> for doubles (IEEE: every comparison with NaN but != is false) or exact rationals.</summary>
    public static bool Compare<T>(RelOp op, T a, T b) where T : System.Numerics.IComparisonOperators<T, T, bool> => op switch
    {
        RelOp.Eq => a == b,
        RelOp.Ne => a != b,
        RelOp.Lt => a < b,
        RelOp.Le => a <= b,
        RelOp.Gt => a > b,
        RelOp.Ge => a >= b,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
