using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Certificates;

/// <summary>One certificate to write: its path and its SMT-LIB2 text.</summary>
public sealed record CertificateFile(string Path, string Text);

/// <summary>
/// The certificates of a statement and of its lemmas, with predictable names derived from one path
/// <c>FILE</c> (stem <c>S</c>, extension <c>E</c>, <c>.smt2</c> when it has none): lemma k is <c>S-lemmak.E</c>, or
/// <c>S-lemmak-casej.E</c> when it splits into cases; the statement is <c>FILE</c>, or <c>S-casej.E</c>. A step that
/// assumes lemmas names their files in its header, so a reviewer replays the whole chain.
/// </summary>
public static class CertificateSet
{
    /// <summary>The certificates of a decided statement: every lemma's cases, then the statement's, in the order decided.</summary>
    public static IReadOnlyList<CertificateFile> Of(string path, Verdict verdict)
    {
        var files = new List<CertificateFile>();
        var lines = new List<string>();
        for (var k = 1; k <= verdict.Lemmas.Count; k++)
        {
            var lemma = verdict.Lemmas[k - 1];
            var names = Names(path, lemma.Cases.Count, $"-lemma{k}");
            files.AddRange(Texts(names, lemma, lemma.Obligation, ReliesOn(lemma.Assumes, lines)));
            lines.Add(Line(k, lemma.Obligation, names));
        }
        var main = Names(path, verdict.Cases.Count, "");
        var relies = verdict.Step is null ? [] : ReliesOn(verdict.Assumes, lines);
        files.AddRange(Texts(main, verdict, verdict.Step ?? verdict.Obligation, relies));
        return files;
    }

    /// <summary>
    /// The certificates before solving (no expected answers): the lemma obligations and the last step as the chain
    /// states them, or the statement's cases when there are no lemmas. The cases come from
    /// <paramref name="prover"/>'s <see cref="Prover.Prepare"/>, so an obligation it lowered already is not lowered again.
    /// </summary>
    public static IReadOnlyList<CertificateFile> Prepared(string path, Prover prover, Obligation statement, IReadOnlyList<LemmaChain.Lemma> lemmas,
        IReadOnlyList<int>? uses = null)
    {
        var files = new List<CertificateFile>();
        var lines = new List<string>();
        var steps = LemmaChain.Steps(statement, lemmas, uses);
        for (var k = 1; k <= lemmas.Count; k++)
        {
            var obligation = steps[k - 1];
            var cases = prover.Prepare(obligation);
            var names = Names(path, cases.Count, $"-lemma{k}");
            var notes = new CertificateNotes(null, ReliesOn(LemmaChain.Used(lemmas[k - 1].Uses, k - 1), lines), []);
            files.AddRange(names.Select((n, i) => new CertificateFile(n, SmtLibCertificate.Write(cases[i].Problem, obligation.Statement, notes))));
            lines.Add(Line(k, obligation, names));
        }
        var step = steps[^1];
        var stepCases = prover.Prepare(step);
        var main = Names(path, stepCases.Count, "");
        var mainNotes = new CertificateNotes(null, ReliesOn(LemmaChain.Used(uses, lemmas.Count), lines), []);
        files.AddRange(main.Select((n, i) => new CertificateFile(n, SmtLibCertificate.Write(stepCases[i].Problem, step.Statement, mainNotes))));
        return files;
    }

    /// <summary>The names of <paramref name="count"/> cases: <c>FILE</c> alone, else <c>S{tag}-casej.E</c>; a lemma always carries its tag.</summary>
    public static IReadOnlyList<string> Names(string path, int count, string tag)
    {
        var ext = System.IO.Path.GetExtension(path);
        var stem = ext.Length > 0 ? path[..^ext.Length] : path;
        if (ext.Length == 0) ext = ".smt2";
        if (count == 1) return [tag.Length == 0 ? path : $"{stem}{tag}{ext}"];
        return Enumerable.Range(1, count).Select(j => $"{stem}{tag}-case{j}{ext}").ToList();
    }

    // The header lines of a step: exactly the lemmas its obligation assumes (1-based), each with its certificate files.
    private static List<string> ReliesOn(IReadOnlyList<int> assumes, List<string> lines) => assumes.Select(k => lines[k - 1]).ToList();

    // The header line of lemma k, before solving and after alike: its conclusion and its files.
    private static string Line(int k, Obligation lemma, IReadOnlyList<string> names) =>
        $"lemma {k}: {lemma.Goal} ({string.Join(", ", names.Select(System.IO.Path.GetFileName))})";

    private static IEnumerable<CertificateFile> Texts(IReadOnlyList<string> names, Verdict v, Obligation claim, IReadOnlyList<string> relies)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var c = v.Cases[i];
            var expected = c.Answer.Outcome switch { SolverOutcome.Unsat => "unsat", SolverOutcome.Sat => "sat", _ => null };
            var witness = v.Kind == VerdictKind.Refuted && c.Answer.Outcome == SolverOutcome.Sat && c.Answer.Model is { } model
                ? Pinned(c.Certified, model) : [];
            // Said even when no coordinate is rational (nothing pinned): the refutation then rests on a solver constructing them.
            var irrational = v.Kind == VerdictKind.Refuted && c.Answer is { Outcome: SolverOutcome.Sat, Model: { } m }
                && c.Certified.AllVariables.Any(x => m.TryGetValue(x.Name, out var value) && !value.IsExact);
            yield return new CertificateFile(names[i], SmtLibCertificate.Write(c.Certified, claim.Statement,
                new CertificateNotes(expected, relies, witness) { IrrationalLeftFree = irrational }));
        }
    }

    // The exact (rational) values of the declared variables in the solver's model; algebraic ones stay free.
    private static List<(string Name, Rational Value)> Pinned(LoweredProblem problem, IReadOnlyDictionary<string, ModelValue> model) =>
        problem.AllVariables.Where(v => model.TryGetValue(v.Name, out var m) && m.IsExact)
            .Select(v => (v.Name, model[v.Name].Lower)).ToList();
}
