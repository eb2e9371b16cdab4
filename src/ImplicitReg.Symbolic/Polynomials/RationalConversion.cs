using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// Expressions as rational functions (<see cref="RationalForm"/>) in symbols and opaque generators. Integer
/// powers of any sign are exact operations; <c>b^(p/q)</c> becomes the generator <c>(b')^(1/q)</c> raised to
/// the integer p (so <c>x^(3/2)·x^(-1/2) = x</c> is seen), and functions and symbolic powers are generators
/// with normalised arguments (′ = <paramref name="inner"/>, <see cref="Algebra.Expand"/> by default).
/// </summary>
public static class RationalConversion
{
    /// <summary>Rational functions of several expressions over one shared variable order.</summary>
    public static RationalForm[] ToRationalForms(IReadOnlyList<Expr> expressions, Func<Expr, Expr>? inner = null)
    {
        var c = new Converter(inner);
        var vars = c.Collect(expressions);
        var result = new RationalForm[expressions.Count];
        for (int i = 0; i < result.Length; i++) result[i] = c.Convert(expressions[i], vars);
        return result;
    }

    public static RationalForm ToRationalForm(Expr e, Func<Expr, Expr>? inner = null) => ToRationalForms([e], inner)[0];

    internal sealed class Converter(Func<Expr, Expr>? inner)
    {
        private readonly Func<Expr, Expr> _inner = inner ?? Algebra.Expand;
        private readonly Dictionary<Expr, (Expr, int)> _rewrites = [];

        private static bool IsAtom(Expr e) => e switch
        {
            Sym or Call => true,
            Pow { Exponent: Num { Value.IsInteger: true } } => false,
            Pow => true,
            _ => false,
        };

        /// <summary>A generator node as (base, integer exponent): <c>b^(p/q)</c> → (<c>(b')^(1/q)</c>, p).</summary>
        private (Expr Base, int Exponent) Rewrite(Expr u)
        {
            if (_rewrites.TryGetValue(u, out var hit)) return hit;
            (Expr, int) r = u switch
            {
                Pow { Exponent: Num { Value: var k } } p =>
                    BigInteger.Abs(k.Numerator) > int.MaxValue
                        ? throw new SymbolicLimitException($"power {k} is too large; refused")
                        : (Expr.Pow(_inner(p.Base), Num.Of(new Rational(1, k.Denominator))), (int)k.Numerator),
                Pow p => (Expr.Pow(_inner(p.Base), _inner(p.Exponent)), 1),
                Call c => (Expr.Apply(c.Function, _inner(c.Argument)), 1),
                _ => throw new SymbolicException($"'{u}' cannot be converted to a rational function"),
            };
            _rewrites[u] = r;
            return r;
        }

        private static bool IsIntegerPower(Expr u, out Expr b, out Rational k)
        {
            if (u is Pow { Exponent: Num { Value.IsInteger: true } n } p)
            {
                b = p.Base;
                k = n.Value;
                return true;
            }
            b = u;
            k = Rational.Zero;
            return false;
        }

        public VariableOrder Collect(IEnumerable<Expr> expressions)
        {
            var atoms = new HashSet<Expr>();
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>(expressions);
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                if (!seen.Add(u)) continue;
                switch (u)
                {
                    case Num: break;
                    case Sym: atoms.Add(u); break;
                    case Add a: foreach (var t in a.Terms) stack.Push(t); break;
                    case Mul m: foreach (var f in m.Factors) stack.Push(f); break;
                    case Statement: throw new SymbolicException("a statement cannot be converted to a rational function");
                    default:
                        if (IsIntegerPower(u, out var b, out _)) stack.Push(b);
                        else
                        {
                            var (g, _) = Rewrite(u);
                            if (IsAtom(g)) atoms.Add(g);
                            else stack.Push(g);
                        }
                        break;
                }
            }
            return VariableOrder.Canonical(atoms);
        }

        public RationalForm Convert(Expr e, VariableOrder vars)
        {
            var cache = new Dictionary<Expr, RationalForm>();
            return R(e);

            RationalForm R(Expr u)
            {
                switch (u)
                {
                    case Num n: return RationalForm.FromPoly(Poly.Constant(vars, n.Value));
                    case Sym: return Variable(u);
                }
                if (cache.TryGetValue(u, out var hit)) return hit;
                RationalForm r;
                switch (u)
                {
                    case Add a:
                        r = R(a.Terms[0]);
                        for (int i = 1; i < a.Terms.Count; i++) r += R(a.Terms[i]);
                        break;
                    case Mul m:
                        r = R(m.Factors[0]);
                        for (int i = 1; i < m.Factors.Count; i++) r *= R(m.Factors[i]);
                        break;
                    default:
                        if (IsIntegerPower(u, out var b, out var k))
                        {
                            if (BigInteger.Abs(k.Numerator) > int.MaxValue)
                                throw new SymbolicLimitException($"power {k} is too large; refused");
                            r = R(b).Pow((int)k.Numerator);
                        }
                        else
                        {
                            var (g, n) = Rewrite(u);
                            r = (IsAtom(g) ? Variable(g) : R(g)).Pow(n);
                        }
                        break;
                }
                cache[u] = r;
                return r;
            }

            RationalForm Variable(Expr atom)
            {
                int i = vars.IndexOf(atom);
                if (i < 0) throw new ArgumentException($"'{atom}' is not among the variables {vars}");
                return RationalForm.FromPoly(Poly.Variable(vars, i));
            }
        }
    }
}
