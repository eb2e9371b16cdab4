using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// Conversions between expressions and polynomials. Sums, products, rational numbers and positive integer
/// powers map to polynomial operations; every other subexpression becomes an opaque generator variable
/// after its own arguments are expanded: <c>sin(x+x)</c> → generator <c>sin(2*x)</c>, <c>(x+1)^-2</c> →
/// generator <c>(x+1)^-1</c> squared, <c>x^(3/2)</c> → generator <c>x^(1/2)</c> cubed. Generators are
/// treated as independent variables, which is sound for identities (an identity in independent variables
/// holds for any values) but not complete (it misses <c>sin²+cos² = 1</c>).
/// </summary>
public static class PolyConversion
{
    /// <summary>The variables (symbols, then generators) of the expressions, in canonical order.</summary>
    public static VariableOrder VariablesOf(params Expr[] expressions) => new Converter(null).Collect(expressions);

    /// <summary>The polynomial of an expression over its own variables.</summary>
    public static Poly ToPoly(Expr e)
    {
        var c = new Converter(null);
        return c.Convert(e, c.Collect([e]));
    }

    /// <summary>The polynomial of an expression over a given variable order (which must contain all its variables).</summary>
    public static Poly ToPoly(Expr e, VariableOrder variables) => new Converter(null).Convert(e, variables);

    /// <summary>Polynomials of several expressions over one shared variable order.</summary>
    public static Poly[] ToPolys(IReadOnlyList<Expr> expressions)
    {
        var c = new Converter(null);
        var vars = c.Collect(expressions);
        var result = new Poly[expressions.Count];
        for (int i = 0; i < result.Length; i++) result[i] = c.Convert(expressions[i], vars);
        return result;
    }

    /// <summary>The expression of a polynomial, built with the canonical constructors.</summary>
    public static Expr ToExpr(Poly p)
    {
        if (p.IsZero) return Expr.Zero;
        var terms = new Expr[p.Count];
        var factors = new List<Expr>();
        for (int i = 0; i < p.Count; i++)
        {
            factors.Clear();
            factors.Add(Num.Of(p.Coefficient(i)));
            var m = p.Monomial(i);
            for (int v = 0; v < p.Variables.Count; v++)
            {
                int e = p.Layout.Get(m, v);
                if (e != 0) factors.Add(e == 1 ? p.Variables[v] : Expr.Pow(p.Variables[v], Num.Of(e)));
            }
            terms[i] = factors.Count == 2 && p.Coefficient(i).IsOne ? factors[1] : Expr.Mul(factors);
        }
        return terms.Length == 1 ? terms[0] : Expr.Add(terms);
    }

    /// <summary>
    /// Walks expressions with one generator normalisation (<paramref name="inner"/> is applied to the
    /// arguments of generators; <see cref="Algebra.Expand"/> by default), caching per node.
    /// </summary>
    internal sealed class Converter(Func<Expr, Expr>? inner)
    {
        private readonly Generators _generators = new(inner, signedPowers: false, "a polynomial");

        public VariableOrder Collect(IEnumerable<Expr> expressions) => _generators.Collect(expressions);

        public Poly Convert(Expr e, VariableOrder vars)
        {
            var cache = new Dictionary<Expr, Poly>();
            return P(e);

            Poly P(Expr u)
            {
                switch (u)
                {
                    case Num n: return Poly.Constant(vars, n.Value);
                    case Sym: return Variable(u);
                }
                if (cache.TryGetValue(u, out var hit)) return hit;
                Poly r;
                switch (u)
                {
                    case Add a:
                    {
                        // Terms that are monomials (the bulk of a long expanded sum) go into the table as packed
                        // keys directly: no polynomial, no cache entry and no hashing of the term's tree for each.
                        var terms = a.Span;
                        var parts = new Poly?[terms.Length];
                        int bits = MonomialLayout.NarrowBits, total = 0;
                        for (int i = 0; i < parts.Length; i++)
                        {
                            if (MonomialBits(terms[i], out int termBits))
                            {
                                bits = Math.Max(bits, termBits);
                                total++;
                                continue;
                            }
                            var q = P(terms[i]);
                            parts[i] = q;
                            bits = Math.Max(bits, q.Bits);
                            total += q.Count;
                        }
                        var layout = vars.Layout(bits);
                        var acc = new MonomialAccumulator(layout, total);
                        var key = new ulong[layout.Words];
                        for (int i = 0; i < parts.Length; i++)
                        {
                            if (parts[i] is { } q) acc.AddPoly(q.WithBits(bits), Rational.One);
                            else acc.Add(key, WriteMonomial(terms[i], vars, layout, key));
                        }
                        r = acc.ToPoly(vars);
                        break;
                    }
                    case Mul m when MonomialBits(m, out int monomialBits):
                    {
                        var layout = vars.Layout(monomialBits);
                        var key = new ulong[layout.Words];
                        var c = WriteMonomial(m, vars, layout, key);
                        return c.IsZero ? Poly.Zero(vars) : new Poly(vars, monomialBits, key, [c]);
                    }
                    case Mul m:
                        r = P(m.Factors[0]);
                        for (int i = 1; i < m.Factors.Count; i++) r = Poly.Multiply(r, P(m.Factors[i]));
                        break;
                    default:
                        if (_generators.IsRingPower(u, out var b, out var k))
                        {
                            if (k.Numerator > int.MaxValue)
                                throw new SymbolicLimitException($"power {k} is too large to expand; refused");
                            r = P(b).Pow((int)k.Numerator);
                        }
                        else
                        {
                            var (g, n) = _generators.Rewrite(u);
                            r = (_generators.IsAtom(g) ? Variable(g) : P(g)).Pow(n);
                        }
                        break;
                }
                cache[u] = r;
                return r;
            }

            Poly Variable(Expr atom) => Poly.Variable(vars, Generators.IndexOf(vars, atom));
        }

        /// <summary>Largest product handled as one monomial; longer ones take the general path.</summary>
        private const int MaxMonomialFactors = 16;

        /// <summary>
        /// True when <paramref name="e"/> is a monomial <c>c·x1^k1·…·xn^kn</c>: a symbol, or a product of an optional
        /// rational coefficient and distinct symbols raised to positive integer powers that fit the packing;
        /// <paramref name="bits"/> is then the packing its largest exponent needs. Anything else (a sum inside, a
        /// function, a repeated base) is left to the general conversion.
        /// </summary>
        private static bool MonomialBits(Expr e, out int bits)
        {
            bits = MonomialLayout.NarrowBits;
            if (e is Sym) return true;
            if (e is not Mul m) return false;
            var f = m.Span;
            int start = f[0] is Num ? 1 : 0;
            if (f.Length - start > MaxMonomialFactors || f.Length - start == 0) return false;
            int largest = 1;
            for (int i = start; i < f.Length; i++)
            {
                var b = f[i];
                if (b is Pow { Base: Sym s, Exponent: Num { Value: var k } })
                {
                    if (!k.IsInteger || k.Sign <= 0 || k > WidestExponent) return false;
                    largest = Math.Max(largest, (int)k.Numerator);
                    b = s;
                }
                else if (b is not Sym) return false;
                for (int j = start; j < i; j++)
                    if (BaseOf(f[j]).Equals(b)) return false;
            }
            bits = MonomialLayout.BitsFor(largest);
            return true;
        }

        private static readonly Rational WidestExponent = new((1 << (MonomialLayout.WideBits - 1)) - 1);

        private static Expr BaseOf(Expr factor) => factor is Pow p ? p.Base : factor;

        /// <summary>Writes the exponents of a monomial accepted by <see cref="MonomialBits"/> into <paramref name="key"/>; returns its coefficient.</summary>
        private static Rational WriteMonomial(Expr e, VariableOrder vars, MonomialLayout layout, ulong[] key)
        {
            Array.Clear(key);
            if (e is Sym)
            {
                layout.Set(key, Generators.IndexOf(vars, e), 1);
                return Rational.One;
            }
            var f = ((Mul)e).Span;
            var c = Rational.One;
            foreach (var factor in f)
            {
                switch (factor)
                {
                    case Num n:
                        c = n.Value;
                        break;
                    case Pow p:
                        layout.Set(key, Generators.IndexOf(vars, p.Base), (int)((Num)p.Exponent).Value.Numerator);
                        break;
                    default:
                        layout.Set(key, Generators.IndexOf(vars, factor), 1);
                        break;
                }
            }
            return c;
        }
    }
}
