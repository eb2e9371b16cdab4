using System.Text.RegularExpressions;
using System.Xml.Linq;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Tests.Html;

public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Html(TimeSpan time, DateTimeOffset started) =>
        HtmlReport.Render(SampleResults.Content(_dir, time, started));

    [Fact]
    public void AFailingRecordIsNumberedFromOneAsTheReasonCountsIt()
    {
        // The sample's failing predicate fails at index 2 of the series: the reason's "record 3 of N", so "#3" in the
        // page's table and "at record 3" in Markdown; index 2 printed as is ("#2") named the record before it.
        var content = SampleResults.Content(_dir, TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        Assert.Contains("<td>#3: ", HtmlReport.Render(content), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>#2: ", HtmlReport.Render(content), StringComparison.Ordinal);
        var markdown = Reports.Markdown.MarkdownReport.Render(content);
        Assert.Contains("**failed** at record 3\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCompareParagraphNamesItsOrderAndSaysEveryHalvingIsJudged()
    {
        // A refuted check's reason quotes the halving out of band, which need not be the finest; an unqualified
        // "observed order" beside it read as a second, contradicting figure.
        var html = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        Assert.Contains("; order of the finest halving 1 (every halving must fall in [0.9, 1.1]).</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("observed order 1 (must fall in", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageReferencesNothingOutsideItself()
    {
        var html = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", html, StringComparison.Ordinal);
        // Only same-document anchors and files of the report directory are linked.
        var hrefs = Href().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.True(h.StartsWith('#') || h.StartsWith("data/", StringComparison.Ordinal) || h.StartsWith("smt2/", StringComparison.Ordinal), h));
        Assert.DoesNotMatch(@"url\((?!#)", html);
    }

    [Theory]
    [InlineData("confirmed by the kernel in exact arithmetic")]
    [InlineData("confirmed by the kernel with interval arithmetic on algebraic values")]
    public void ACounterexampleSaysHowTheKernelConfirmedIt(string confirmation)
    {
        // An algebraic point is confirmed by interval arithmetic, not exactly: the page must not claim more.
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5), confirmation);
        var html = HtmlReport.Render(ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12")));
        Assert.Contains($"<p>counterexample ({confirmation}):</p>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<p>counterexample \\("));
    }

    [Fact]
    public void TheSummarySaysHowToReadAVerdictAndKeepsEachOutcomeOnOneLine()
    {
        // "refuted → refuted" in green read as a failed claim to a reviewer: the legend says what it means.
        var result = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        var html = HtmlReport.Render(ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12")));
        var summary = html[html.IndexOf("<h2 id=\"summary\">", StringComparison.Ordinal)..html.IndexOf("<table class=\"summary\">", StringComparison.Ordinal)];
        Assert.Contains("<p class=\"legend\">Each check reads <em>id: expected → found [strength]</em>", summary, StringComparison.Ordinal);
        Assert.Contains("A check expected <em>refuted</em> passes when it is refuted: a deliberately wrong variant (a negative control", summary, StringComparison.Ordinal);
        // An id and its outcome each stay whole (ids broke at every hyphen in a 1000-pixel window).
        Assert.Contains("table.summary .verdict a, table.summary .outcome { white-space: nowrap; }", html, StringComparison.Ordinal);
        Assert.Equal(result.Checks.Count(), Regex.Count(html, "</a>: <span class=\"outcome\">(holds|refuted) → <span class=\"(pass|fail)\">"));
    }

    [Fact]
    public void TheHeaderCountsLoadedClaimsAndBrokenFilesApartInTheirNumber()
    {
        // One claim that ran and one broken file: "1 claim, 1 check: …, 1 claim file broken", not "2 claims … 1 claim files".
        var sample = SampleResults.Build(_dir, TimeSpan.FromMilliseconds(5));
        var broken = new Claims.Results.ClaimResult
        {
            Id = "broken", Title = "", File = "proofs/broken.yaml",
            Diagnostics = [new Claims.Results.ClaimDiagnostic("proofs/broken.yaml", 7, 26, "statement: bad formula")],
        };
        var result = sample with { Claims = [sample.Claims.Single(c => c.Id == "m6-negative-control"), broken] };
        var content = ReportContent.Build(result, ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12"));
        Assert.Contains("<p>1 claim, 1 check: 1 as expected, 0 not, 1 claim file broken.", HtmlReport.Render(content), StringComparison.Ordinal);
        Assert.Contains("\n1 claim, 1 check: 1 as expected, 0 not, 1 claim file broken (exit code 2).", Reports.Markdown.MarkdownReport.Render(content), StringComparison.Ordinal);
    }

    [Fact]
    public void EverySummaryLinkReachesAnElementOfThePage()
    {
        var html = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var anchors = Href().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith('#')).ToArray();
        Assert.Contains("#claim-m6-two-by-two", anchors);
        Assert.Contains("#claim-m6-two-by-two--bound", anchors);
        Assert.All(anchors, a => Assert.Contains(a[1..], ids));
        Assert.Equal(ids.Count, Id().Count(html));
    }

    [Fact]
    public void FormulasAreMathMLFromTheKernelAndEachPlotIsInlineSvg()
    {
        var html = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        var maths = MathElement().Matches(html).Select(m => m.Value).ToArray();
        Assert.True(maths.Length >= 6, $"{maths.Length} formulas");
        Assert.All(maths, m => XElement.Parse(m));
        // The prose formula |W11| > (1 - sqrt(2 loss))^2 / sqrt(2 loss) is typeset, not left as text.
        Assert.Contains(maths, m => m.Contains("<msqrt>", StringComparison.Ordinal) && m.Contains("<mo>&gt;</mo>", StringComparison.Ordinal));
        // d/dt W1[1,1] for the rate equation of the derivation.
        Assert.Contains(maths, m => m.Contains("<mfrac><mi>d</mi><mrow><mi>d</mi><mi>t</mi></mrow></mfrac>", StringComparison.Ordinal));
        var svgs = Svg().Matches(html).Select(m => XElement.Parse(m.Value)).ToArray();
        // gap vs step size, singular values, |W11| vs loss, det W.
        Assert.Equal(4, svgs.Length);
        Assert.Contains("math[display=\"block\"] { display: block math; padding:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProvedObligationShowsItsCertificateAndTheReplayCommands()
    {
        var html = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        Assert.Contains("<a href=\"smt2/m6-two-by-two.bound.1.smt2\">", html, StringComparison.Ordinal);
        Assert.Contains("z3 smt2/m6-two-by-two.bound.1.smt2\ncvc5 smt2/m6-two-by-two.bound.1.smt2", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>x</code></td><td><code>0</code></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ApartFromTimesTheSameResultsGiveTheSamePage()
    {
        var a = Html(TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);
        var b = Html(TimeSpan.FromSeconds(42), DateTimeOffset.UnixEpoch.AddDays(3));
        Assert.NotEqual(a, b);
        Assert.Equal(Scrub(a), Scrub(b));
    }

    /// <summary>Removes the only parts allowed to vary: durations and the start time.</summary>
    internal static string Scrub(string html) =>
        Started().Replace(DurationSpan().Replace(html, "<span class=\"time\">T</span>"), "<span class=\"started\">S</span>");

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(" id=\"([^\"]*)\"")]
    private static partial Regex Id();

    [GeneratedRegex("<math .*?</math>", RegexOptions.Singleline)]
    private static partial Regex MathElement();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("<span class=\"time\">[^<]*</span>")]
    private static partial Regex DurationSpan();

    [GeneratedRegex("<span class=\"started\">[^<]*</span>")]
    private static partial Regex Started();
}
