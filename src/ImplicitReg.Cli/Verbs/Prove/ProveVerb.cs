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
public sealed class ProveVerb : ILegacyCliVerb
{
    private readonly string? _z3Library;

    public ProveVerb() : this(null) { }

    /// <summary>For tests: the libz3 name or path to load instead of the default ones.</summary>
    public ProveVerb(string? z3Library) => _z3Library = z3Library;

    public string Name => "prove";

    public string Summary => "prove a statement of real arithmetic with Z3 (proved / refuted with counterexample / unknown)";

    public string Usage => """
        usage: implicitreg prove "<statement>" [--assume "<statement>"]... [--timeout-ms 10000]
                                 [--smt2 FILE] [--cross-check] [--strategy auto|nlsat|default]
                                 [--no-split] [--format text|json]
               implicitreg prove --catalogue m6 [--cross-check] [--timeout-ms 10000] [--format text|json]

        Free symbols are real and universally quantified; the claim is checked at every point where all its
        terms are defined (roots of non-negative numbers, non-zero denominators). Supported: + - * /, natural
        and integer powers, sqrt and rational powers, abs, sign, = != < <= > >=, and, or, not, implies.
        exp, log, sin and cos are refused (exit 2), never approximated. The statement may be given as '-'
        (stdin) or @file.

          --assume S       an extra assumption (repeatable)
          --timeout-ms N   solver time limit per case (default 10000)
          --smt2 FILE      write each case as a standalone SMT-LIB2 certificate (FILE, or FILE-caseK.smt2)
          --cross-check    replay the certificates with the z3 and cvc5 command-line solvers
          --strategy S     auto (qfnra-nlsat, then Z3's default solver), nlsat, or default
          --no-split       keep abs as a disjunction instead of splitting it into sign cases
          --catalogue m6   prove the M6 constructions (docs/theory.md) and refute their negative controls

        exit codes: 0 proved, 1 refuted, 2 bad input or libz3 missing, 3 unknown (or solvers disagree),
                    70 the solver's counterexample failed the kernel's check (a bug; please report it)
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["cross-check", "no-split"]);
        var format = a.Choice("format", "text", "text", "json");
        var timeoutMs = a.Int("timeout-ms", 10_000);
        if (timeoutMs <= 0) throw new CliUsageException("--timeout-ms must be a positive number of milliseconds");
        var crossCheck = a.Flag("cross-check");
        var strategy = a.Choice("strategy", "auto", "auto", "nlsat", "default");
        var noSplit = a.Flag("no-split");
        var smt2 = a.Option("smt2");
        var catalogue = a.Option("catalogue");
        var assumeTexts = a.Options("assume");
        a.EnsureAllUsed();

        var options = new ProverOptions { Timeout = TimeSpan.FromMilliseconds(timeoutMs), SplitAbs = !noSplit };
        var backend = new Z3Backend(strategy switch { "nlsat" => Z3Plan.Nlsat, "default" => Z3Plan.Default, _ => Z3Plan.Auto });
        var prover = new Prover(backend, options);

        if (catalogue is not null)
        {
            if (a.Positionals.Count > 0) throw new CliUsageException("--catalogue runs a fixed catalogue; do not also give a statement");
            if (catalogue != "m6") throw new CliUsageException($"unknown catalogue '{catalogue}' (known: m6)");
            RequireZ3();
            return CatalogueRun.Run(prover, options.Timeout, crossCheck, format, io);
        }

        if (a.Positionals.Count != 1)
            throw new CliUsageException(a.Positionals.Count == 0 ? "missing the statement to prove" : "give exactly one statement (quote it); use --assume for assumptions");
        // Canonical forms can lose where the input is defined (x/x is 1, sqrt(x)*sqrt(x) is x): the conditions
        // collected while parsing become premises, so the claim is decided wherever its terms, as written, are defined.
        var domain = new List<Statement>();
        var statement = ParseStatement(CliInput.ReadText(a.Positionals[0], io, "statement"), "statement", domain);
        var assumptions = assumeTexts.Select(t => ParseStatement(CliInput.ReadText(t, io, "assumption"), "--assume", domain)).ToList();
        var obligation = Obligation.Of("claim", statement, domain.Distinct().Concat(assumptions));

        IReadOnlyList<string> certificates = [];
        try
        {
            var cases = prover.Prepare(obligation);
            if (smt2 is not null) certificates = CertificateFiles.Write(smt2, cases.Select(c => c.Problem).ToList(), obligation.Statement);
        }
        catch (UntranslatableException e)
        {
            throw new CliUsageException($"cannot decide this statement exactly: {e.Message}");
        }
        RequireZ3();

        var verdict = prover.Prove(obligation, io.Cancel);
        // Rewrite the certificates in the order the solver decided each case in (replays are faster in it).
        if (smt2 is not null && verdict.Cases.Count == certificates.Count)
            certificates = CertificateFiles.Write(smt2, verdict.Cases.Select(c => c.Certified).ToList(), obligation.Statement);
        CrossCheckReport? report = crossCheck ? CrossCheck.Run(verdict, CrossCheck.DefaultReplayers(), options.Timeout, io.Cancel) : null;
        if (format == "json") ProveJsonReport.Write(io.Out, verdict, certificates, report);
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

    private void RequireZ3()
    {
        var availability = Z3Library.Probe(_z3Library);
        if (!availability.IsAvailable) throw new CliUsageException(availability.Message);
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
