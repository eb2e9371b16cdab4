using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Tests.Html;
using PuppeteerSharp;

namespace ImplicitReg.Reports.Tests.Experiments;

/// <summary>
/// The claims report with the quick E2, E1, E3 and E4 sections, and the page <c>reproduce</c> writes for E2 alone,
/// opened in headless Chromium: every check of the claims report (no console error, no outside request, every
/// plot and formula visible, summary links reaching their targets) plus the experiment sections themselves; the
/// screenshots <c>report-experiments-*.png</c> show the experiments' summary and their figures.
/// </summary>
[Collection(QuickReproductionsCollection.Name)]
public sealed class ExperimentsInBrowserTests(QuickReproductions runs)
{
    [ReportInBrowserTests.RequiresChromiumFact]
    public async Task TheReportWithExperimentSectionsRendersInChromium()
    {
        var dir = runs.NewDirectory("browser");
        var certificates = Directory.CreateDirectory(Path.Combine(dir, "certs")).FullName;
        var sections = new[] { ExperimentLoader.Load(runs.E2, 1), ExperimentLoader.Load(runs.E1, 2), ExperimentLoader.Load(runs.E3, 3), ExperimentLoader.Load(runs.E4, 4) };
        var content = SampleResults.Content(certificates, TimeSpan.FromMilliseconds(12), DateTimeOffset.UnixEpoch) with { Experiments = sections };
        var output = Path.Combine(dir, "report");
        ReportBundle.Write(output, content, ExperimentJson.Append("{}", sections));
        await ReportInBrowserTests.CheckInChromium(Path.Combine(output, ReportBundle.HtmlFile), "report-experiments", async (page, screenshots) =>
        {
            foreach (var s in sections)
            {
                var plots = await ReportInBrowserTests.Measure(page, $"#{s.Anchor} svg.figure");
                Assert.Equal(s.Figures.Count, plots.Length);
                Assert.All(plots, p => Assert.True(p.Width > 100 && p.Height > 50 && p.Visible, $"{s.Anchor} plot {p.Index}: {p}"));
            }
            // Every link of the experiments' summary (sections and their claims) was followed by the common checks;
            // here: they exist, one per section and one per claim.
            var links = await page.EvaluateExpressionAsync<string[]>(
                "Array.from(document.querySelectorAll('table.experiments a[href^=\"#\"]')).map(a => a.getAttribute('href'))");
            Assert.Equal(sections.Sum(s => 1 + s.Summary.Claims.Count), links.Length);
            var nav = await page.QuerySelectorAsync("#experiments");
            await nav.EvaluateFunctionAsync("e => e.scrollIntoView()");
            await page.ScreenshotAsync(Path.Combine(screenshots, "report-experiments-summary.png"));
            foreach (var s in sections)
            {
                var section = await page.QuerySelectorAsync($"#{s.Anchor}");
                await section.EvaluateFunctionAsync("e => e.scrollIntoView()");
                await page.ScreenshotAsync(Path.Combine(screenshots, $"report-experiments-{s.Anchor}.png"));
            }
        });
    }

    [ReportInBrowserTests.RequiresChromiumFact]
    public async Task ThePageReproduceWritesRendersInChromium()
    {
        var copy = runs.Copy(runs.E2);
        ExperimentPage.Write(ExperimentLoader.Load(copy, 1));
        await ReportInBrowserTests.CheckInChromium(Path.Combine(copy, ReportBundle.HtmlFile), "reproduce-e2", formulasExpected: false);
    }
}
