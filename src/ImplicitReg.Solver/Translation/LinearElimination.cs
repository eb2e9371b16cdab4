using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Translation;

/// <summary>A symbol eliminated by an equation, with its value in the remaining symbols (auxiliaries included).</summary>
public sealed record Elimination(Sym Symbol, Expr Definition);

/// <summary>
/// Eliminates symbols that occur linearly, with a constant coefficient, in an asserted equation: from
/// <c>c·v + rest = 0</c>, <c>v := −rest/c</c> everywhere else and the equation is dropped. Sound because
/// <c>∃v (c·v + rest = 0 ∧ Φ(v))</c> is <c>Φ(−rest/c)</c>. Root definitions are used first, so for
/// <c>s = sqrt(2·l)</c> the loss is eliminated as <c>l := s²/2</c> (the encoding the solving notes of docs/theory.md found
/// fast) rather than <c>s</c> being defined from the loss. Auxiliary variables are never eliminated.
/// </summary>
public static class LinearElimination
{
    /// <summary>The problem with linearly defined symbols eliminated, and the eliminations made (to rebuild a model).</summary>
    public static (LoweredProblem Reduced, IReadOnlyList<Elimination> Eliminated) Apply(LoweredProblem problem)
    {
        var aux = problem.Auxiliaries.Select(a => a.Symbol).ToHashSet();
        var eliminated = new List<Elimination>();
        var blocked = new HashSet<(int, int, Sym)>();
        var p = problem;
        while (Find(p, aux, blocked) is var (list, index, symbol, definition))
        {
            var map = new Dictionary<Expr, Expr> { [symbol] = definition };
            IReadOnlyList<Statement> Sub(IReadOnlyList<Statement> xs, bool dropAt) =>
                xs.Where((_, i) => !dropAt || i != index)
                  .Select(x => (Statement)Algebra.Substitute(x, map))
                  .Where(x => x is not BoolConst { Value: true })
                  .ToList();
            LoweredProblem next;
            List<Elimination> rebuilt;
            try
            {
                next = p with
                {
                    Variables = p.Variables.Where(v => !v.Equals(symbol)).ToList(),
                    Domain = Sub(p.Domain, false),
                    Definitions = Sub(p.Definitions, list == 0),
                    Assumptions = Sub(p.Assumptions, list == 1),
                    Goal = (Statement)Algebra.Substitute(p.Goal, map),
                };
                rebuilt = eliminated.Select(e => e with { Definition = Algebra.Substitute(e.Definition, map) }).ToList();
            }
            catch (UndefinedTermException)
            {
                // The equation makes a denominator 0 as an expression (x = 1 with 1/(x - 1)): it contradicts where the
                // statement is defined. Substituting cannot express that, so the equation stays for the solver, which
                // sees it beside the domain condition (x - 1 != 0) and finds the premises inconsistent.
                blocked.Add((list, index, symbol));
                continue;
            }
            p = next;
            eliminated.Clear();
            eliminated.AddRange(rebuilt);
            eliminated.Add(new Elimination(symbol, definition));
            blocked.Clear(); // indices shift once an equation is dropped
        }
        return (p, eliminated);
    }

    private static (int List, int Index, Sym Symbol, Expr Definition)? Find(LoweredProblem p, HashSet<Sym> aux, HashSet<(int, int, Sym)> blocked)
    {
        IReadOnlyList<Statement>[] lists = [p.Definitions, p.Assumptions];
        for (var l = 0; l < lists.Length; l++)
        {
            for (var i = 0; i < lists[l].Count; i++)
            {
                if (lists[l][i] is not Rel { Op: RelOp.Eq } r) continue;
                var difference = Expr.Sub(r.Left, r.Right);
                // A symbol standing alone on one side (l = ...) is the one the equation defines: try it first.
                var alone = new[] { r.Left, r.Right }.OfType<Sym>();
                foreach (var v in alone.Concat(Algebra.FreeSymbols(difference)).Distinct())
                {
                    if (aux.Contains(v) || blocked.Contains((l, i, v)) || LinearPart(difference, v) is not var (c, rest)) continue;
                    return (l, i, v, Expr.Scale(-c.Reciprocal(), rest));
                }
            }
        }
        return null;
    }

    /// <summary>Writes <paramref name="e"/> as <c>c·v + rest</c> with rest free of v, if it has that form.</summary>
    private static (Symbolic.Numbers.Rational Coefficient, Expr Remainder)? LinearPart(Expr e, Sym v)
    {
        var terms = e is Add a ? a.Terms : [e];
        Symbolic.Numbers.Rational? coefficient = null;
        var rest = new List<Expr>();
        foreach (var t in terms)
        {
            var (c, body) = Expr.SplitCoefficient(t);
            if (body.Equals(v))
            {
                if (coefficient is not null) return null;
                coefficient = c;
            }
            else if (Algebra.DependsOn(t, v)) return null;
            else rest.Add(t);
        }
        return coefficient is { } k ? (k, Expr.Add(rest)) : null;
    }
}
