using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// The variables of a ring of expressions, shared by <see cref="PolyConversion"/> (polynomials) and
/// <see cref="RationalConversion"/> (rational functions). Sums, products, numbers and the ring's integer powers
/// (positive ones for polynomials, any sign for rational functions) are ring operations; every other node is a
/// generator: its arguments normalised by <paramref name="inner"/> (<see cref="Algebra.Expand"/> by default) and
/// raised to an integer power of the ring, cached per node.
/// </summary>
/// <param name="inner">normalises the arguments of generators (<see cref="Algebra.Expand"/> when null).</param>
/// <param name="signedPowers">whether negative integer powers are ring operations (rational functions).</param>
/// <param name="target">what is being built, for error messages ("a polynomial").</param>
internal sealed class Generators(Func<Expr, Expr>? inner, bool signedPowers, string target)
{
    private readonly Func<Expr, Expr> _inner = inner ?? Algebra.Expand;
    private readonly Dictionary<Expr, (Expr, int)> _rewrites = [];

    /// <summary>True for <c>b^k</c> with k an integer power that the ring computes exactly.</summary>
    public bool IsRingPower(Expr u, out Expr b, out Rational k)
    {
        if (u is Pow { Exponent: Num { Value: { IsInteger: true } n } } p && (signedPowers || n.Sign > 0))
        {
            b = p.Base;
            k = n;
            return true;
        }
        b = u;
        k = Rational.Zero;
        return false;
    }

    /// <summary>True for expressions that are variables of the ring (symbols and normalised generators).</summary>
    public bool IsAtom(Expr e) => e switch
    {
        Sym or Call => true,
        Pow => !IsRingPower(e, out _, out _),
        _ => false,
    };

    /// <summary>
    /// A generator node as a base and an integer exponent of the ring. Polynomials: <c>b^(-k)</c> →
    /// (<c>(b')^(-1)</c>, k), <c>b^(p/q)</c> → (<c>(b')^(±1/q)</c>, |p|). Rational functions: <c>b^(p/q)</c> →
    /// (<c>(b')^(1/q)</c>, p). Both: <c>b^e</c> → (<c>b'^e'</c>, 1), <c>f(a)</c> → (<c>f(a')</c>, 1), where ′ is the
    /// inner normalisation. The base is usually an atom; when the canonical constructors fold it into something
    /// else (a number, a product) it is converted as an expression.
    /// </summary>
    public (Expr Base, int Exponent) Rewrite(Expr u)
    {
        if (_rewrites.TryGetValue(u, out var hit)) return hit;
        (Expr, int) r;
        switch (u)
        {
            case Pow { Exponent: Num { Value: var k } } p:
            {
                if (BigInteger.Abs(k.Numerator) > int.MaxValue) throw new SymbolicLimitException($"power {k} is too large; refused");
                // Polynomials keep the exponent positive by putting the sign into the root.
                var root = signedPowers ? new Rational(1, k.Denominator) : new Rational(k.Sign, k.Denominator);
                r = (Expr.Pow(_inner(p.Base), Num.Of(root)), (int)(signedPowers ? k.Numerator : BigInteger.Abs(k.Numerator)));
                break;
            }
            case Pow p:
                r = (Expr.Pow(_inner(p.Base), _inner(p.Exponent)), 1);
                break;
            case Call c:
                r = (Expr.Apply(c.Function, _inner(c.Argument)), 1);
                break;
            default:
                throw new SymbolicException($"'{u}' cannot be converted to {target}");
        }
        _rewrites[u] = r;
        return r;
    }

    /// <summary>The variables (symbols and generators) of the expressions, in canonical order.</summary>
    public VariableOrder Collect(IEnumerable<Expr> expressions)
    {
        var atoms = new HashSet<Expr>();
        var seen = new HashSet<Expr>();
        var stack = new Stack<Expr>(expressions);
        // Symbols, numbers and products of them (the bulk of a long expanded sum) are taken in place: pushing
        // them and remembering each in 'seen' costs more than meeting a shared one twice.
        void Visit(Expr t)
        {
            switch (t)
            {
                case Sym: atoms.Add(t); return;
                case Num: return;
                case Mul m when IsProductOfSymbols(m):
                    foreach (var f in m.Span) if (f is Sym) atoms.Add(f);
                    return;
                default: stack.Push(t); return;
            }
        }
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (!seen.Add(u)) continue;
            switch (u)
            {
                case Num: break;
                case Sym: atoms.Add(u); break;
                case Add a: foreach (var t in a.Span) Visit(t); break;
                case Mul m: foreach (var f in m.Span) Visit(f); break;
                case Statement: throw new SymbolicException($"a statement cannot be converted to {target}");
                default:
                    if (IsRingPower(u, out var b, out _)) stack.Push(b);
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

    private static bool IsProductOfSymbols(Mul m)
    {
        foreach (var f in m.Span)
            if (f is not (Sym or Num)) return false;
        return true;
    }

    /// <summary>The index of a ring variable in <paramref name="vars"/>; a variable outside it is a caller error.</summary>
    public static int IndexOf(VariableOrder vars, Expr atom)
    {
        int i = vars.IndexOf(atom);
        if (i < 0) throw new ArgumentException($"'{atom}' is not among the variables {vars}");
        return i;
    }
}
