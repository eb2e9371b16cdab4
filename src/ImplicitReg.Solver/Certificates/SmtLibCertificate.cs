using System.Text;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Solver.Certificates;

/// <summary>
/// A proof obligation as a standalone SMT-LIB2 script a reviewer can replay with any solver:
/// declarations, the domain, auxiliary definitions, assumptions and the negated goal, then
/// <c>(check-sat)</c>. <c>unsat</c> means proved; <c>sat</c> means refuted. There is no <c>(get-model)</c>: after an
/// unsat answer it is an error (z3 exits 1), so a replay of a proved case would not exit 0; to see the counterexample
/// of a refuted case, append <c>(get-model)</c> (models are enabled).
/// Printed by the kernel's <see cref="SmtLibPrinter"/> from the same lowered problem the in-process solver sees.
/// </summary>
public static class SmtLibCertificate
{
    /// <summary>
    /// The SMT-LIB2 script of <paramref name="problem"/>; <paramref name="original"/>, when given, is quoted in a comment;
    /// <paramref name="notes"/> add the expected answer, the lemma certificates the obligation relies on, and the
    /// pinned coordinates of a confirmed counterexample. Sums under powers are named first (<see cref="FactorNaming"/>).
    /// </summary>
    public static string Write(LoweredProblem problem, Statement? original = null, CertificateNotes? notes = null)
    {
        problem = FactorNaming.Apply(problem);
        var sb = new StringBuilder();
        sb.Append("; ImplicitReg.Verify proof obligation: ").AppendLine(OneLine(problem.Name));
        if (original is not null) sb.Append("; claim: ").AppendLine(OneLine(original.ToString()));
        sb.AppendLine("; proved <=> the assertions are unsatisfiable: (check-sat) answers unsat.");
        sb.AppendLine("; free symbols are real and universally quantified, on the domain where every term is defined.");
        if (notes is not null) WriteNotes(sb, notes);
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
        if (notes is { Witness.Count: > 0 })
        {
            // The point is a model of every assertion above, so sat here implies sat without it: a refutation replays
            // by checking a point, which solvers without a complete nonlinear procedure (cvc5 1.0.3) also do.
            sb.AppendLine("; the counterexample the kernel confirmed: its rational coordinates, pinned");
            foreach (var (name, value) in notes.Witness)
                sb.Append("(assert (= ").Append(SmtLibPrinter.Symbol(name)).Append(' ').Append(SmtLibPrinter.Numeral(value)).AppendLine("))");
        }
        sb.AppendLine("(check-sat)");
        sb.AppendLine("; for a counterexample when the answer is sat, append: (get-model)");
        return sb.ToString();
    }

    /// <summary>The header line of a refutation whose counterexample has irrational coordinates, which stay free.</summary>
    public const string IrrationalNote = "; irrational coordinates stay free: a solver must construct them (cvc5 without libpoly cannot)";

    private static void WriteNotes(StringBuilder sb, CertificateNotes notes)
    {
        if (notes.Expected is { } expected) sb.Append("; expected answer: ").AppendLine(expected);
        if (notes.ReliesOn.Count > 0)
        {
            sb.AppendLine("; this step assumes lemmas proved by their own certificates (replay them too, same directory):");
            foreach (var line in notes.ReliesOn) sb.Append(";   ").AppendLine(OneLine(line));
        }
        if (notes.Witness.Count > 0)
            sb.AppendLine("; refuted: the last assertions pin the counterexample's rational coordinates; delete them to search afresh.");
        if (notes.IrrationalLeftFree)
            sb.AppendLine(IrrationalNote);
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<Statement> assertions)
    {
        if (assertions.Count == 0) return;
        sb.Append("; ").AppendLine(title);
        foreach (var a in assertions) sb.Append("(assert ").Append(SmtLibPrinter.Print(a)).AppendLine(")");
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>What a certificate says about itself beyond its assertions.</summary>
/// <param name="Expected">The answer the in-process solver gave (<c>unsat</c> proved, <c>sat</c> refuted), or null when not solved.</param>
/// <param name="ReliesOn">For a step of a lemma chain: each lemma it assumes and the files of that lemma's certificates.</param>
/// <param name="Witness">For a refuted case: the rational coordinates of the confirmed counterexample, asserted before <c>(check-sat)</c>.</param>
public sealed record CertificateNotes(string? Expected, IReadOnlyList<string> ReliesOn, IReadOnlyList<(string Name, Rational Value)> Witness)
{
    /// <summary>For a refuted case: some coordinates of the counterexample are irrational and are not pinned.</summary>
    public bool IrrationalLeftFree { get; init; }
}
