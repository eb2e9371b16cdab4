using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// Simultaneous substitution: every occurrence of a key (usually a symbol) is replaced by its value
    /// in one pass, so <c>{x→y, y→x}</c> swaps. The result is rebuilt through the canonical constructors.
    /// </summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<Expr, Expr> map)
    {
        var cache = new Dictionary<Expr, Expr>();
        return S(e);

        Expr S(Expr u)
        {
            if (map.TryGetValue(u, out var v)) return v;
            if (u is Num or Sym or BoolConst) return u;
            if (cache.TryGetValue(u, out var hit)) return hit;
            var r = u switch
            {
                Add a => Expr.Add(a.Terms.Select(S)),
                Mul m => Expr.Mul(m.Factors.Select(S)),
                Pow p => Expr.Pow(S(p.Base), S(p.Exponent)),
                Call c => Expr.Apply(c.Function, S(c.Argument)),
                Rel r2 => Expr.Relation(r2.Op, S(r2.Left), S(r2.Right)),
                Logic l => Expr.Combine(l.Op, l.Operands.Select(S)),
                Not n => Expr.Negation(S(n.Operand)),
                Implies i => Expr.Implication(S(i.Premise), S(i.Conclusion)),
                _ => throw new SymbolicException($"cannot substitute into '{u}'"),
            };
            cache[u] = r;
            return r;
        }
    }

    /// <summary><paramref name="e"/> with every occurrence of the symbol <paramref name="x"/> replaced by <paramref name="value"/>, re-canonicalised.</summary>
    public static Expr Substitute(Expr e, Sym x, Expr value) =>
        Substitute(e, new Dictionary<Expr, Expr> { [x] = value });

    /// <summary>Substitution by symbol name (convenience for callers holding names).</summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<string, Expr> byName) =>
        Substitute(e, byName.ToDictionary(kv => (Expr)new Sym(kv.Key), kv => kv.Value));
}
