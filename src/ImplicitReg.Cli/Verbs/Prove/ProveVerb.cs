using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Native;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>
/// <c>implicitreg prove "&lt;statement&gt;"</c>: decides a statement of real arithmetic with Z3 in-process;
/// prints <c>proved</c>, <c>refuted</c> with a kernel-confirmed counterexample, or <c>unknown</c> with the reason.
/// </summary>
public sealed class ProveVerb : ICliVerb
{
    private readonly string? _z3Library;

    public ProveVerb() : this(null) { }

    /// <summary>For tests: the libz3 name or path to load instead of the default ones.</summary>
    public ProveVerb(string? z3Library) => _z3Library = z3Library;

    /// <inheritdoc />
    public string Name => "prove";

    /// <inheritdoc />
    public string Summary => "prove a statement of real arithmetic with Z3 (proved / refuted with counterexample / unknown)";

    private const string Notes = """
        Free symbols are real and universally quantified; the claim is checked at every point where all its terms
        are defined (roots of non-negative numbers, non-zero denominators). Supported: + - * /, natural and integer
        powers, sqrt and rational powers, abs, sign, = != < <= > >=, and, or, not, implies. exp, log, sin and cos are
        refused (exit 2), never approximated. The statement may be given as '-' (stdin) or @file.
        --lemma L (repeatable) proves by a chain: lemma k under the assumptions and lemmas 1..k-1, then the statement
        under the assumptions and all lemmas; if the chain fails, the statement is tried alone and the reason printed.
        A lemma or the statement may begin with '[uses 1,7]' (or '[uses none]'): its step then assumes only those
        earlier lemmas (fewer assumptions, smaller obligations); a number that is not an earlier lemma is refused.
        --smt2 FILE writes FILE when the statement is one case, and FILE-case1.smt2, FILE-case2.smt2, ... (the
        extension of FILE kept) when it splits into cases; lemma k is FILE-lemmak.smt2 (or FILE-lemmak-casej.smt2);
        the names are printed. Each replays with 'z3 FILE' and 'cvc5 FILE': unsat for a proved case.
        --catalogue m6 runs the prove checks of the M6 claim files (proofs/razin2020/m6-*.yaml): every
        construction proved, every negative control refuted.
        """;

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var statement = new Argument<string?>("statement") { Arity = ArgumentArity.ZeroOrOne, Description = "the claim, '-' (stdin) or @file" };
        var assume = CliOptions.Repeated("--assume", "an extra assumption (repeatable)", "STATEMENT");
        var lemma = CliOptions.Repeated("--lemma", "a lemma, proved under the assumptions and the lemmas before it (or those a leading [uses 1,7] names), then assumed (repeatable, in order)", "STATEMENT");
        var timeout = CliOptions.Int("--timeout-ms", "solver time limit per case, in milliseconds", 10_000, min: 1, max: 86_400_000);
        var smt2 = CliOptions.Text("--smt2", "write each case as a standalone SMT-LIB2 certificate (FILE, or FILE-caseK for several)", "FILE");
        var crossCheck = CliOptions.Flag("--cross-check", "replay the certificates with the z3 and cvc5 command-line solvers");
        var strategy = CliOptions.Choice("--strategy", "auto (qfnra-nlsat, then Z3's default solver), nlsat, or default", "auto", "auto", "nlsat", "default");
        var noSplit = CliOptions.Flag("--no-split", "keep abs as a disjunction instead of splitting it into sign cases");
        var catalogue = CliOptions.OptionalChoice("--catalogue", "prove a fixed catalogue of constructions and refute its negative controls", "m6");
        var format = CliOptions.Choice("--format", "what is printed", "text", "text", "json");
        var command = new VerbCommand(Name, Summary, "implicitreg prove \"x^2 >= 0\" --smt2 c.smt2 --cross-check",
            "0 proved, 1 refuted, 2 bad input or libz3 missing, 3 unknown (or solvers disagree), 70 the solver's counterexample failed the kernel's check (a bug)")
        {
            Notes = Notes,
        };
        command.Arguments.Add(statement);
        foreach (var o in new Option[] { assume, lemma, timeout, smt2, crossCheck, strategy, noSplit, catalogue, format }) command.Options.Add(o);
        return command.Runs(r => Run(io, new Request(r.GetValue(statement), r.GetValue(assume) ?? [], r.GetValue(lemma) ?? [], r.GetValue(timeout), r.GetValue(smt2),
            r.GetValue(crossCheck), r.GetValue(strategy)!, r.GetValue(noSplit), r.GetValue(catalogue), r.GetValue(format)!)));
    }

    private sealed record Request(string? Statement, string[] Assume, string[] Lemmas, int TimeoutMs, string? Smt2, bool CrossCheck, string Strategy, bool NoSplit,
        string? Catalogue, string Format);

    private int Run(CliIO io, Request q)
    {
        var options = new ProverOptions { Timeout = TimeSpan.FromMilliseconds(q.TimeoutMs), SplitAbs = !q.NoSplit };
        var backend = new Z3Backend(q.Strategy switch { "nlsat" => Z3Plan.Nlsat, "default" => Z3Plan.Default, _ => Z3Plan.Auto });
        var prover = new Prover(backend, options);

        if (q.Catalogue is not null)
        {
            if (q.Statement is not null) throw new CliUsageException("--catalogue runs a fixed catalogue; do not also give a statement");
            if (q.Smt2 is not null || q.Assume.Length > 0 || q.Lemmas.Length > 0 || q.NoSplit) throw new CliUsageException("--catalogue takes only --cross-check, --timeout-ms, --strategy and --format");
            Z3Library.Require(_z3Library);
            return CatalogueRun.Run(options.Timeout, q.CrossCheck, q.Format, io, _z3Library);
        }

        if (q.Statement is null) throw new CliUsageException("missing the statement to prove");
        // Canonical forms can lose where the input is defined (x/x is 1, sqrt(x)*sqrt(x) is x): the conditions
        // collected while parsing become premises, so the claim is decided wherever its terms, as written, are defined.
        var domain = new List<Statement>();
        var (statementText, uses) = UsesPrefix.Split(CliInput.ReadText(q.Statement, io, "statement"), "statement");
        var statement = ParseStatement(statementText, "statement", domain);
        var assumptions = q.Assume.Select(t => ParseStatement(CliInput.ReadText(t, io, "assumption"), "--assume", domain)).ToList();
        var obligation = Obligation.Of("claim", statement, domain.Distinct().Concat(assumptions));
        var lemmas = q.Lemmas.Select((t, i) =>
        {
            var conditions = new List<Statement>();
            var (text, used) = UsesPrefix.Split(CliInput.ReadText(t, io, "lemma"), $"--lemma {i + 1}");
            var s = ParseStatement(text, $"--lemma {i + 1}", conditions);
            return new LemmaChain.Lemma(s, conditions.Distinct().ToList()) { Uses = used };
        }).ToList();
        if (LemmaChain.Invalid(lemmas, uses) is { } invalid)
            throw new CliUsageException($"bad lemma chain: {invalid}; fix its '[uses ...]' prefix (lemma k is the k-th --lemma)");
        var smt2 = q.Smt2;

        try
        {
            // Every step is lowered before anything is solved: a lemma outside exact arithmetic is bad input (exit 2), with
            // or without libz3. The prover keeps the cases, so the chain and the certificates lower no step again.
            foreach (var step in LemmaChain.Steps(obligation, lemmas, uses)) prover.Prepare(step);
        }
        catch (UntranslatableException e)
        {
            throw new CliUsageException($"cannot decide this statement exactly: {e.Message}");
        }
        try
        {
            Z3Library.Require(_z3Library);
        }
        catch (SolverUnavailableException)
        {
            // Nothing can be solved, but the certificates can still be written (without expected answers) for other solvers.
            if (smt2 is not null) CertificateFiles.Write(CertificateSet.Prepared(smt2, prover, obligation, lemmas, uses));
            throw;
        }

        var verdict = new LemmaChain(prover).Prove(obligation, lemmas, uses, io.Cancel);
        // Written once decided, in the order the solver decided each case in (replays are faster in it), with the answers
        // and the lemma files each step relies on.
        IReadOnlyList<string> certificates = smt2 is null ? [] : CertificateFiles.Write(CertificateSet.Of(smt2, verdict));
        CrossCheckReport? report = q.CrossCheck ? CrossCheck.Run(verdict, CrossCheck.DefaultReplayers(), options.Timeout, io.Cancel) : null;
        if (q.Format == "json") ProveJsonReport.Write(io.Out, verdict, certificates, report);
        else ProveTextReport.Write(io.Out, verdict, certificates, report);
        return ExitCode(verdict, report);
    }

    internal static int ExitCode(Verdict verdict, CrossCheckReport? report)
    {
        if (report is { Agree: false }) return ExitCodes.Unknown;
        return verdict.Kind switch
        {
            VerdictKind.Proved => ExitCodes.Ok,
            VerdictKind.Refuted => ExitCodes.Refuted,
            VerdictKind.InvalidCounterexample => ExitCodes.InternalError,
            _ => ExitCodes.Unknown,
        };
    }

    private static Statement ParseStatement(string text, string what, List<Statement> domain)
    {
        try
        {
            var statement = Parser.ParseStatementWithDomain(text, out var conditions);
            domain.AddRange(conditions);
            return statement;
        }
        catch (ParseException e)
        {
            throw new CliUsageException(
                $"cannot parse the {what}: {e.Reason} at line {e.Line}, column {e.Column}\n  {e.Excerpt(text).Replace("\n", "\n  ")}");
        }
        catch (SymbolicException e)
        {
            throw new CliUsageException($"cannot parse the {what}: {e.Message}");
        }
    }
}
