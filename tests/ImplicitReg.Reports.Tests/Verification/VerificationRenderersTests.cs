using System.Text.Json;
using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Verification;

namespace ImplicitReg.Reports.Tests.Verification;

public sealed class VerificationRenderersTests
{
    private static CheckResult Check(string id, Expectation expected, CheckVerdict verdict, string? reason = null) => new()
    {
        ClaimId = "m6",
        CheckId = id,
        Kind = CheckKind.Compare,
        Expected = expected,
        Verdict = verdict,
        Time = TimeSpan.FromMilliseconds(1500),
        Evidence = $"evidence of {id}",
        Reason = reason,
        Location = new SourceLocation("proofs/razin2020/m6.yaml", 12, 5),
        Details = new CompareEvidence("flow-vs-gd", [new GapEvidence(0.01, 100, 1e-3, null), new GapEvidence(0.005, 200, 5e-4, 1.0)],
            1.0, (0.9, 1.1), null, [new Series("gaps", [new SeriesColumn("lr", [0.01, 0.005]), new SeriesColumn("gap", [1e-3, double.NaN])])]),
    };

    private static VerificationResult Result() => new(
    [
        new ClaimResult
        {
            Id = "m6", Title = "t", File = "proofs/razin2020/m6.yaml", Theory = "M6",
            Checks = [Check("ok", Expectation.Holds, CheckVerdict.Verified), Check("control", Expectation.Refuted, CheckVerdict.Verified, "order 1.0 inside the band"),
                Check("crash", Expectation.Holds, CheckVerdict.Error, "GD diverged")],
        },
        new ClaimResult { Id = "broken", Title = "", File = "proofs/x/broken.yaml", Diagnostics = [new ClaimDiagnostic("proofs/x/broken.yaml", 3, 7, "unknown key 'expct'")] },
    ], TimeSpan.FromSeconds(2), 2);

    [Fact]
    public void JunitHasOneTestcasePerCheckWithFailuresErrorsAndTimesInSeconds()
    {
        var doc = VerificationJunit.Build(Result());
        var cases = doc.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count); // three checks and the broken file's load case
        var control = cases.Single(c => (string?)c.Attribute("name") == "control");
        Assert.Equal("m6", (string?)control.Attribute("classname"));
        Assert.Equal("1.500", (string?)control.Attribute("time"));
        Assert.Contains("order 1.0 inside the band", control.Element("failure")!.Value);
        Assert.Contains("proofs/razin2020/m6.yaml:12:5", control.Element("failure")!.Value);
        Assert.NotNull(cases.Single(c => (string?)c.Attribute("name") == "crash").Element("error"));
        Assert.Null(cases.Single(c => (string?)c.Attribute("name") == "ok").Element("failure"));
        Assert.Contains("unknown key 'expct'", cases.Single(c => (string?)c.Attribute("name") == "load").Element("error")!.Value);
        Assert.Equal("1", (string?)doc.Root!.Attribute("failures"));
        Assert.Equal("2", (string?)doc.Root!.Attribute("errors"));
    }

    [Fact]
    public void JsonCarriesVerdictsEvidenceSeriesAndTheExitCode()
    {
        using var json = JsonDocument.Parse(VerificationJson.Render(Result()));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32()); // a broken file dominates
        var claim = root.GetProperty("results")[0];
        var check = claim.GetProperty("checks")[1];
        Assert.Equal("refuted", check.GetProperty("expected").GetString());
        Assert.False(check.GetProperty("passed").GetBoolean());
        var details = check.GetProperty("details");
        Assert.Equal(1.0, details.GetProperty("order").GetDouble());
        var gap = details.GetProperty("series")[0].GetProperty("columns").GetProperty("gap");
        Assert.Equal(JsonValueKind.Null, gap[1].ValueKind);
        Assert.Equal(3, root.GetProperty("results")[1].GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void TextListsEveryMismatchAtItsPlaceAndTheDiagnostics()
    {
        var w = new StringWriter();
        VerificationText.Write(w, Result());
        var text = w.ToString();
        Assert.Contains("proofs/razin2020/m6.yaml:12:5: m6/control: expected refuted, got verified: order 1.0 inside the band", text);
        Assert.Contains("proofs/x/broken.yaml:3:7: unknown key 'expct'", text);
        Assert.Contains("verify: 1 claim, 3 checks: 1 as expected, 2 not; 1 broken file;", text);
        Assert.DoesNotContain(" \n", text); // trailing spaces trimmed
    }
}
