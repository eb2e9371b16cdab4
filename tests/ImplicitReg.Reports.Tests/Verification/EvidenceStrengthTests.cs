using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Provenance;
using ImplicitReg.Reports.Tests.Html;
using ImplicitReg.Reports.Verification;

namespace ImplicitReg.Reports.Tests.Verification;

/// <summary>
/// "verified" reads the same for a Z3 proof and for one gradient-descent run: every check also says how strong its
/// evidence is, and a numerical one never reads as exact.
/// </summary>
public sealed class EvidenceStrengthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-strength-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("flow", "exact")]
    [InlineData("bound", "exact")]
    [InlineData("order", "numerical")]
    [InlineData("run", "numerical")]
    public void EachKindOfEvidenceHasItsStrength(string checkId, string label)
    {
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        Assert.Equal(label, EvidenceStrength.Of(result.Checks.Single(c => c.CheckId == checkId)).Label);
    }

    [Theory]
    [InlineData("confirmed by the kernel in exact arithmetic", "exact")]
    [InlineData("confirmed by the kernel with interval arithmetic on algebraic values", "interval")]
    public void ACounterexampleIsExactOnlyWhenConfirmedExactly(string confirmation, string label)
    {
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5), confirmation);
        var control = result.Checks.Single(c => c.CheckId == "det") with { Verdict = CheckVerdict.Refuted };
        Assert.Equal(label, EvidenceStrength.Of(control).Label);
    }

    [Theory]
    [InlineData("the sides differ at {G[1,1] = -19/3}: 1245184/81 vs 1245184/243 (exact)", "exact")]
    [InlineData("the sides differ at {N = -5, sigma = 19/6}: 318.0355 vs 252.5545 (relative gap 0.206, tolerance 1E-08)", "numerical")]
    public void ADerivationsWitnessIsNumericalWhenItsSidesWereComparedInFloatingPoint(string reason, string label)
    {
        var d = new DerivationEvidence("scalar-chain", [], [new DerivationStepEvidence("published formula", [], reason, "disproved", "w")],
            new Dictionary<string, string>(), "disproved", "disproved", null);
        var check = new CheckResult
        {
            ClaimId = "c", CheckId = "k", Kind = CheckKind.Derive, Expected = Expectation.Refuted, Verdict = CheckVerdict.Refuted,
            Time = TimeSpan.Zero, Evidence = "e", Location = new SourceLocation("c.yaml", 1, 1), Details = d,
        };
        Assert.Equal(label, EvidenceStrength.Of(check).Label);
        Assert.Equal("none", EvidenceStrength.Of(check with { Verdict = CheckVerdict.Unknown }).Label);
    }

    [Fact]
    public void ThePageAndTheMarkdownLabelEveryVerdict()
    {
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        var content = ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12"));
        var html = HtmlReport.Render(content);
        Assert.Contains("<a href=\"#claim-m6-two-by-two--order\">order</a>: <span class=\"outcome\">holds → <span class=\"pass\">verified</span> <span class=\"strength\"", html, StringComparison.Ordinal);
        Assert.Contains(">[numerical]</span></span></span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"strength\"><strong>Evidence: numerical</strong> — one floating-point gradient-descent run (seed 3); the predicates were evaluated at its 5 recorded steps only", html, StringComparison.Ordinal);
        Assert.Contains("Evidence of the checks: 3 exact (symbolic identities, solver proofs, exactly confirmed counterexamples), 2 numerical", html, StringComparison.Ordinal);
        var md = MarkdownReport.Render(content);
        Assert.Contains("order: holds → verified [numerical]", md, StringComparison.Ordinal);
        Assert.Contains("**Evidence: exact** — Z3 proves every statement", md, StringComparison.Ordinal);
    }

    [Fact]
    public void EachCheckSectionGivesOneStrengthInItsHeadingAndItsParagraph()
    {
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        var html = HtmlReport.Render(ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12")));
        foreach (var check in result.Checks)
        {
            var strength = EvidenceStrength.Of(check);
            var explanation = HtmlText.Escape(strength.Explanation);
            var heading = html.IndexOf($"<h3 id=\"{ReportContent.CheckAnchor(check.ClaimId, check.CheckId)}\">", StringComparison.Ordinal);
            Assert.True(heading > 0, check.CheckId);
            var section = html[heading..html.IndexOf("</p>\n", heading, StringComparison.Ordinal)];
            Assert.EndsWith($" <span class=\"strength\" title=\"{explanation}\">[{strength.Label}]</span></h3>\n" +
                $"<p class=\"strength\"><strong>Evidence: {strength.Label}</strong> — {explanation}.", section, StringComparison.Ordinal);
        }
        // Negative control: the sample holds checks of more than one strength, so a section showing another check's
        // strength would not pass.
        Assert.True(result.Checks.Select(c => EvidenceStrength.Of(c).Label).Distinct().Count() > 1);
    }

    [Fact]
    public void TheJsonOfVerifyCarriesTheSameStrengthAsThePage()
    {
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        using var json = System.Text.Json.JsonDocument.Parse(VerificationJson.Render(result));
        var checks = json.RootElement.GetProperty("results").EnumerateArray().SelectMany(c => c.GetProperty("checks").EnumerateArray()).ToList();
        Assert.Equal(result.Checks.Count(), checks.Count);
        foreach (var (check, element) in result.Checks.Zip(checks))
        {
            var strength = EvidenceStrength.Of(check);
            Assert.Equal(strength.Label, element.GetProperty("strength").GetString());
            Assert.Equal(strength.Explanation, element.GetProperty("strengthExplanation").GetString());
            Assert.Equal(check.Evidence, element.GetProperty("evidence").GetString()); // the older field is unchanged
        }
        Assert.Equal("numerical", checks.Single(c => c.GetProperty("id").GetString() == "run").GetProperty("strength").GetString());
        Assert.Equal("exact", checks.Single(c => c.GetProperty("id").GetString() == "bound").GetProperty("strength").GetString());
    }
}
