using System.Text.Json;

namespace ImplicitReg.Reports.Tests.Html;

public sealed class ReportContentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-content-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ResultsJsonNamesEachCertificateByItsPlaceInTheReport()
    {
        // The checks write certificates into a scratch directory the report command deletes; results.json must name
        // the copies in smt2/, which exist and do not change from run to run.
        var scratch = Directory.CreateDirectory(Path.Combine(_dir, "scratch-x1y2")).FullName;
        var json = SampleResults.Content(scratch, TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch).ResultsJson();
        Assert.DoesNotContain("scratch-x1y2", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var certificates = doc.RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(c => c.GetProperty("checks").EnumerateArray())
            .Where(k => k.GetProperty("kind").GetString() == "prove")
            .SelectMany(k => k.GetProperty("details").GetProperty("obligations").EnumerateArray())
            .SelectMany(o => o.GetProperty("certificates").EnumerateArray().Select(f => f.GetString()))
            .ToList();
        Assert.Equal(["smt2/m6-two-by-two.bound.1.smt2"], certificates);
    }
}
