using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Translation;

/// <summary>
/// Splits <c>abs(e)</c> into the sign cases <c>e ≥ 0</c> (where it is <c>e</c>) and <c>e &lt; 0</c> (where it is
/// <c>−e</c>), each a separate obligation: the original holds iff every case does. Nonlinear solvers find the
/// cases far easier than one disjunction per occurrence. At most <see cref="MaxSplits"/> distinct absolute
/// values are split (2^MaxSplits cases); any others are left for the lowering to encode. A case in which a term
/// becomes a division by zero (<c>1/(abs(x) − x)</c> where <c>x ≥ 0</c>) holds no point where the statement is
/// defined, so it is dropped; a statement left with no case is nowhere defined and refused.
/// </summary>
public static class AbsCaseSplit
{
    /// <summary>The largest number of distinct absolute values split into cases.</summary>
    public const int MaxSplits = 4;

    /// <summary>The sign cases of <paramref name="obligation"/> (the obligation itself when it has no absolute value).</summary>
    public static IReadOnlyList<Obligation> Apply(Obligation obligation)
    {
        var cases = new List<Obligation> { obligation };
        for (var split = 0; split < MaxSplits; split++)
        {
            var target = cases.Select(FirstAbs).FirstOrDefault(a => a is not null);
            if (target is null) break;
            var next = new List<Obligation>();
            foreach (var c in cases)
            {
                if (!Mentions(c, target))
                {
                    next.Add(c);
                    continue;
                }
                var e = target.Argument;
                if (Replace(c, target, e, Expr.Ge(e, 0), $"{c.Name} [{e} >= 0]") is { } nonNegative) next.Add(nonNegative);
                if (Replace(c, target, Expr.Neg(e), Expr.Lt(e, 0), $"{c.Name} [{e} < 0]") is { } negative) next.Add(negative);
            }
            if (next.Count == 0)
                throw new UntranslatableException(
                    $"the statement is nowhere defined: with {target} replaced by its value in each sign case, a term divides by zero or takes the log of a non-positive number");
            cases = next;
        }
        return cases;
    }

    /// <summary>The case where <paramref name="abs"/> is <paramref name="value"/>; null when a term of it is then undefined.</summary>
    private static Obligation? Replace(Obligation o, Call abs, Expr value, Statement condition, string name)
    {
        var map = new Dictionary<Expr, Expr> { [abs] = value };
        try
        {
            var assumptions = o.Assumptions.Select(a => (Statement)Algebra.Substitute(a, map)).Prepend(condition);
            return new Obligation(name, [.. assumptions], (Statement)Algebra.Substitute(o.Goal, map)).Normalized();
        }
        catch (UndefinedTermException)
        {
            // A denominator that is 0 as an expression once abs(e) is e (or −e): undefined at every point of this case.
            return null;
        }
    }

    private static bool Mentions(Obligation o, Call abs) =>
        o.Assumptions.Append(o.Goal).Any(s => Contains(s, abs));

    private static bool Contains(Expr e, Expr target) =>
        e.Equals(target) || e.Children.Any(c => Contains(c, target));

    /// <summary>The smallest absolute value in the obligation (innermost first keeps case conditions simple).</summary>
    private static Call? FirstAbs(Obligation o)
    {
        Call? best = null;
        var bestSize = long.MaxValue;
        foreach (var s in o.Assumptions.Append(o.Goal))
            Visit(s);
        return best;

        void Visit(Expr e)
        {
            if (e is Call { Function: Func.Abs } c)
            {
                var size = Algebra.NodeCount(c);
                if (size < bestSize || (size == bestSize && ExprOrder.Compare(c, best!) < 0))
                {
                    best = c;
                    bestSize = size;
                }
            }
            foreach (var child in e.Children) Visit(child);
        }
    }
}
