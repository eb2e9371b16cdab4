using System.Runtime.InteropServices;
using System.Text;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Plots;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// The report that <c>reproduce … --out DIR</c> and <c>merge … --out DIR</c> write beside their results:
/// <c>DIR/report.html</c> (self-contained, in the claims report's style, holding the experiment's section alone),
/// <c>DIR/report.md</c> and <c>DIR/data/*.csv</c> for every plotted series. Nothing in it varies between two runs
/// of the same sweep on the same machine and toolkit: it shows no wall times.
/// </summary>
public static class ExperimentPage
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The page's title for <paramref name="section"/>.</summary>
    public static string Title(ExperimentSection section) => $"ImplicitReg.Verify — experiment {section.Experiment.Name}";

    /// <summary>Writes the page, its Markdown and its data into the section's own directory; returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(ExperimentSection section)
    {
        var directory = section.Directory;
        var written = new List<string>();
        var data = Directory.CreateDirectory(Path.Combine(directory, ReportContent.DataDirectory)).FullName;
        foreach (var stale in Directory.EnumerateFiles(data, "*.csv")) File.Delete(stale);
        WriteData(directory, [section], written);
        Text(directory, ReportBundle.HtmlFile, Html(section), written);
        Text(directory, ReportBundle.MarkdownFile, Markdown(section), written);
        return written;
    }

    /// <summary>
    /// Writes <c>data/&lt;figure&gt;.csv</c> for every figure of <paramref name="sections"/> (the claims report calls it too).
    /// </summary>
    public static void WriteData(string directory, IReadOnlyList<ExperimentSection> sections, List<string> written)
    {
        Directory.CreateDirectory(Path.Combine(directory, ReportContent.DataDirectory));
        foreach (var f in sections.SelectMany(s => s.Figures))
            Text(directory, $"{ReportContent.DataDirectory}/{f.Id}.csv", FigureCsv.Write(f), written);
    }

    /// <summary>The whole page.</summary>
    public static string Html(ExperimentSection section)
    {
        var sb = new StringBuilder(1 << 18);
        var title = Title(section);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>\n<style>\n")
            .Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n<p>")
            .Append("One reproduction of a paper's experiment: its setup, seeds and stopping rule, the tables of its summary, the paper's claims ")
            .Append("with what the runs say about them, and the figures, drawn from the run records and CSVs in <code>runs/</code>. ")
            .Append("The data of every plot is in <code>data/</code>, the machine-readable results in <code>results.json</code>; ")
            .Append("<code>implicitreg report --experiments DIR</code> puts this section into the claims report.</p>\n</header>\n");
        ExperimentHtml.Summary(sb, [section]);
        sb.Append("<main>\n");
        ExperimentHtml.Sections(sb, [section]);
        sb.Append("</main>\n<footer>\n<h2 id=\"provenance\">Provenance</h2>\n<table class=\"provenance\">\n<tbody>\n");
        foreach (var (name, value) in Provenance())
            sb.Append("<tr><th>").Append(HtmlText.Escape(name)).Append("</th><td>").Append(HtmlText.Escape(value)).Append("</td></tr>\n");
        sb.Append("</tbody>\n</table>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The Markdown version (tables and claims as text, figures by their CSV).</summary>
    public static string Markdown(ExperimentSection section)
    {
        var sb = new StringBuilder(1 << 14);
        sb.Append("# ").Append(Title(section)).Append('\n');
        ExperimentMarkdown.Sections(sb, [section]);
        sb.Append("\n## Provenance\n\n");
        foreach (var (name, value) in Provenance()) sb.Append("- ").Append(name).Append(": ").Append(value).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<(string, string)> Provenance()
    {
        var (version, commit) = ReportProvenance.BuildVersion();
        yield return ("toolkit", $"implicitreg {version}, commit {commit}");
        yield return (".NET", RuntimeInformation.FrameworkDescription + " (" + RuntimeInformation.RuntimeIdentifier + ")");
        yield return ("operating system", RuntimeInformation.OSDescription);
        yield return ("CPU", $"{ReportProvenance.CpuModel()}, {Environment.ProcessorCount} logical processors");
    }

    private static void Text(string directory, string relative, string text, List<string> written)
    {
        File.WriteAllText(Path.Combine(directory, relative), text.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8);
        written.Add(relative);
    }
}
