using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>True when the symbol <paramref name="x"/> occurs in <paramref name="e"/>.</summary>
    public static bool DependsOn(Expr e, Sym x)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (u is Sym s)
            {
                if (s.Equals(x)) return true;
                continue;
            }
            foreach (var c in u.Children) stack.Push(c);
        }
        return false;
    }

    /// <summary>The free symbols of e, sorted in natural name order.</summary>
    public static IReadOnlyList<Sym> FreeSymbols(Expr e) => FreeSymbols([e]);

    /// <summary>The free symbols of all of <paramref name="es"/>, sorted in natural name order.</summary>
    public static IReadOnlyList<Sym> FreeSymbols(IEnumerable<Expr> es)
    {
        var set = new HashSet<Sym>();
        var stack = new Stack<Expr>(es);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (u is Sym s) set.Add(s);
            else foreach (var c in u.Children) stack.Push(c);
        }
        return set.OrderBy(s => s.Name, Comparer<string>.Create(ExprOrder.CompareNames)).ToList();
    }

    /// <summary>Number of nodes in the expression tree (a size measure for guards and reports).</summary>
    public static long NodeCount(Expr e)
    {
        long n = 0;
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            n++;
            foreach (var c in u.Children) stack.Push(c);
        }
        return n;
    }
}
