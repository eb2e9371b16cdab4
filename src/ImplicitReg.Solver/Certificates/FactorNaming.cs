using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Solver.Certificates;

/// <summary>
/// Names every sum that occurs as the base of a power: <c>(W[1,2] - 1)^2</c> becomes
/// <c>sum.1^2</c> with the definition <c>sum.1 = W[1,2] - 1</c>. A definitional extension — each new variable has
/// exactly one value at every point — so the certificate states the same problem. Why: cvc5 1.0.3 as Debian builds
/// it (no libpoly, so no cylindrical coverings) decides nonlinear real arithmetic by incremental linearisation over
/// monomials; it proves <c>y*y &gt;= 0</c> for a variable y at once but runs past a minute on
/// <c>(x - 1)*(x - 1) &gt;= 0</c>, whose expanded monomials lose the square (measured on the catalogue). Products of
/// different sums are left alone: naming them too cost cvc5 more obligations than it won (a named factor hides the
/// monomials it shares with the rest of the problem). Z3 decides both forms.
/// </summary>
public static class FactorNaming
{
    /// <summary>The problem with sums under powers named; the names extend <see cref="LoweredProblem.Auxiliaries"/>.</summary>
    public static LoweredProblem Apply(LoweredProblem problem)
    {
        var taken = new HashSet<string>(problem.AllVariables.Select(v => v.Name), StringComparer.Ordinal);
        var names = new Dictionary<Expr, Sym>();
        var order = new List<(Sym Symbol, Expr Sum)>();

        Sym NameOf(Expr sum)
        {
            if (names.TryGetValue(sum, out var known)) return known;
            var k = names.Count + 1;
            while (taken.Contains($"sum.{k}")) k++;
            var s = new Sym($"sum.{k}");
            taken.Add(s.Name);
            names[sum] = s;
            order.Add((s, sum));
            return s;
        }

        Expr Rewrite(Expr e)
        {
            switch (e)
            {
                case Add a:
                    return Expr.Add(a.Terms.Select(Rewrite));
                case Mul m:
                    return Expr.Mul(m.Factors.Select(Rewrite));
                case Pow p:
                    var b = Rewrite(p.Base);
                    return Expr.Pow(b is Add s ? NameOf(s) : b, p.Exponent);
                case Rel r:
                    return r with { Left = Rewrite(r.Left), Right = Rewrite(r.Right) };
                case Not n:
                    return new Not(Rewrite(n.Operand));
                case Logic l:
                    return Expr.Combine(l.Op, l.Operands.Select(Rewrite));
                case Implies i:
                    return new Implies(Rewrite(i.Premise), Rewrite(i.Conclusion));
                default:
                    return e;
            }
        }

        IReadOnlyList<Statement> All(IReadOnlyList<Statement> list) => list.Select(s => (Statement)Rewrite(s)).ToList();
        var renamed = problem with
        {
            Domain = All(problem.Domain),
            Definitions = All(problem.Definitions),
            Assumptions = All(problem.Assumptions),
            Goal = (Statement)Rewrite(problem.Goal),
        };
        if (order.Count == 0) return problem;
        // A named sum may contain other named sums (it was rewritten before it was named): definitions are stated
        // over the names, so each stays a small polynomial.
        return renamed with
        {
            Auxiliaries = [.. problem.Auxiliaries, .. order.Select(o => new AuxiliaryVariable(o.Symbol, o.Sum))],
            Definitions = [.. renamed.Definitions, .. order.Select(o => Expr.Eq(o.Symbol, o.Sum))],
        };
    }
}
