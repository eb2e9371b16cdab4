using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Solver.Translation;

/// <summary>A fresh variable standing for a non-polynomial term, e.g. <c>sqrt.1</c> for <c>sqrt(x^2 + 2)</c>.</summary>
public sealed record AuxiliaryVariable(Sym Symbol, Expr Stands);

/// <summary>
/// An obligation rewritten into polynomial and rational real arithmetic, ready for any backend:
/// it is proved when <see cref="Assertions"/> (domain, definitions, assumptions, and the negated goal)
/// are unsatisfiable. Every statement here prints with the kernel's SMT-LIB printer.
/// </summary>
public sealed record LoweredProblem(
    string Name,
    IReadOnlyList<Sym> Variables,
    IReadOnlyList<AuxiliaryVariable> Auxiliaries,
    IReadOnlyList<Statement> Domain,
    IReadOnlyList<Statement> Definitions,
    IReadOnlyList<Statement> Assumptions,
    Statement Goal)
{
    /// <summary>The domain conditions as stated on the original terms (<c>l &gt;= 0</c>), for reports.</summary>
    public IReadOnlyList<Statement> DomainStated { get; init; } = [];

    /// <summary>The order certificates list the assertions in (the one a solver decided it in, when known).</summary>
    public AssertionOrder PreferredOrder { get; init; } = AssertionOrder.Natural;

    /// <summary>Every declared real: the obligation's own symbols, then the auxiliaries.</summary>
    public IEnumerable<Sym> AllVariables => Variables.Concat(Auxiliaries.Select(a => a.Symbol));

    /// <summary>The conjunction whose unsatisfiability proves the obligation.</summary>
    public IEnumerable<Statement> Assertions =>
        Domain.Concat(Definitions).Concat(Assumptions).Append(Expr.Negation(Goal));

    /// <summary>
    /// The assertions in the given order. Logically the same problem; but Z3's nonlinear solver numbers
    /// variables by first occurrence and its run time can swing from milliseconds to a timeout with the
    /// order (measured on M6), so backends try more than one.
    /// </summary>
    public IReadOnlyList<Statement> Ordered(AssertionOrder order)
    {
        var list = Assertions.ToList();
        if (order == AssertionOrder.Reversed) list.Reverse();
        return list;
    }
}

/// <summary>The order in which a problem's assertions are given to a solver.</summary>
public enum AssertionOrder
{
    /// <summary>Domain, definitions, assumptions, negated goal.</summary>
    Natural,
    /// <summary>Negated goal first, then the rest backwards.</summary>
    Reversed,
}
