using System.Linq.Expressions;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using LinqExpr = System.Linq.Expressions.Expression;

namespace ImplicitReg.Numerics.Compilation;

/// <summary>
/// Evaluates a list of compiled expressions at one point: reads time <paramref name="t"/>, the state and the
/// parameters, and writes output k into <c>output[k]</c>. Allocation-free.
/// </summary>
public delegate void CompiledEvaluator(double t, double[] state, double[] parameters, double[] output);

/// <summary>
/// Compiles kernel expressions to IL through System.Linq.Expressions. Subexpressions that occur more than once
/// across all outputs (derived gradient flows repeat the same layer products in every equation) are
/// computed once into locals; sums and products are combined as balanced trees (shallow IL, better rounding).
/// The numeric semantics are those of <see cref="Algebra.Evaluate"/>: real powers give NaN for negative bases
/// with non-integer exponents, <c>sign(NaN)</c> is NaN.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Most shared subexpressions kept in locals (the IL limit is 65,535 locals).</summary>
    public const int MaxLocals = 60_000;

    /// <summary>Compiles <paramref name="outputs"/> into one evaluator reading its symbols through <paramref name="layout"/>; shared subexpressions are computed once.</summary>
    public static CompiledEvaluator Compile(IReadOnlyList<Expr> outputs, SymbolLayout layout)
    {
        var t = LinqExpr.Parameter(typeof(double), "t");
        var y = LinqExpr.Parameter(typeof(double[]), "y");
        var p = LinqExpr.Parameter(typeof(double[]), "p");
        var output = LinqExpr.Parameter(typeof(double[]), "output");
        var builder = new Builder(layout, t, y, p, outputs);
        var statements = new List<LinqExpr>();
        for (int k = 0; k < outputs.Count; k++)
        {
            var value = builder.Build(outputs[k], statements);
            statements.Add(LinqExpr.Assign(LinqExpr.ArrayAccess(output, LinqExpr.Constant(k)), value));
        }
        statements.Add(LinqExpr.Empty());
        var body = LinqExpr.Block(builder.Locals, statements);
        return LinqExpr.Lambda<CompiledEvaluator>(body, "compiled", [t, y, p, output]).Compile();
    }

    private sealed class Builder
    {
        private static readonly System.Reflection.MethodInfo PowMethod = typeof(Math).GetMethod(nameof(Math.Pow))!;
        private static readonly System.Reflection.MethodInfo SqrtMethod = typeof(Math).GetMethod(nameof(Math.Sqrt))!;
        private static readonly System.Reflection.MethodInfo CbrtMethod = typeof(Math).GetMethod(nameof(Math.Cbrt))!;
        private static readonly System.Reflection.MethodInfo SignMethod = typeof(Builder).GetMethod(nameof(SignOf))!;

        private readonly SymbolLayout _layout;
        private readonly ParameterExpression _t;
        private readonly ParameterExpression _y;
        private readonly ParameterExpression _p;
        private readonly HashSet<Expr> _shared;
        private readonly Dictionary<Expr, ParameterExpression> _assigned = new();

        public Builder(SymbolLayout layout, ParameterExpression t, ParameterExpression y, ParameterExpression p, IReadOnlyList<Expr> outputs)
        {
            _layout = layout;
            _t = t;
            _y = y;
            _p = p;
            _shared = FindShared(outputs);
        }

        public List<ParameterExpression> Locals { get; } = [];

        /// <summary>Composite nodes reached more than once (counting each distinct node's children once).</summary>
        private static HashSet<Expr> FindShared(IReadOnlyList<Expr> outputs)
        {
            var seen = new HashSet<Expr>();
            var shared = new HashSet<Expr>();
            var stack = new Stack<Expr>(outputs);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (e is Num or Sym) continue;
                if (!seen.Add(e))
                {
                    shared.Add(e);
                    continue;
                }
                foreach (var c in e.Children) stack.Push(c);
            }
            return shared;
        }

        public LinqExpr Build(Expr e, List<LinqExpr> statements)
        {
            if (_assigned.TryGetValue(e, out var local)) return local;
            var value = BuildNode(e, statements);
            if (!_shared.Contains(e) || Locals.Count >= MaxLocals) return value;
            local = LinqExpr.Variable(typeof(double));
            Locals.Add(local);
            _assigned[e] = local;
            statements.Add(LinqExpr.Assign(local, value));
            return local;
        }

        private LinqExpr BuildNode(Expr e, List<LinqExpr> statements)
        {
            switch (e)
            {
                case Num n:
                    return LinqExpr.Constant(n.Value.ToDouble());
                case Sym s:
                    if (!_layout.TryResolve(s, out var source, out var index))
                        throw new CompilationException($"no value for symbol '{s.Name}': it is neither the time, a state variable nor a parameter");
                    return source switch
                    {
                        SymbolSource.Time => _t,
                        SymbolSource.State => LinqExpr.ArrayIndex(_y, LinqExpr.Constant(index)),
                        _ => LinqExpr.ArrayIndex(_p, LinqExpr.Constant(index)),
                    };
                case Add a:
                    return Balanced(a.Terms.Select(u => Build(u, statements)).ToList(), LinqExpr.Add);   // Σ terms
                case Mul m:
                {
                    var (c, rest) = Expr.SplitCoefficient(m);
                    var factors = (rest is Mul rm ? rm.Factors : [rest]).Select(u => Build(u, statements)).ToList();
                    var product = Balanced(factors, LinqExpr.Multiply);                                     // Π factors
                    if (c.IsOne) return product;
                    if (c == Rational.MinusOne) return LinqExpr.Negate(product);
                    return LinqExpr.Multiply(LinqExpr.Constant(c.ToDouble()), product);
                }
                case Pow pw:
                    return Power(Build(pw.Base, statements), pw.Exponent, statements);
                case Call call:
                {
                    var x = Build(call.Argument, statements);
                    return call.Function switch
                    {
                        Func.Exp => CallMath(nameof(Math.Exp), x),
                        Func.Log => CallMath(nameof(Math.Log), x),
                        Func.Abs => CallMath(nameof(Math.Abs), x),
                        Func.Sin => CallMath(nameof(Math.Sin), x),
                        Func.Cos => CallMath(nameof(Math.Cos), x),
                        Func.Sign => LinqExpr.Call(SignMethod, x),
                        _ => throw new CompilationException($"no compiled form for {call.Function}"),
                    };
                }
                default:
                    throw new CompilationException($"'{e}' is a statement (relation or logic), not a number");
            }
        }

        private LinqExpr Power(LinqExpr b, Expr exponent, List<LinqExpr> statements)
        {
            if (exponent is not Num { Value: var k })
                return LinqExpr.Call(PowMethod, b, Build(exponent, statements));   // b^e = exp(e·log b) for b > 0
            if (k == Rational.Half) return LinqExpr.Call(SqrtMethod, b);           // √b (NaN for b < 0)
            if (k == new Rational(-1, 2)) return LinqExpr.Divide(LinqExpr.Constant(1.0), LinqExpr.Call(SqrtMethod, b));
            if (k.IsInteger && System.Numerics.BigInteger.Abs(k.Numerator) <= 16)
            {
                // Small integer powers by repeated squaring: exact sign for negative bases, no Math.Pow call.
                int n = (int)k.Numerator;
                var power = IntegerPower(b, Math.Abs(n), statements);
                return n < 0 ? LinqExpr.Divide(LinqExpr.Constant(1.0), power) : power;
            }
            if ((k.Denominator == 2 || k.Denominator == 3) && System.Numerics.BigInteger.Abs(k.Numerator) <= 16)
            {
                // b^(p/2) = (√b)^p and b^(p/3) = (∛b)^p: a root and a few products instead of Math.Pow (the σ-equation
                // of M4 is full of (σ²)^(1−1/N)). Real semantics kept: NaN for b < 0, as Math.Pow gives.
                var root = b is ParameterExpression ? b : Local(b, statements);
                var r = k.Denominator == 2 ? LinqExpr.Call(SqrtMethod, root) : (LinqExpr)LinqExpr.Call(CbrtMethod, root);
                int p = (int)k.Numerator;
                var power = IntegerPower(Local(r, statements), Math.Abs(p), statements);
                if (p < 0) power = LinqExpr.Divide(LinqExpr.Constant(1.0), power);
                return k.Denominator == 2
                    ? power
                    : LinqExpr.Condition(LinqExpr.LessThan(root, LinqExpr.Constant(0.0)), LinqExpr.Constant(double.NaN), power);
            }
            return LinqExpr.Call(PowMethod, b, LinqExpr.Constant(k.ToDouble()));    // Math.Pow: NaN for b < 0, non-integer k
        }

        private ParameterExpression Local(LinqExpr value, List<LinqExpr> statements)
        {
            if (value is ParameterExpression p) return p;
            var local = LinqExpr.Variable(typeof(double));
            Locals.Add(local);
            statements.Add(LinqExpr.Assign(local, value));
            return local;
        }

        private LinqExpr IntegerPower(LinqExpr b, int n, List<LinqExpr> statements)
        {
            if (n == 1) return b;
            // Square-and-multiply needs b several times: keep it in a local unless it already is one or a read.
            if (b is not ParameterExpression && b is not BinaryExpression { NodeType: ExpressionType.ArrayIndex })
            {
                var local = LinqExpr.Variable(typeof(double));
                Locals.Add(local);
                statements.Add(LinqExpr.Assign(local, b));
                b = local;
            }
            LinqExpr? result = null;
            var square = b;
            while (true)
            {
                if ((n & 1) != 0) result = result is null ? square : LinqExpr.Multiply(result, square);
                n >>= 1;
                if (n == 0) break;
                var next = LinqExpr.Variable(typeof(double));
                Locals.Add(next);
                statements.Add(LinqExpr.Assign(next, LinqExpr.Multiply(square, square)));
                square = next;
            }
            return result!;
        }

        private static LinqExpr CallMath(string name, LinqExpr x) =>
            LinqExpr.Call(typeof(Math).GetMethod(name, [typeof(double)])!, x);

        private static LinqExpr Balanced(List<LinqExpr> items, Func<LinqExpr, LinqExpr, BinaryExpression> combine)
        {
            // Pairwise combination: depth log₂(n) instead of n, so huge sums neither overflow the expression
            // compiler's recursion nor accumulate rounding linearly.
            while (items.Count > 1)
            {
                var next = new List<LinqExpr>((items.Count + 1) / 2);
                for (int i = 0; i + 1 < items.Count; i += 2) next.Add(combine(items[i], items[i + 1]));
                if (items.Count % 2 == 1) next.Add(items[^1]);
                items = next;
            }
            return items[0];
        }

        /// <summary>sign(x) as a double, NaN for NaN (Math.Sign would throw).</summary>
        public static double SignOf(double x) => double.IsNaN(x) ? double.NaN : Math.Sign(x);
    }
}
