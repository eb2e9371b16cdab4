using System.Globalization;
using System.Text;
using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Plots;
using ImplicitReg.Reports.Verification;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline SVG plots, MathML formulas, an inline style sheet;
/// no scripts, fonts or style sheets from anywhere else) with a summary table linking to one section per claim,
/// and the provenance at the end. The same content gives the same text; durations sit in
/// <c>&lt;span class="time"&gt;</c> elements and the start time in <c>&lt;span class="started"&gt;</c>.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The page's title.</summary>
    public const string Title = "ImplicitReg.Verify — claims report";

    /// <summary>The whole page.</summary>
    public static string Render(ReportContent content)
    {
        var sb = new StringBuilder(1 << 20);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(Title)).Append("</title>\n<style>\n")
            .Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");
        Header(sb, content);
        Summary(sb, content.Result);
        Experiments.ExperimentHtml.Summary(sb, content.Experiments);
        sb.Append("<main>\n");
        foreach (var claim in content.Result.Claims) Claim(sb, claim, content);
        Experiments.ExperimentHtml.Sections(sb, content.Experiments);
        sb.Append("</main>\n");
        ProvenanceSection(sb, content);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, ReportContent content)
    {
        var r = content.Result;
        sb.Append("<header>\n<h1>").Append(HtmlText.Escape(Title)).Append("</h1>\n<p>")
            .Append(CountsText(r))
            .Append(". Verdict of the run: ")
            .Append(r.ExitCode == VerificationResult.ExitOk
                ? "<span class=\"pass\">every check came back as its claim file expects</span>"
                : "<span class=\"fail\">not every check came back as expected</span>")
            .Append(CultureInfo.InvariantCulture, $" (exit code {r.ExitCode}). ")
            .Append(HtmlText.Escape(StrengthCounts(r))).Append(" Each claim links to its section; ")
            .Append("the data of every plot is in <code>data/</code>, every solver obligation in <code>smt2/</code>, ")
            .Append("the machine-readable results in <code>results.json</code>; provenance is <a href=\"#provenance\">at the end</a>.</p>\n");
        if (TreeWarning(content.Provenance) is { } warning)
            sb.Append("<p class=\"").Append(TreeClass(content.Provenance.Tree.State)).Append("\">")
                .Append(HtmlText.Escape(warning)).Append(" (<a href=\"#provenance\">provenance</a>)</p>\n");
        sb.Append("</header>\n");
    }

    /// <summary>"3 claims, 7 checks: 7 as expected, 0 not[, 1 claim file broken]": the opening of the HTML and Markdown pages.</summary>
    internal static string CountsText(VerificationResult r)
    {
        var (claims, checks, passed, failed, broken) = r.Counts;
        return $"{Plural.Count(claims - broken, "claim")}, {Plural.Count(checks, "check")}: " +
               string.Create(CultureInfo.InvariantCulture, $"{passed} as expected, {failed} not") +
               (broken > 0 ? $", {Plural.Count(broken, "claim file")} broken" : "");
    }

    /// <summary>
    /// Next to the verdict, not only at the end: results from a tree with uncommitted changes need not be the
    /// commit's, and a reviewer who reads the verdict and stops must know. Null when the tree was clean.
    /// </summary>
    internal static string? TreeWarning(Provenance.ReportProvenance p) => p.Tree.State switch
    {
        "clean" => null,
        "dirty" => $"These results need not be those of commit {p.Commit}: the claim files' working tree had uncommitted changes ({p.Tree.Detail}).",
        _ => $"Whether these results are exactly those of commit {p.Commit} is unknown: {p.Tree.Detail}.",
    };

    private static void Summary(StringBuilder sb, VerificationResult result)
    {
        sb.Append("<nav>\n<h2 id=\"summary\">Summary</h2>\n")
            .Append("<p class=\"legend\">Each check reads <em>id: expected → found [strength]</em>: the verdict its claim file expects, ")
            .Append("the verdict that came back (green when the two agree), and how strong the evidence is (exact, interval or numerical). ")
            .Append("A check expected <em>refuted</em> passes when it is refuted: a deliberately wrong variant (a negative control, ")
            .Append("showing that the check can fail) or a conjecture the claim disputes; the check's note says which.</p>\n")
            .Append("<table class=\"summary\">\n<thead><tr><th>claim</th><th>title</th>")
            .Append("<th>checks</th><th>verdicts (expected → found)</th><th>time</th><th>result</th></tr></thead>\n<tbody>\n");
        foreach (var claim in result.Claims)
        {
            sb.Append("<tr><td><a href=\"#").Append(ReportContent.ClaimAnchor(claim.Id)).Append("\">")
                .Append(HtmlText.Escape(claim.Id)).Append("</a></td><td>").Append(HtmlText.Escape(claim.Title)).Append("</td><td class=\"num\">")
                .Append(claim.Checks.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            if (claim.Broken) sb.Append("<span class=\"fail\">broken file</span>");
            sb.Append(string.Join("<br>", claim.Checks.Select(c =>
                $"<span class=\"verdict\"><a href=\"#{ReportContent.CheckAnchor(c.ClaimId, c.CheckId)}\">{HtmlText.Escape(c.CheckId)}</a>: " +
                $"<span class=\"outcome\">{ResultNames.Of(c.Expected)} → {VerdictSpan(c)} {StrengthSpan(EvidenceStrength.Of(c))}</span></span>")));
            sb.Append("</td><td class=\"num\">").Append(HtmlText.Time(claim.Time)).Append("</td><td>")
                .Append(claim.Passed ? "<span class=\"pass\">as expected</span>" : "<span class=\"fail\">NOT as expected</span>")
                .Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</nav>\n");
    }

    private static string StrengthSpan(EvidenceStrength strength) =>
        $"<span class=\"strength\" title=\"{HtmlText.Escape(strength.Explanation)}\">[{strength.Label}]</span>";

    /// <summary>"Evidence: 169 checks exact, 10 numerical (floating-point runs, not proofs)." for the page's header.</summary>
    internal static string StrengthCounts(VerificationResult r)
    {
        var counts = r.Checks.GroupBy(c => EvidenceStrength.Of(c).Label).ToDictionary(g => g.Key, g => g.Count());
        var parts = new[] { "exact", "interval", "numerical", "none" }.Where(counts.ContainsKey).Select(l => l switch
        {
            "exact" => $"{counts[l]} exact (symbolic identities, solver proofs, exactly confirmed counterexamples)",
            "interval" => $"{counts[l]} interval (counterexamples confirmed by interval arithmetic)",
            "numerical" => $"{counts[l]} numerical (floating-point runs and evaluations: observations, not proofs)",
            _ => $"{counts[l]} without a verdict",
        });
        return "Evidence of the checks: " + string.Join(", ", parts) + ".";
    }

    private static string VerdictSpan(CheckResult c) =>
        $"<span class=\"{(c.Passed ? "pass" : "fail")}\">{ResultNames.Of(c.Verdict)}</span>";

    private static void Claim(StringBuilder sb, ClaimResult claim, ReportContent content)
    {
        sb.Append("<section class=\"claim\" id=\"").Append(ReportContent.ClaimAnchor(claim.Id)).Append("\">\n<h2>")
            .Append(HtmlText.Escape(claim.Id)).Append(claim.Title.Length > 0 ? " — " + HtmlText.Escape(claim.Title) : "").Append("</h2>\n");
        sb.Append("<dl class=\"facts\">\n");
        Fact(sb, "source", Source(claim));
        if (claim.Theory is { Length: > 0 } theory) Fact(sb, "statement of the theory", HtmlText.Escape(theory));
        Fact(sb, "claim file", $"<code>{HtmlText.Escape(claim.File)}</code>");
        if (content.Specs.TryGetValue(claim.Id, out var spec))
        {
            if (ReportContent.DescribeModel(spec.Model) is { } model) Fact(sb, "model", HtmlText.Escape(model));
            if (spec.Assumptions.Count > 0)
                Fact(sb, "assumptions", string.Concat(spec.Assumptions.Select(a =>
                    a.Formula is { } f ? MathMarkup.Block(f.Expr) : $"<p>{HtmlText.Escape(a.Prose)}</p>")));
        }
        Fact(sb, "result", (claim.Passed ? "<span class=\"pass\">every check as expected</span>" : "<span class=\"fail\">NOT as expected</span>") +
            " in " + HtmlText.Time(claim.Time));
        sb.Append("</dl>\n");
        foreach (var d in claim.Diagnostics)
            sb.Append("<p class=\"fail\">").Append(HtmlText.Escape(d.ToString())).Append("</p>\n");
        if (claim.Prose is { Length: > 0 } prose) sb.Append("<h3>Statement</h3>\n<p>").Append(HtmlText.Escape(prose)).Append("</p>\n");
        if (claim.Formulas.Count > 0)
        {
            if (claim.Prose is not { Length: > 0 }) sb.Append("<h3>Statement</h3>\n");
            sb.Append("<div class=\"formulas\">\n");
            foreach (var f in claim.Formulas) sb.Append(MathMarkup.WithWritten(f)).Append('\n');
            sb.Append("</div>\n");
        }
        foreach (var check in claim.Checks) Check(sb, check, content);
        var figures = content.FiguresOf(claim.Id);
        if (figures.Count > 0)
        {
            sb.Append("<h3>Figures</h3>\n");
            foreach (var f in figures) Figure(sb, f);
        }
        sb.Append("</section>\n");
    }

    private static string Source(ClaimResult claim)
    {
        var parts = new[] { claim.Paper, claim.Where }.Where(p => p is { Length: > 0 }).Select(HtmlText.Escape).ToArray();
        return parts.Length == 0 ? "<span class=\"muted\">not stated</span>" : string.Join(", ", parts);
    }

    private static void Fact(StringBuilder sb, string name, string valueHtml) =>
        sb.Append("<dt>").Append(HtmlText.Escape(name)).Append("</dt><dd>").Append(valueHtml).Append("</dd>\n");

    private static void Figure(StringBuilder sb, ClaimFigure f)
    {
        var id = f.Figure.Id;
        sb.Append("<figure id=\"fig-").Append(id).Append("\">\n").Append(SvgFigure.Render(f.Figure)).Append('\n')
            .Append("<figcaption id=\"").Append(id).Append("-caption\"><strong>").Append(HtmlText.Escape(f.Figure.Title))
            .Append(".</strong> ").Append(HtmlText.Escape(f.Figure.Caption)).Append(" From check")
            .Append(f.CheckIds.Count == 1 ? " " : "s ")
            .Append(string.Join(", ", f.CheckIds.Select(HtmlText.Escape))).Append(". Data: <a href=\"")
            .Append(ReportContent.DataDirectory).Append('/').Append(id).Append(".csv\"><code>")
            .Append(ReportContent.DataDirectory).Append('/').Append(id).Append(".csv</code></a>.</figcaption>\n</figure>\n");
    }

    private static void ProvenanceSection(StringBuilder sb, ReportContent content)
    {
        var p = content.Provenance;
        sb.Append("<footer>\n<h2 id=\"provenance\">Provenance</h2>\n<table class=\"provenance\">\n<tbody>\n");
        Row(sb, "toolkit", HtmlText.Escape($"implicitreg {p.ToolkitVersion}, commit {p.Commit}"));
        Row(sb, "working tree", $"<span class=\"{TreeClass(p.Tree.State)}\">{HtmlText.Escape(p.TreeText())}</span>");
        Row(sb, ".NET", HtmlText.Escape(p.DotNet));
        Row(sb, "Z3", HtmlText.Escape(p.Z3));
        Row(sb, "operating system", HtmlText.Escape(p.OperatingSystem));
        Row(sb, "CPU", HtmlText.Escape($"{p.Cpu}, {p.ProcessorCount} logical processors; {p.Jobs} jobs"));
        Row(sb, "started", "<span class=\"started\">" + HtmlText.Escape(p.Started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)) + "</span>");
        Row(sb, "duration", HtmlText.Time(p.Elapsed) + " wall clock (claims run in parallel; each claim's time is in the summary)");
        Row(sb, "seeds", p.Seeds.Count == 0 ? "none (no check drew random numbers)"
            : string.Join("<br>", p.Seeds.Select(s => HtmlText.Escape($"{s.Claim} / {s.Check}: seed {s.Seed}"))));
        sb.Append("</tbody>\n</table>\n<p class=\"muted\">Apart from the start time and the durations, the same claims and toolkit give the same report, byte for byte.</p>\n</footer>\n");
    }

    // Dirty is what a reviewer must not miss (the results need not be the commit's); unknown is neither good nor bad.
    private static string TreeClass(string state) => state switch
    {
        "clean" => "pass",
        "dirty" => "fail",
        _ => "undecided",
    };

    private static void Row(StringBuilder sb, string name, string valueHtml) =>
        sb.Append("<tr><th>").Append(HtmlText.Escape(name)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");
}
