using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Translation;

/// <summary>
/// A claim to prove: the conjunction of <see cref="Assumptions"/> implies <see cref="Goal"/>, for every real
/// value of every free symbol at which all its terms are defined (roots of non-negative numbers, non-zero
/// denominators). Free symbols are real and universally quantified.
/// </summary>
public sealed record Obligation(string Name, IReadOnlyList<Statement> Assumptions, Statement Goal)
{
    /// <summary>An obligation from one statement and extra assumptions; nested premises become assumptions.</summary>
    public static Obligation Of(string name, Statement statement, IEnumerable<Statement>? assumptions = null) =>
        new Obligation(name, [.. assumptions ?? []], statement).Normalized();

    /// <summary>The claim as one statement: <c>assumptions implies goal</c>.</summary>
    public Statement Statement =>
        Assumptions.Count == 0 ? Goal : Expr.Implication(Expr.And([.. Assumptions]), Goal);

    /// <summary>Free symbols of assumptions and goal, in natural name order.</summary>
    public IReadOnlyList<Sym> FreeSymbols => Algebra.FreeSymbols([.. Assumptions, Goal]);

    /// <summary>
    /// Moves premises of the goal into the assumptions (<c>a implies (b implies c)</c> assumes a and b) and
    /// splits conjunctions into separate assumptions, so eliminations and case splits see each one.
    /// </summary>
    public Obligation Normalized()
    {
        var assumptions = new List<Statement>();
        foreach (var a in Assumptions) AddConjuncts(assumptions, a);
        var goal = Goal;
        while (goal is Implies { Premise: Statement p, Conclusion: Statement c })
        {
            AddConjuncts(assumptions, p);
            goal = c;
        }
        return this with { Assumptions = assumptions, Goal = goal };
    }

    private static void AddConjuncts(List<Statement> into, Statement s)
    {
        if (s is Logic { Op: LogicOp.And } and)
            foreach (var o in and.Operands) AddConjuncts(into, (Statement)o);
        else if (s is not BoolConst { Value: true })
            into.Add(s);
    }

    /// <summary>The statement as text.</summary>
    public override string ToString() => Statement.ToString();
}
