using System.Text.Json;
using ImplicitReg.Reports.Html;
using PuppeteerSharp;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// Opens a generated report.html in a real browser (headless Chromium) and checks what a reviewer would see:
/// no console errors, no request outside the file, every plot visible with a size, every formula rendered with a
/// height, consecutive formulas not overlapping, summary links that reach their sections; saves screenshots
/// next to the test output. With IMPLICITREG_REPORT_DIR set, it opens that report (e.g. the whole catalogue's)
/// instead of the sample.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public sealed class RequiresChromiumFactAttribute : FactAttribute
    {
        public RequiresChromiumFactAttribute()
        {
            if (HeadlessChromium.SkipReason is { } reason) Skip = reason;
        }
    }

    private string ReportPath()
    {
        if (Environment.GetEnvironmentVariable("IMPLICITREG_REPORT_DIR") is { Length: > 0 } given)
            return Path.GetFullPath(Path.Combine(given, ReportBundle.HtmlFile));
        var certificates = Directory.CreateDirectory(Path.Combine(_dir, "certs")).FullName;
        var output = Path.Combine(_dir, "report");
        ReportBundle.Write(output, SampleResults.Content(certificates, TimeSpan.FromMilliseconds(12), DateTimeOffset.UnixEpoch), "{}");
        return Path.Combine(output, ReportBundle.HtmlFile);
    }

    [RequiresChromiumFact]
    public async Task TheReportRendersInChromiumWithEveryPlotAndFormulaVisible() => await CheckInChromium(ReportPath(), "report");

    /// <summary>
    /// Opens <paramref name="path"/> and asserts what every report must satisfy; screenshots are named after
    /// <paramref name="name"/>; <paramref name="more"/> runs further checks on the loaded page. A page without claims
    /// (an experiment's page) has no formulas: <paramref name="formulasExpected"/> false lets it have none.
    /// </summary>
    internal static async Task CheckInChromium(string path, string name, Func<IPage, string, Task>? more = null, bool formulasExpected = true)
    {
        var url = new Uri(path).AbsoluteUri;
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error) errors.Add("console: " + e.Message.Text);
        };
        page.PageError += (_, e) => errors.Add("page: " + e.Message);
        page.Request += (_, e) => requests.Add(e.Request.Url);
        page.RequestFailed += (_, e) => errors.Add("request failed: " + e.Request.Url);

        // A reviewer's window, not a wide monitor: every formula must be readable at this width without scrolling sideways.
        await page.SetViewportAsync(new ViewPortOptions { Width = ReviewerViewportWidth, Height = 900 });
        var response = await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 180_000 });
        Assert.NotNull(response);
        // How long the page took to open (navigation start to the end of the load event, as Chromium measured it):
        // kept next to the screenshots, so that a change that makes the report slow to open is seen.
        var timing = await page.EvaluateExpressionAsync<string>(
            "(() => { const n = performance.getEntriesByType('navigation')[0]; return `domInteractive ${Math.round(n.domInteractive)} ms, load ${Math.round(n.loadEventEnd)} ms, ${n.transferSize || n.decodedBodySize} bytes`; })()");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(typeof(ReportInBrowserTests).Assembly.Location)!, $"{name}-load.txt"), timing + "\n");
        Assert.Empty(errors);
        Assert.Equal([url], requests);

        var plots = await Measure(page, "svg.figure");
        Assert.NotEmpty(plots);
        Assert.All(plots, p => Assert.True(p.Width > 100 && p.Height > 50 && p.Visible, $"plot {p.Index}: {p}"));

        var formulas = await Measure(page, "math");
        if (formulasExpected) Assert.NotEmpty(formulas);
        Assert.All(formulas, f => Assert.True(f.Height > 0 && f.Visible, $"formula {f.Index}: {f}"));
        var overlaps = await page.EvaluateExpressionAsync<string[]>("""
            Array.from(document.querySelectorAll('math[display="block"]'))
              .filter(m => m.nextElementSibling && m.nextElementSibling.matches('math[display="block"]'))
              .map(m => [m.getBoundingClientRect(), m.nextElementSibling.getBoundingClientRect()])
              .filter(([a, b]) => a.bottom > b.top + 0.5)
              .map(([a, b]) => `${a.top}-${a.bottom} overlaps ${b.top}-${b.bottom}`)
            """);
        Assert.Empty(overlaps);
        // An equation is one line: its relation sign has a width and sits beside both sides, not between them on a
        // line of its own (a math element styled `display: block` stacked lhs, '=' and rhs and hid the '=').
        var relations = await page.EvaluateExpressionAsync<string[]>("""
            Array.from(document.querySelectorAll('math[display="block"] mo'))
              .filter(mo => ['=', '<', '>', '\u2264', '\u2265', '\u2260'].includes(mo.textContent.trim()) && mo.previousElementSibling && mo.nextElementSibling)
              .map(mo => [mo, mo.previousElementSibling, mo.nextElementSibling].map(e => e.getBoundingClientRect()))
              .filter(([o, l, r]) => !(o.width > 0 && l.right <= o.left + 0.5 && o.right <= r.left + 0.5
                                       && l.top < o.bottom && o.top < l.bottom && r.top < o.bottom && o.top < r.bottom))
              .map(([o, l, r]) => `relation at ${o.left},${o.top} (${o.width}x${o.height}): left side ${l.left}-${l.right} x ${l.top}-${l.bottom}, right side ${r.left}-${r.right} x ${r.top}-${r.bottom}`)
            """);
        Assert.Empty(relations);
        // Formulas sit at the left edge of their column, like the text around them, short or long.
        var indented = await page.EvaluateExpressionAsync<string[]>("""
            Array.from(document.querySelectorAll('math[display="block"]'))
              .map(m => { const p = m.parentElement, s = getComputedStyle(p);
                          return [(m.firstElementChild || m).getBoundingClientRect().left, p.getBoundingClientRect().left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth)]; })
              .filter(([m, p]) => Math.abs(m - p) > 1.5)
              .map(([m, p]) => `formula at ${m}, its column at ${p}`)
            """);
        Assert.Empty(indented);
        var wide = await TooWide(page);
        Assert.True(wide.Length == 0, $"{wide.Length} formulas wider than their column at {ReviewerViewportWidth} px:\n" + string.Join("\n", wide));

        var links = await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('table.summary a[href^=\"#\"]')).map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var offset = await page.EvaluateExpressionAsync<double?>($$"""
                (() => {
                  const a = document.querySelector('table.summary a[href="{{link}}"]');
                  const target = document.getElementById(decodeURIComponent('{{link[1..]}}'));
                  if (!a || !target) return null;
                  a.click();
                  return target.getBoundingClientRect().top;
                })()
                """);
            Assert.True(offset is { } t && Math.Abs(t) < 2 || await AtPageBottom(page), $"{link} does not reach its section (top at {offset})");
        }

        await page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
        var outputDir = Path.GetDirectoryName(typeof(ReportInBrowserTests).Assembly.Location)!;
        var top = Path.Combine(outputDir, $"{name}-screenshot.png");
        var full = Path.Combine(outputDir, $"{name}-screenshot-full.png");
        await page.ScreenshotAsync(top);
        Assert.True(new FileInfo(top).Length > 10_000, "screenshot too small to show anything");
        // Chromium refuses to capture a page taller than its texture limit (the whole catalogue's report is):
        // then the top and the figures are captured, not the whole page.
        var height = await page.EvaluateExpressionAsync<double>("document.documentElement.scrollHeight");
        if (height <= 16_000)
        {
            await page.ScreenshotAsync(full, new ScreenshotOptions { FullPage = true });
            Assert.True(new FileInfo(full).Length > new FileInfo(top).Length);
        }
        // One picture per figure (the first few) for a closer look at legends and labels.
        var figures = await page.QuerySelectorAllAsync("figure");
        foreach (var figure in figures.Take(8))
        {
            var id = await figure.EvaluateFunctionAsync<string>("e => e.id");
            await figure.ScreenshotAsync(Path.Combine(outputDir, $"{name}-{id}.png"));
        }
        if (more is not null) await more(page, outputDir);
    }

    /// <summary>Width of the browser window the formulas must fit, in CSS pixels.</summary>
    internal const int ReviewerViewportWidth = 1000;

    /// <summary>
    /// Every formula wider than its container (its content scrolls inside it, or it sticks out of its parent's content
    /// box), and the page itself when it scrolls sideways: Chromium does not break MathML lines, so a long formula
    /// laid out in one row is read by scrolling.
    /// </summary>
    internal static async Task<string[]> TooWide(IPage page) => await page.EvaluateExpressionAsync<string[]>("""
        (() => {
          const wide = Array.from(document.querySelectorAll('math')).map(m => {
            const p = m.parentElement, s = getComputedStyle(p), pr = p.getBoundingClientRect(), r = m.getBoundingClientRect();
            const limit = pr.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth);
            return { scroll: m.scrollWidth, client: m.clientWidth, right: r.right, limit, text: m.textContent.replace(/\s+/g, ' ').slice(0, 120) };
          }).filter(f => f.scroll > f.client + 1 || f.right > f.limit + 1)
            .map(f => `formula ${Math.round(f.scroll)} px wide in ${Math.round(f.client)} px (right edge ${Math.round(f.right)}, container's ${Math.round(f.limit)}): ${f.text}`);
          const page = document.documentElement;
          if (page.scrollWidth > window.innerWidth + 1)
            wide.push(`the page is ${page.scrollWidth} px wide in a ${window.innerWidth} px window: ` +
              Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                  && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 5).map(e => `<${e.tagName.toLowerCase()} class="${e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className}"> ${e.textContent.slice(0, 60)}`).join('; '));
          return wide;
        })()
        """);

    /// <summary>A section near the end cannot scroll to the top of the viewport; then the page must be scrolled to its end.</summary>
    private static async Task<bool> AtPageBottom(IPage page) =>
        await page.EvaluateExpressionAsync<bool>("Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1");

    internal sealed record Box(int Index, double Width, double Height, bool Visible);

    internal static async Task<Box[]> Measure(IPage page, string selector)
    {
        var json = await page.EvaluateExpressionAsync<string>($$"""
            JSON.stringify(Array.from(document.querySelectorAll('{{selector}}')).map((e, i) => {
              const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
              return { Index: i, Width: r.width, Height: r.height, Visible: s.visibility === 'visible' && s.display !== 'none' };
            }))
            """);
        return JsonSerializer.Deserialize<Box[]>(json)!;
    }
}
