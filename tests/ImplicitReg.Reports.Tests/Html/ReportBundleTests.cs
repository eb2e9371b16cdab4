using System.Text.RegularExpressions;
using ImplicitReg.Reports.Html;
using ImplicitReg.Testing.Conditions;
using ImplicitReg.Testing.Solvers;

namespace ImplicitReg.Reports.Tests.Html;

public sealed partial class ReportBundleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-bundle-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteReport(string name, TimeSpan time, DateTimeOffset started)
    {
        var certificates = Directory.CreateDirectory(Path.Combine(_dir, name + "-certs")).FullName;
        var output = Path.Combine(_dir, name);
        ReportBundle.Write(output, SampleResults.Content(certificates, time, started), "{\"claims\": []}");
        return output;
    }

    [Fact]
    public void TheDirectoryHoldsThePagesTheDataOfEveryFigureAndEveryCertificate()
    {
        var output = WriteReport("a", TimeSpan.FromMilliseconds(3), DateTimeOffset.UnixEpoch);
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            "data/m6-two-by-two-det.csv", "data/m6-two-by-two-gap-order.csv", "data/m6-two-by-two-singular-values.csv",
            "data/m6-two-by-two-w11-vs-loss.csv", "provenance.json", "report.html", "report.md", "results.json",
            "smt2/m6-two-by-two.bound.1.smt2",
        ], files);
        Assert.StartsWith("; proved <=> (check-sat) answers unsat\n(set-logic QF_NRA)", File.ReadAllText(Path.Combine(output, "smt2/m6-two-by-two.bound.1.smt2")));
        var csv = File.ReadAllLines(Path.Combine(output, "data/m6-two-by-two-det.csv"));
        Assert.Equal("series,time t = kη [gradient-flow time units],\"det W [entry units of W, squared]\"", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("\"flag: sign change (depth 2 (run), t = 2)\",2,-0.3", StringComparison.Ordinal));
    }

    [Fact]
    public void ApartFromProvenanceTimesTheSameInputsGiveTheSameBytes()
    {
        var a = WriteReport("a", TimeSpan.FromMilliseconds(3), DateTimeOffset.UnixEpoch);
        var b = WriteReport("b", TimeSpan.FromSeconds(30), DateTimeOffset.UnixEpoch.AddHours(5));
        var names = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).ToArray();
        int differing = 0;
        foreach (var name in names)
        {
            var (x, y) = (File.ReadAllText(Path.Combine(a, name)), File.ReadAllText(Path.Combine(b, name)));
            if (x != y) differing++;
            Assert.Equal(ScrubAll(x), ScrubAll(y));
        }
        // The page, the Markdown and the provenance carry times; nothing else may differ.
        Assert.Equal(3, differing);
    }

    [Fact]
    public void AStaleFileOfAnEarlierReportIsRemoved()
    {
        var output = WriteReport("a", TimeSpan.FromMilliseconds(3), DateTimeOffset.UnixEpoch);
        var stale = Path.Combine(output, "data", "old-figure.csv");
        File.WriteAllText(stale, "x");
        ReportBundle.Write(output, SampleResults.Content(Path.Combine(_dir, "a-certs"), TimeSpan.Zero, DateTimeOffset.UnixEpoch), "{}");
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void AMissingCertificateIsAnErrorNotASilentGap()
    {
        var certificates = Directory.CreateDirectory(Path.Combine(_dir, "c-certs")).FullName;
        var content = SampleResults.Content(certificates, TimeSpan.Zero, DateTimeOffset.UnixEpoch);
        File.Delete(Path.Combine(certificates, "m6-bound.smt2"));
        var error = Assert.Throws<IOException>(() => ReportBundle.Write(Path.Combine(_dir, "c"), content, "{}"));
        Assert.Contains("m6-bound.smt2", error.Message, StringComparison.Ordinal);
    }

    [RequiresSolversFact("z3", "cvc5")]
    public void EveryProvedCertificateReplaysWithZ3AndCvc5AsUnsat()
    {
        var output = WriteReport("r", TimeSpan.Zero, DateTimeOffset.UnixEpoch);
        var files = Directory.GetFiles(Path.Combine(output, "smt2"));
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var solver in new[] { "z3", "cvc5" })
            {
                var replay = ReplayProcess.Run(solver, file, TimeSpan.FromMinutes(2));
                Assert.True(replay.Answer == "unsat", $"{solver} {file}: {replay.Answer}\n{replay.Output}");
                Assert.Equal("unsat", replay.Output.Trim());
            }
        }
        // Negative control: the certificate as the check wrote it (model request after check-sat) fails in z3.
        var original = Path.Combine(_dir, "r-certs", "m6-bound.smt2");
        var control = ReplayProcess.Run("z3", original);
        Assert.True(control.ExitCode is not (null or 0), $"z3 {original}: {control.Answer}");
    }

    private static string ScrubAll(string text)
    {
        text = HtmlReportTests.Scrub(text);
        text = MarkdownTimes().Replace(text, "T");
        return JsonTimes().Replace(text, "\"$1\": T");
    }

    [GeneratedRegex(@"\b\d+(\.\d+)? (ms|s)\b|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")]
    private static partial Regex MarkdownTimes();

    [GeneratedRegex("\"(started|elapsedSeconds)\": [^,\\n]*")]
    private static partial Regex JsonTimes();

    [Fact]
    public void AStepNamesTheLemmaFilesItReliesOnByTheirNamesInTheReport()
    {
        var renamed = new Dictionary<string, string>
        {
            ["/t/c/spectral-lemma1.smt2"] = "smt2/c.spectral.1.smt2",
            ["/t/c/spectral-lemma10.smt2"] = "smt2/c.spectral.10.smt2",
            ["/t/c/spectral.smt2"] = "smt2/c.spectral.11.smt2",
            ["/t/other/spectral-lemma1.smt2"] = "smt2/other.spectral.1.smt2",
        };
        var text = "; header\n;   lemma 1: x > 0 (spectral-lemma1.smt2)\n;   lemma 10: y > 0 (spectral-lemma10.smt2)\n(check-sat)\n";
        var rewritten = ReportBundle.RenameLemmaFiles(text, "/t/c/spectral.smt2", renamed);
        Assert.Equal("; header\n;   lemma 1: x > 0 (c.spectral.1.smt2)\n;   lemma 10: y > 0 (c.spectral.10.smt2)\n(check-sat)\n", rewritten);
    }
}
