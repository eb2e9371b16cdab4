using ImplicitReg.Reports.Reproduction;
using System.Text;
using ImplicitReg.Reports.Html;

namespace ImplicitReg.Reports.Experiments;

/// <summary>The experiment sections of <c>report.md</c>: the same content as the HTML, figures referenced by their CSV data.</summary>
public static class ExperimentMarkdown
{
    /// <summary>A table of the sections, then one section per reproduction directory (nothing when there are none).</summary>
    public static void Sections(StringBuilder sb, IReadOnlyList<ExperimentSection> sections)
    {
        if (sections.Count == 0) return;
        sb.Append("\n## Experiments\n\n| experiment | title | runs | claims of the paper |\n| --- | --- | ---: | --- |\n");
        foreach (var s in sections)
            sb.Append("| [").Append(s.Experiment.Name).Append("](#").Append(s.Anchor).Append(") | ").Append(Cell(s.Experiment.Title)).Append(" | ")
                .Append(s.Manifest.RunCount).Append(" | ").Append(string.Join("; ", s.Summary.Claims.Select((c, i) => $"{i + 1}: {c.SupportName}"))).Append(" |\n");
        foreach (var s in sections) Section(sb, s);
    }

    private static void Section(StringBuilder sb, ExperimentSection s)
    {
        var (supported, notSupported, undecided) = s.Verdicts;
        sb.Append("\n<a id=\"").Append(s.Anchor).Append("\"></a>\n\n## Experiment ").Append(s.Experiment.Name).Append(" — ").Append(s.Experiment.Title).Append("\n\n")
            .Append("- directory: `").Append(s.Directory).Append("`\n")
            .Append("- runs: ").Append(s.Manifest.RunCount).Append(", every one present\n")
            .Append("- seeds: ").Append(string.Join(", ", s.Records.Select(r => r.Seed).Distinct().Order())).Append('\n')
            .Append("- claims: ").Append(supported).Append(" supported, ").Append(notSupported).Append(" not supported, ").Append(undecided).Append(" undecided\n")
            .Append("\n### Setup, seeds and stopping rule\n\n");
        foreach (var line in s.Manifest.Settings) sb.Append("- ").Append(line).Append('\n');
        sb.Append("\n### Results\n\n```text\n").Append(ReproductionText.Results(s.Summary).TrimEnd('\n')).Append("\n```\n")
            .Append("\n### Claims of the paper\n\n| # | claim | verdict | evidence |\n| ---: | --- | --- | --- |\n");
        for (int i = 0; i < s.Summary.Claims.Count; i++)
        {
            var c = s.Summary.Claims[i];
            sb.Append("| ").Append(i + 1).Append(" | ").Append(Cell(c.Claim)).Append(" | ")
                .Append(c.Support == ImplicitReg.Experiments.Reproduction.Support.NotSupported ? "**not supported**" : c.SupportName)
                .Append(" | ").Append(Cell(c.Evidence)).Append(" |\n");
        }
        foreach (var f in s.Figures)
            sb.Append("\n*Figure — ").Append(f.Title).Append(".* ").Append(f.Caption).Append(" Data: [`")
                .Append(ReportContent.DataDirectory).Append('/').Append(f.Id).Append(".csv`](")
                .Append(ReportContent.DataDirectory).Append('/').Append(f.Id).Append(".csv).\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
