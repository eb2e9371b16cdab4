using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Translation;

/// <summary>
/// Rewrites an obligation into polynomial/rational real arithmetic, soundly:
/// <list type="bullet">
/// <item><c>x^(p/q)</c> (e.g. <c>sqrt(e)</c>) becomes a fresh <c>r</c> with <c>r ≥ 0</c>, <c>r^q = x^|p|</c>, on the domain <c>x ≥ 0</c>;</item>
/// <item><c>abs(e)</c> a fresh <c>a ≥ 0</c> with <c>a = e ∨ a = −e</c>; <c>sign(e)</c> a fresh <c>t</c> fixed by the sign of <c>e</c>;</item>
/// <item>a negative power (division) adds the domain condition <c>denominator ≠ 0</c>;</item>
/// <item><c>exp</c>, <c>log</c>, <c>sin</c>, <c>cos</c> and symbolic exponents are refused (<see cref="UntranslatableException"/>).</item>
/// </list>
/// Each definition has exactly one solution for each point of the domain, so the lowered negation is
/// satisfiable exactly when the original statement fails at some point where it is defined. Equal subterms
/// share one fresh variable.
/// </summary>
public sealed class Lowering
{
    private readonly Dictionary<Expr, Expr> _memo = new();
    private readonly Dictionary<(int Q, Expr Radicand), Sym> _roots = new();
    private readonly List<AuxiliaryVariable> _auxiliaries = [];
    private readonly List<Statement> _domain = [];
    private readonly HashSet<Statement> _domainSeen = [];
    private readonly List<Statement> _definitions = [];
    private readonly List<Statement> _domainStated = [];
    private int _counter;

    private Lowering() { }

    /// <summary><paramref name="obligation"/> lowered to polynomial real arithmetic with auxiliary variables for roots, quotients and absolute values.</summary>
    public static LoweredProblem Apply(Obligation obligation)
    {
        var l = new Lowering();
        var assumptions = obligation.Assumptions.Select(a => (Statement)l.Lower(a)).ToList();
        var goal = (Statement)l.Lower(obligation.Goal);
        return new LoweredProblem(obligation.Name, obligation.FreeSymbols, l._auxiliaries, l._domain, l._definitions, assumptions, goal)
        {
            DomainStated = l._domainStated,
        };
    }

    private Expr Lower(Expr e)
    {
        if (e is Num or Sym or BoolConst) return e;
        if (_memo.TryGetValue(e, out var done)) return done;
        var result = e switch
        {
            Add a => Expr.Add(a.Terms.Select(Lower)),
            Mul m => LowerProduct(m),
            Pow p => LowerPower(p),
            Call c => LowerCall(c),
            Rel r => Expr.Relation(r.Op, Lower(r.Left), Lower(r.Right)),
            Logic l => Expr.Combine(l.Op, l.Operands.Select(Lower)),
            Not n => Expr.Negation(Lower(n.Operand)),
            Implies i => Expr.Implication(Lower(i.Premise), Lower(i.Conclusion)),
            _ => throw new UntranslatableException($"cannot translate '{e}'"),
        };
        _memo[e] = result;
        return result;
    }

    private Expr LowerPower(Pow p)
    {
        if (p.Exponent is not Num { Value: var k })
            throw new UntranslatableException(
                $"'{p}' has a symbolic exponent; only numeric exponents are real polynomial arithmetic, so the solver refuses it rather than approximate");
        if (!k.IsInteger) return LowerRoots([p]);
        var b = Lower(p.Base);
        if (k.Sign < 0) AddDomain(Expr.Relation(RelOp.Ne, b, 0), Expr.Relation(RelOp.Ne, p.Base, 0)); // x^-n needs x != 0
        return Expr.Pow(b, Num.Of(k));
    }

    /// <summary>
    /// A product: the factors with non-integer exponents of one denominator q are merged under one root, so
    /// <c>sqrt(2)*sqrt(l)</c> (how the kernel stores <c>sqrt(2*l)</c>) is the single root <c>sqrt(2*l)</c>.
    /// </summary>
    private Expr LowerProduct(Mul m)
    {
        var rest = m.Factors.Where(f => !IsRoot(f)).Select(Lower);
        var roots = m.Factors.Where(IsRoot).Cast<Pow>()
            .GroupBy(f => ((Num)f.Exponent).Value.Denominator)
            .Select(g => LowerRoots([.. g]));
        return Expr.Mul(rest.Concat(roots));
    }

    private static bool IsRoot(Expr f) => f is Pow { Exponent: Num { Value.IsInteger: false } };

    /// <summary>
    /// <c>∏ b_i^(p_i/q) = r · ∏ b_i^((p_i − e_i)/q)</c> with <c>e_i = p_i mod q</c> and <c>r = (∏ b_i^e_i)^(1/q)</c>:
    /// r is a fresh variable with <c>r ≥ 0</c> and <c>r^q = ∏ b_i^e_i</c>, on the domain <c>b_i ≥ 0</c> (non-integer
    /// powers are real only there) and <c>b_i ≠ 0</c> where the exponent is negative. Sound on that domain,
    /// where every factor is the non-negative root.
    /// </summary>
    private Expr LowerRoots(IReadOnlyList<Pow> group)
    {
        var q = ((Num)group[0].Exponent).Value.Denominator;
        var radicand = new List<Expr>();
        var outside = new List<Expr>();
        foreach (var f in group)
        {
            var k = ((Num)f.Exponent).Value;
            var b = Lower(f.Base);
            AddDomain(Expr.Ge(b, 0), Expr.Ge(f.Base, 0));
            if (k.Sign < 0) AddDomain(Expr.Relation(RelOp.Ne, b, 0), Expr.Relation(RelOp.Ne, f.Base, 0));
            var p = k.Numerator * (q / k.Denominator);           // exponent as p/q over the common q
            var e = ((p % q) + q) % q;
            if (!e.IsZero) radicand.Add(Expr.Pow(b, Num.Of(new Rational(e))));
            var whole = (p - e) / q;
            if (!whole.IsZero) outside.Add(Expr.Pow(b, Num.Of(new Rational(whole))));
        }
        var inner = Expr.Mul(radicand);
        return Expr.Mul(outside.Append(Root(inner, (int)q)));
    }

    /// <summary>The fresh variable for <c>radicand^(1/q)</c>, shared by every occurrence.</summary>
    private Expr Root(Expr radicand, int q)
    {
        if (radicand is Num { Value: var v } && Expr.Pow(radicand, Num.Of(new Rational(1, q))) is Num exact && v.Sign >= 0)
            return exact;
        var key = (q, radicand);
        if (_roots.TryGetValue(key, out var known)) return known;
        var r = Fresh(q == 2 ? "sqrt" : "root", Expr.Pow(radicand, Num.Of(new Rational(1, q))));
        _roots[key] = r;
        _definitions.Add(Expr.Ge(r, 0));
        _definitions.Add(Expr.Eq(Expr.Pow(r, q), radicand));
        return r;
    }

    private Expr LowerCall(Call c)
    {
        switch (c.Function)
        {
            case Func.Abs:
            {
                var e = Lower(c.Argument);
                var a = Fresh("abs", c);
                _definitions.Add(Expr.Ge(a, 0));
                _definitions.Add(Expr.Or(Expr.Eq(a, e), Expr.Eq(a, Expr.Neg(e))));
                return a;
            }
            case Func.Sign:
            {
                var e = Lower(c.Argument);
                var t = Fresh("sign", c);
                _definitions.Add(Expr.Or(
                    Expr.And(Expr.Gt(e, 0), Expr.Eq(t, 1)),
                    Expr.And(Expr.Eq(e, 0), Expr.Eq(t, 0)),
                    Expr.And(Expr.Lt(e, 0), Expr.Eq(t, -1))));
                return t;
            }
            default:
                throw new UntranslatableException(
                    $"{Call.NameOf(c.Function)}() in '{c}' is transcendental: the solver decides polynomial real arithmetic " +
                    "(with sqrt, abs, sign and division) exactly and refuses it rather than approximate");
        }
    }

    private Sym Fresh(string kind, Expr stands)
    {
        // A '.' never occurs in a parsed symbol, so fresh names cannot capture the user's.
        var s = new Sym($"{kind}.{++_counter}");
        _auxiliaries.Add(new AuxiliaryVariable(s, stands));
        return s;
    }

    /// <summary>Adds a definedness condition, lowered for the solver and as stated on the original terms for reports.</summary>
    private void AddDomain(Statement condition, Statement stated)
    {
        if (condition is Rel { Left: Num l, Right: Num r } rel)
        {
            if (Algebra.Compare(rel.Op, l.Value, r.Value)) return; // constant and true: nothing to add
            throw new UntranslatableException($"the statement is nowhere defined: it needs {stated}");
        }
        if (!_domainSeen.Add(condition)) return;
        _domain.Add(condition);
        if (!_domainStated.Contains(stated)) _domainStated.Add(stated);
    }
}
