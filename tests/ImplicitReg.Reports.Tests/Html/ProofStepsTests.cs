using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// A proof by lemmas in the report: every lemma with its verdict and the lemmas it assumes, and each certificate named
/// by the step it decides. The check's files are <c>bound-lemma1.smt2</c>, <c>bound-lemma2-case1.smt2</c>, …; the
/// report renames them <c>smt2/&lt;claim&gt;.&lt;check&gt;.&lt;n&gt;.smt2</c>, which alone says nothing.
/// </summary>
public sealed class ProofStepsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-lemmas-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A claim file as the catalogue writes one: lemma 2 uses no lemma, the statement's last step uses lemma 2 only.
    private const string ClaimYaml = """
        id: chain
        title: a bound by two lemmas
        checks:
          - id: bound
            kind: prove
            expect: holds
            statement: "x > 1 implies x^2 > 1"
            uses: [2]
            lemmas:
              - "x > 1 implies x > 0"
              - {statement: "x > 1 implies x*x > x", uses: []}
        """;

    private ReportContent Content()
    {
        var file = Path.Combine(_dir, "chain.yaml");
        File.WriteAllText(file, ClaimYaml);
        var certs = Directory.CreateDirectory(Path.Combine(_dir, "certs", "chain")).FullName;
        string[] names = ["bound-lemma1.smt2", "bound-lemma2-case1.smt2", "bound-lemma2-case2.smt2", "bound.smt2"];
        foreach (var n in names) File.WriteAllText(Path.Combine(certs, n), "(set-logic QF_NRA)\n(check-sat)\n");
        var obligation = new ObligationEvidence("x > 1 implies x^2 > 1", [], "proved", null, null,
            names.Select(n => Path.Combine(certs, n)).ToList(), TimeSpan.FromMilliseconds(3))
        {
            Lemmas = [new LemmaEvidence("x > 0", "proved", null), new LemmaEvidence("x*x > x", "proved", null)],
        };
        var claim = new ClaimResult
        {
            Id = "chain",
            Title = "a bound by two lemmas",
            File = file,
            Checks =
            [
                new CheckResult
                {
                    ClaimId = "chain", CheckId = "bound", Kind = CheckKind.Prove, Expected = Expectation.Holds,
                    Verdict = CheckVerdict.Verified, Time = TimeSpan.FromMilliseconds(3), Evidence = "proved 1 statement (2 cases, z3)",
                    Location = new SourceLocation(file, 4, 5), Details = new ProofEvidence([obligation]),
                },
            ],
        };
        var result = new VerificationResult([claim], TimeSpan.FromMilliseconds(3), 1);
        return ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12"));
    }

    [Fact]
    public void EachLemmaAndTheStatementGetTheirOwnCertificatesAndTheLemmasTheyAssume()
    {
        var content = Content();
        var check = content.Result.Checks.Single();
        var spec = content.SpecOf("chain", "bound") as Claims.Schema.ProveCheckSpec;
        Assert.NotNull(spec);
        var steps = ProofSteps.Of(((ProofEvidence)check.Details!).Obligations[0], "bound", 0, 1, spec);
        Assert.Equal([1, 2, (int?)null], steps.Select(s => s.Lemma));
        // The lemma as the file writes it, premises included (the solver's reading keeps only the conclusion).
        Assert.Equal("x > 1 implies x > 0", steps[0].Statement);
        Assert.Equal([0], steps[0].Certificates.Select(c => c.Case));
        Assert.Equal([1, 2], steps[1].Certificates.Select(c => c.Case));
        Assert.Empty(steps[1].Uses);
        Assert.Equal([2], steps[2].Uses);
        Assert.EndsWith("bound.smt2", Assert.Single(steps[2].Certificates).File, StringComparison.Ordinal);
        Assert.Equal("lemma 2, case 1", ProofSteps.Label(2, 1));
        Assert.Equal("the statement", ProofSteps.Label(null, 0));
    }

    [Fact]
    public void TheHtmlListsTheLemmasAndLabelsEveryCertificate()
    {
        var content = Content();
        var html = HtmlReport.Render(content);
        Assert.Contains("Proved by lemmas", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"lemmas\">", html, StringComparison.Ordinal);
        Assert.Contains("(assumes no lemma)", html, StringComparison.Ordinal);
        Assert.Contains("<p>The statement: <span class=\"pass\">proved</span> <span class=\"muted\">(assumes lemma 2)</span>.</p>", html, StringComparison.Ordinal);
        var lemma2Case1 = content.CertificatePath(content.Certificates.Keys.Single(k => k.EndsWith("bound-lemma2-case1.smt2", StringComparison.Ordinal)));
        Assert.StartsWith("smt2/chain.bound.", lemma2Case1, StringComparison.Ordinal);
        Assert.Contains($"<code>{lemma2Case1}</code></a> (case 1)", html, StringComparison.Ordinal);
        Assert.Contains("<p>Replay every step from the report directory", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMarkdownListsTheLemmasAndLabelsEveryCertificate()
    {
        var md = MarkdownReport.Render(Content());
        Assert.Contains("  - lemma 1 (assumes no lemma): proved: $", md, StringComparison.Ordinal);
        Assert.Contains("  - the statement (assumes lemma 2): proved\n", md, StringComparison.Ordinal);
        Assert.Contains("(lemma 2, case 2): replay with `z3 smt2/chain.bound.", md, StringComparison.Ordinal);
    }
}
