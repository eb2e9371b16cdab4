using System.Text.Json;
using System.Text.RegularExpressions;
using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Tests.Html;

namespace ImplicitReg.Reports.Tests.Experiments;

[Collection(QuickReproductionsCollection.Name)]
public sealed partial class ExperimentReportTests(QuickReproductions runs)
{
    [Fact]
    public void TheStandalonePageHoldsTheSectionAloneSelfContainedAndDeterministic()
    {
        var copy = runs.Copy(runs.E2);
        var section = ExperimentLoader.Load(copy, 1);
        var written = ExperimentPage.Write(section);
        Assert.Equal(["data/x1-e2-w11-vs-loss-d2.csv", "data/x1-e2-det-gaussian.csv", "data/x1-e2-det-balanced.csv", "report.html", "report.md"], written);
        var html = File.ReadAllText(Path.Combine(copy, "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        var hrefs = Href().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.All(hrefs, h => Assert.True(h.StartsWith('#') || h.StartsWith("data/", StringComparison.Ordinal), h));
        var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("experiment-1-e2", ids);
        Assert.All(hrefs.Where(h => h.StartsWith('#')), h => Assert.Contains(h[1..], ids));
        Assert.All(hrefs.Where(h => h.StartsWith("data/", StringComparison.Ordinal)), h => Assert.True(File.Exists(Path.Combine(copy, h)), h));
        Assert.Equal(3, Regex.Count(html, "<svg"));
        // Setup lines, the table and every claim with its verdict.
        foreach (var line in section.Manifest.Settings) Assert.Contains(HtmlText.Escape(line), html, StringComparison.Ordinal);
        Assert.Contains("d2-gaussian-seed0", html, StringComparison.Ordinal);
        foreach (var c in section.Summary.Claims)
        {
            Assert.Contains(HtmlText.Escape(c.Claim), html, StringComparison.Ordinal);
            Assert.Contains(HtmlText.Escape(c.Evidence), html, StringComparison.Ordinal);
        }
        Assert.Equal(section.Summary.Claims.Count, Regex.Count(html, "<td><span class=\"(pass|fail|undecided)\">"));
        // Nothing varies between two renderings of the same sweep.
        Assert.Equal(html, ExperimentPage.Html(ExperimentLoader.Load(copy, 1)));
        var md = File.ReadAllText(Path.Combine(copy, "report.md"));
        Assert.Contains("## Experiment e2", md, StringComparison.Ordinal);
        Assert.Contains("(data/x1-e2-det-gaussian.csv)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClaimsReportPutsExperimentSectionsAfterTheClaimsAndLinksThemFromItsSummary()
    {
        var dir = runs.NewDirectory("bundle");
        var certificates = Directory.CreateDirectory(Path.Combine(dir, "certs")).FullName;
        var sections = new[] { ExperimentLoader.Load(runs.E2, 1), ExperimentLoader.Load(runs.E1, 2) };
        var content = SampleResults.Content(certificates, TimeSpan.FromMilliseconds(3), DateTimeOffset.UnixEpoch) with { Experiments = sections };
        var output = Path.Combine(dir, "report");
        var written = ReportBundle.Write(output, content, ExperimentJson.Append("{\"schema\": 1, \"claims\": 2}", sections));
        foreach (var f in sections.SelectMany(s => s.Figures)) Assert.Contains($"data/{f.Id}.csv", written);
        var html = File.ReadAllText(Path.Combine(output, ReportBundle.HtmlFile));
        int lastClaim = html.LastIndexOf("<section class=\"claim\"", StringComparison.Ordinal);
        int e2 = html.IndexOf("<section class=\"experiment\" id=\"experiment-1-e2\"", StringComparison.Ordinal);
        int e1 = html.IndexOf("<section class=\"experiment\" id=\"experiment-2-e1\"", StringComparison.Ordinal);
        Assert.True(lastClaim > 0 && e2 > lastClaim && e1 > e2, $"claims at {lastClaim}, e2 at {e2}, e1 at {e1}");
        Assert.Contains("<a href=\"#experiment-1-e2\">e2</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#experiment-2-e1-claim-2\">claim 2</a>", html, StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(output, ReportBundle.MarkdownFile));
        Assert.True(md.IndexOf("## Experiment e1", StringComparison.Ordinal) > md.IndexOf("## m6-negative-control", StringComparison.Ordinal));
        // Without experiments the report is what it was.
        var plain = HtmlReport.Render(content with { Experiments = [] });
        Assert.DoesNotContain("<section class=\"experiment\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"experiments\"", plain, StringComparison.Ordinal);
        Assert.Contains("<section class=\"experiment\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsJsonGetsTheReproductionsResultsUnchangedAfterTheVerification()
    {
        var sections = new[] { ExperimentLoader.Load(runs.E2, 1), ExperimentLoader.Load(runs.E3, 2) };
        const string verification = "{\n  \"schema\": 1,\n  \"exitCode\": 0,\n  \"seconds\": 1.50E+00,\n  \"results\": []\n}\n";
        Assert.Equal(verification, ExperimentJson.Append(verification, []));
        using var doc = JsonDocument.Parse(ExperimentJson.Append(verification, sections));
        var root = doc.RootElement;
        Assert.Equal(["schema", "exitCode", "seconds", "results", "experiments"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.50E+00", root.GetProperty("seconds").GetRawText());
        var experiments = root.GetProperty("experiments").EnumerateArray().ToArray();
        Assert.Equal(2, experiments.Length);
        for (int i = 0; i < 2; i++)
        {
            using var own = JsonDocument.Parse(sections[i].ResultsJson);
            Assert.True(JsonElement.DeepEquals(own.RootElement, experiments[i]), $"experiment {i}");
        }
        Assert.Equal("e3", experiments[1].GetProperty("experiment").GetString());
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(" id=\"([^\"]*)\"")]
    private static partial Regex Id();
}
