using System.Text;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Solver.Certificates;

/// <summary>
/// A proof obligation as a standalone SMT-LIB2 script a reviewer can replay with any solver:
/// declarations, the domain, auxiliary definitions, assumptions and the negated goal, then
/// <c>(check-sat)</c> and <c>(get-model)</c>. <c>unsat</c> means proved; <c>sat</c> gives a counterexample.
/// Printed by the kernel's <see cref="SmtLibPrinter"/> from the same lowered problem the in-process solver sees.
/// </summary>
public static class SmtLibCertificate
{
    /// <summary>The SMT-LIB2 script of <paramref name="problem"/>; <paramref name="original"/>, when given, is quoted in a comment.</summary>
    public static string Write(LoweredProblem problem, Statement? original = null)
    {
        var sb = new StringBuilder();
        sb.Append("; ImplicitReg.Verify proof obligation: ").AppendLine(OneLine(problem.Name));
        if (original is not null) sb.Append("; claim: ").AppendLine(OneLine(original.ToString()));
        sb.AppendLine("; proved <=> the assertions are unsatisfiable: (check-sat) answers unsat.");
        sb.AppendLine("; free symbols are real and universally quantified, on the domain where every term is defined.");
        foreach (var aux in problem.Auxiliaries)
            sb.Append("; auxiliary ").Append(aux.Symbol.Name).Append(" stands for ").AppendLine(OneLine(aux.Stands.ToString()));
        sb.AppendLine("(set-info :smt-lib-version 2.6)");
        sb.AppendLine("(set-option :produce-models true)");
        sb.AppendLine("(set-logic QF_NRA)");
        foreach (var v in problem.AllVariables)
            sb.Append("(declare-fun ").Append(SmtLibPrinter.Symbol(v.Name)).AppendLine(" () Real)");
        var sections = new List<(string Title, IReadOnlyList<Statement> Assertions)>
        {
            ("domain: every root has a non-negative argument, every denominator is non-zero", problem.Domain),
            ("definitions of the auxiliary variables", problem.Definitions),
            ("assumptions", problem.Assumptions),
            ("negated goal", [Expr.Negation(problem.Goal)]),
        };
        if (problem.PreferredOrder == AssertionOrder.Reversed)
        {
            // The order Z3 decided it in (solvers' run times depend on it); the same conjunction either way.
            sb.AppendLine("; assertions in reverse order: the order in which the in-process solver decided it");
            sections.Reverse();
            sections = sections.Select(s => (s.Title, (IReadOnlyList<Statement>)s.Assertions.Reverse().ToList())).ToList();
        }
        foreach (var (title, assertions) in sections) Section(sb, title, assertions);
        sb.AppendLine("(check-sat)");
        sb.AppendLine("(get-model)");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<Statement> assertions)
    {
        if (assertions.Count == 0) return;
        sb.Append("; ").AppendLine(title);
        foreach (var a in assertions) sb.Append("(assert ").Append(SmtLibPrinter.Print(a)).AppendLine(")");
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
