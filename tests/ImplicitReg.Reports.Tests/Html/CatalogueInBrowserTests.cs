using ImplicitReg.Claims.Running;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Provenance;
using ImplicitReg.Testing;
using PuppeteerSharp;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// The whole catalogue's report, where the long derived formulas are (a layer flow of depth 4, a determinant's
/// rate), opened in headless Chromium at a reviewer's 1000-pixel window: no formula may be wider than its column
/// (Chromium does not break MathML lines, so a one-row formula thousands of pixels wide was read by scrolling).
/// </summary>
public sealed class CatalogueInBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-catalogue-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ReportInBrowserTests.RequiresChromiumFact]
    public async Task EveryFormulaOfTheWholeCatalogueFitsItsColumnAtAThousandPixels()
    {
        var certificates = Directory.CreateDirectory(Path.Combine(_dir, "certs")).FullName;
        var result = ClaimRunner.Run([Path.Combine(RepositoryRoot.Path, "proofs")], new RunnerOptions { CertificateDirectory = certificates });
        var content = ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "test"));
        var output = Path.Combine(_dir, "report");
        ReportBundle.Write(output, content, content.ResultsJson());

        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = ReportInBrowserTests.ReviewerViewportWidth, Height = 900 });
        await page.GoToAsync(new Uri(Path.Combine(output, ReportBundle.HtmlFile)).AbsoluteUri,
            new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 300_000 });
        // Not vacuous: the catalogue has formulas that needed rows.
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('mtable.lines').length") > 20);
        var wide = await ReportInBrowserTests.TooWide(page);
        Assert.True(wide.Length == 0, $"{wide.Length} formulas wider than their column:\n" + string.Join("\n", wide));

        // A broken formula, for a look: the screenshot sits next to the test output.
        var broken = await page.QuerySelectorAsync("math:has(mtable.lines)");
        await broken.ScreenshotAsync(Path.Combine(Path.GetDirectoryName(typeof(CatalogueInBrowserTests).Assembly.Location)!, "report-catalogue-long-formula.png"));
    }
}
