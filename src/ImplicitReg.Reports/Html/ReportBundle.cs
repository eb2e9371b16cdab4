using System.Text;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Plots;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// Writes a report directory: <c>report.html</c>, <c>report.md</c>, <c>results.json</c>, <c>provenance.json</c>,
/// <c>data/*.csv</c> (one per figure) and <c>smt2/*.smt2</c> (every certificate of every solver obligation).
/// Files are UTF-8 without a byte-order mark, with LF line endings, so the same content gives the same bytes
/// on every system.
/// </summary>
public static class ReportBundle
{
    /// <summary>The report page's file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>The results' file name (the same document as <c>verify --json</c>).</summary>
    public const string ResultsFile = "results.json";

    /// <summary>The provenance file's name.</summary>
    public const string ProvenanceFile = "provenance.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// A step of a lemma chain names the lemma certificates it relies on by their file names beside it
    /// (<c>;   lemma 1: … (spectral-lemma1.smt2)</c>); in the report they are renamed, so the header is rewritten to
    /// the names in <c>smt2/</c>, and a reviewer finds every file the step relies on.
    /// </summary>
    public static string RenameLemmaFiles(string smt2, string source, IReadOnlyDictionary<string, string> renamed)
    {
        var dir = Path.GetDirectoryName(source);
        var lines = smt2.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(";   lemma ", StringComparison.Ordinal)) continue;
            foreach (var (file, relative) in renamed.Where(r => Path.GetDirectoryName(r.Key) == dir))
            {
                var name = Path.GetFileName(file);
                lines[i] = lines[i].Replace($"({name}", $"({Path.GetFileName(relative)}", StringComparison.Ordinal)
                    .Replace($", {name}", $", {Path.GetFileName(relative)}", StringComparison.Ordinal);
            }
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// A proved obligation's certificate ends at its <c>(check-sat)</c>: a model request after an <c>unsat</c> answer
    /// makes z3 exit 1 and cvc5 print an error, so the reviewer's replay would look like a failure.
    /// </summary>
    public static string EndAtCheckSat(string smt2)
    {
        // The command on a line of its own (comments may mention it).
        var lines = smt2.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = Array.FindIndex(lines, l => l.Trim() == "(check-sat)");
        return at < 0 ? smt2 : string.Join("\n", lines[..(at + 1)]) + "\n";
    }

    /// <summary>
    /// Writes every file into <paramref name="directory"/> (created if needed). CSV and SMT-LIB files left by an
    /// earlier report in <c>data/</c> and <c>smt2/</c> are removed first, so the directory shows this run only.
    /// Returns the paths written, relative to the directory, in order.
    /// </summary>
    /// <exception cref="IOException">A certificate named by a check is missing, or a file cannot be written.</exception>
    public static IReadOnlyList<string> Write(string directory, ReportContent content, string resultsJson)
    {
        var data = Path.Combine(directory, ReportContent.DataDirectory);
        var smt2 = Path.Combine(directory, ReportContent.CertificateDirectory);
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(smt2);
        foreach (var stale in Directory.EnumerateFiles(data, "*.csv")) File.Delete(stale);
        foreach (var stale in Directory.EnumerateFiles(smt2, "*.smt2")) File.Delete(stale);

        var written = new List<string>();
        void Text(string relative, string text)
        {
            File.WriteAllText(Path.Combine(directory, relative), text.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8);
            written.Add(relative);
        }

        foreach (var claim in content.Result.Claims)
        {
            foreach (var f in content.FiguresOf(claim.Id))
                Text($"{ReportContent.DataDirectory}/{f.Figure.Id}.csv", FigureCsv.Write(f.Figure));
        }
        Experiments.ExperimentPage.WriteData(directory, content.Experiments, written);
        foreach (var (source, relative) in content.Certificates.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            if (!File.Exists(source)) throw new IOException($"certificate {source} named by a check does not exist");
            // Certificates are text; normalising line endings keeps the bytes independent of the writer's platform.
            var text = RenameLemmaFiles(File.ReadAllText(source), source, content.Certificates);
            Text(relative, content.ProvedCertificates.Contains(source) ? EndAtCheckSat(text) : text);
        }
        Text(HtmlFile, HtmlReport.Render(content));
        Text(MarkdownFile, MarkdownReport.Render(content));
        Text(ResultsFile, resultsJson.EndsWith('\n') ? resultsJson : resultsJson + "\n");
        Text(ProvenanceFile, ProvenanceJson.Write(content.Provenance));
        return written;
    }
}
