using ImplicitReg.Reports.Reproduction;
using System.Globalization;
using System.Text;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// The HTML of experiment sections, shared by the claims report (<c>report --experiments</c>) and the page that
/// <c>reproduce</c> and <c>merge</c> write beside their results: a summary table linking to one section per
/// reproduction directory, and each section with its setup, seeds and stopping rule, the tables of the summary, the
/// paper's claims with their verdicts and evidence, and the figures (inline SVG, data in <c>data/</c>).
/// </summary>
public static class ExperimentHtml
{
    /// <summary>The summary table of the sections (nothing when there are none).</summary>
    public static void Summary(StringBuilder sb, IReadOnlyList<ExperimentSection> sections)
    {
        if (sections.Count == 0) return;
        sb.Append("<nav>\n<h2 id=\"experiments\">Experiments</h2>\n<table class=\"summary experiments\">\n<thead><tr><th>experiment</th><th>title</th>")
            .Append("<th>runs</th><th>claims of the paper</th><th>figures</th></tr></thead>\n<tbody>\n");
        foreach (var s in sections)
        {
            sb.Append("<tr><td><a href=\"#").Append(s.Anchor).Append("\">").Append(HtmlText.Escape(s.Experiment.Name)).Append("</a></td><td>")
                .Append(HtmlText.Escape(s.Experiment.Title)).Append("<br><code>").Append(HtmlText.Escape(s.Directory)).Append("</code></td><td class=\"num\">")
                .Append(s.Manifest.RunCount.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(string.Join("<br>", s.Summary.Claims.Select((c, i) =>
                    $"<a href=\"#{ClaimAnchor(s, i)}\">claim {i + 1}</a>: {SupportSpan(c)}")))
                .Append("</td><td class=\"num\">").Append(s.Figures.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</nav>\n");
    }

    /// <summary>One section per reproduction directory.</summary>
    public static void Sections(StringBuilder sb, IReadOnlyList<ExperimentSection> sections)
    {
        foreach (var s in sections) Section(sb, s);
    }

    /// <summary>The HTML id of the <paramref name="index"/>-th claim (from 0) of a section.</summary>
    public static string ClaimAnchor(ExperimentSection s, int index) => $"{s.Anchor}-claim-{index + 1}";

    private static void Section(StringBuilder sb, ExperimentSection s)
    {
        var (supported, notSupported, undecided) = s.Verdicts;
        var seeds = s.Records.Select(r => r.Seed).Distinct().Order().ToList();
        sb.Append("<section class=\"experiment\" id=\"").Append(s.Anchor).Append("\">\n<h2>Experiment ").Append(HtmlText.Escape(s.Experiment.Name))
            .Append(" — ").Append(HtmlText.Escape(s.Experiment.Title)).Append("</h2>\n<dl class=\"facts\">\n");
        Fact(sb, "directory", $"<code>{HtmlText.Escape(s.Directory)}</code> (written by <code>implicitreg reproduce {HtmlText.Escape(s.Experiment.Name)}</code> or <code>implicitreg merge</code>)");
        Fact(sb, "runs", HtmlText.Escape($"{s.Manifest.RunCount} runs, every one present; " +
            $"{s.Records.Count(r => !r.Has("status") || r.Text("status") == "converged")} converged"));
        Fact(sb, "seeds", HtmlText.Escape(string.Join(", ", seeds)) + " <span class=\"muted\">(each run's seed is in its record and in <code>results.json</code>)</span>");
        Fact(sb, "claims", $"<span class=\"pass\">{supported} supported</span>, <span class=\"fail\">{notSupported} not supported</span>, " +
                           $"<span class=\"undecided\">{undecided} undecided</span>");
        sb.Append("</dl>\n<h3>Setup, seeds and stopping rule</h3>\n<ul class=\"setup\">\n");
        foreach (var line in s.Manifest.Settings) sb.Append("<li>").Append(HtmlText.Escape(line)).Append("</li>\n");
        sb.Append("</ul>\n<h3>Results</h3>\n<pre class=\"experiment-table\">");
        sb.Append(HtmlText.Escape(ReproductionText.Results(s.Summary).TrimEnd('\n'))).Append("</pre>\n");
        sb.Append("<h3>Claims of the paper</h3>\n<table class=\"experiment-claims\">\n<thead><tr><th>#</th><th>claim</th><th>verdict</th><th>evidence</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < s.Summary.Claims.Count; i++)
        {
            var c = s.Summary.Claims[i];
            sb.Append("<tr id=\"").Append(ClaimAnchor(s, i)).Append("\"><td class=\"num\">").Append(i + 1).Append("</td><td>").Append(HtmlText.Escape(c.Claim))
                .Append("</td><td>").Append(SupportSpan(c)).Append("</td><td>").Append(HtmlText.Escape(c.Evidence)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (s.Figures.Count > 0)
        {
            sb.Append("<h3>Figures</h3>\n");
            foreach (var f in s.Figures) Figure(sb, f, s);
        }
        else sb.Append("<p class=\"muted\">No figures are drawn for this experiment yet; its runs' data are in <code>")
            .Append(HtmlText.Escape(s.Directory)).Append("/runs</code>.</p>\n");
        sb.Append("</section>\n");
    }

    /// <summary>The verdict as the report colours it: supported green, not supported red, undecided amber.</summary>
    public static string SupportSpan(ClaimCheck c) => c.Support switch
    {
        Support.Supported => "<span class=\"pass\">supported</span>",
        Support.NotSupported => "<span class=\"fail\">not supported</span>",
        _ => "<span class=\"undecided\">undecided</span>",
    };

    private static void Figure(StringBuilder sb, Figure f, ExperimentSection s)
    {
        sb.Append("<figure id=\"fig-").Append(f.Id).Append("\">\n").Append(SvgFigure.Render(f)).Append('\n')
            .Append("<figcaption id=\"").Append(f.Id).Append("-caption\"><strong>").Append(HtmlText.Escape(f.Title)).Append(".</strong> ")
            .Append(HtmlText.Escape(f.Caption)).Append(" From the run records and CSVs of <code>").Append(HtmlText.Escape(s.Directory))
            .Append("</code>. Data: <a href=\"").Append(ReportContent.DataDirectory).Append('/').Append(f.Id).Append(".csv\"><code>")
            .Append(ReportContent.DataDirectory).Append('/').Append(f.Id).Append(".csv</code></a>.</figcaption>\n</figure>\n");
    }

    private static void Fact(StringBuilder sb, string name, string valueHtml) =>
        sb.Append("<dt>").Append(HtmlText.Escape(name)).Append("</dt><dd>").Append(valueHtml).Append("</dd>\n");
}
