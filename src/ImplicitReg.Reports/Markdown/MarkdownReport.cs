using System.Globalization;
using System.Text;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Verification;

namespace ImplicitReg.Reports.Markdown;

/// <summary>
/// Writes <c>report.md</c>: the report's text with LaTeX formulas (<c>$$ … $$</c>), for pasting into papers and
/// reviews. Figures are referenced by their CSV data (Markdown cannot inline the SVG portably). Hand-written
/// rather than through Markdig because Markdig parses Markdown; it does not compose it.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The whole document.</summary>
    public static string Render(ReportContent content)
    {
        var sb = new StringBuilder(1 << 16);
        var r = content.Result;
        sb.Append("# ").Append(HtmlReport.Title).Append("\n\n")
            .Append(HtmlReport.CountsText(r))
            .Append(CultureInfo.InvariantCulture, $" (exit code {r.ExitCode}). ")
            .Append(HtmlReport.StrengthCounts(r)).Append("\n\n")
            .Append(HtmlReport.TreeWarning(content.Provenance) is { } warning ? (content.Provenance.Tree.State == "dirty" ? "**" + warning + "**" : warning) + "\n\n" : "")
            .Append("| claim | title | checks | verdicts (expected → found) | time | result |\n| --- | --- | ---: | --- | ---: | --- |\n");
        foreach (var claim in r.Claims)
        {
            sb.Append("| [").Append(Cell(claim.Id)).Append("](#").Append(ReportContent.ClaimAnchor(claim.Id)).Append(") | ")
                .Append(Cell(claim.Title)).Append(" | ").Append(claim.Checks.Count).Append(" | ")
                .Append(claim.Broken ? "broken file" : string.Join("; ", claim.Checks.Select(c => $"{Cell(c.CheckId)}: {ResultNames.Of(c.Expected)} → {ResultNames.Of(c.Verdict)} [{EvidenceStrength.Of(c).Label}]")))
                .Append(" | ").Append(HtmlText.Duration(claim.Time)).Append(" | ").Append(claim.Passed ? "as expected" : "**NOT as expected**").Append(" |\n");
        }
        foreach (var claim in r.Claims) Claim(sb, claim, content);
        Experiments.ExperimentMarkdown.Sections(sb, content.Experiments);
        Provenance(sb, content);
        return sb.ToString();
    }

    private static void Claim(StringBuilder sb, ClaimResult claim, ReportContent content)
    {
        sb.Append("\n<a id=\"").Append(ReportContent.ClaimAnchor(claim.Id)).Append("\"></a>\n\n## ").Append(claim.Id)
            .Append(claim.Title.Length > 0 ? " — " + claim.Title : "").Append("\n\n");
        var source = string.Join(", ", new[] { claim.Paper, claim.Where }.Where(p => p is { Length: > 0 }));
        sb.Append("- source: ").Append(source.Length > 0 ? source : "not stated").Append('\n');
        if (claim.Theory is { Length: > 0 } t) sb.Append("- statement of the theory: ").Append(t).Append('\n');
        sb.Append("- claim file: `").Append(claim.File).Append("`\n");
        if (content.Specs.TryGetValue(claim.Id, out var spec))
        {
            if (ReportContent.DescribeModel(spec.Model) is { } model) sb.Append("- model: ").Append(model).Append('\n');
            foreach (var a in spec.Assumptions)
                sb.Append("- assumption: ").Append(a.Formula is { } f ? "$" + Symbolic.Printing.LatexPrinter.Print(f.Expr) + "$" : a.Prose).Append('\n');
        }
        foreach (var d in claim.Diagnostics) sb.Append("- **error**: `").Append(d).Append("`\n");
        if (claim.Prose is { Length: > 0 } prose) sb.Append('\n').Append(prose).Append('\n');
        foreach (var f in claim.Formulas) sb.Append('\n').Append(LatexMarkup.Block(f)).Append("\nas written: `").Append(f).Append("`\n");
        foreach (var check in claim.Checks) Check(sb, check, content);
        foreach (var f in content.FiguresOf(claim.Id))
            sb.Append("\n*Figure — ").Append(f.Figure.Title).Append(".* ").Append(f.Figure.Caption).Append(" Data: [`")
                .Append(ReportContent.DataDirectory).Append('/').Append(f.Figure.Id).Append(".csv`](")
                .Append(ReportContent.DataDirectory).Append('/').Append(f.Figure.Id).Append(".csv).\n");
    }

    private static void Check(StringBuilder sb, CheckResult check, ReportContent content)
    {
        var strength = EvidenceStrength.Of(check);
        sb.Append("\n### Check ").Append(check.CheckId).Append(" (").Append(ResultNames.Of(check.Kind)).Append("): expected ")
            .Append(ResultNames.Of(check.Expected)).Append(", found ").Append(ResultNames.Of(check.Verdict))
            .Append(check.Passed ? "" : " — **NOT as expected**").Append("\n\n**Evidence: ").Append(strength.Label).Append("** — ")
            .Append(strength.Explanation).Append(".\n\n").Append(check.Evidence)
            .Append(" (`").Append(check.Location).Append("`, ").Append(HtmlText.Duration(check.Time)).Append(")\n");
        if (check.Reason is { Length: > 0 } reason) sb.Append("\n```\n").Append(reason).Append("\n```\n");
        var spec = content.SpecOf(check.ClaimId, check.CheckId);
        if (spec?.Note is { Length: > 0 } note) sb.Append("\n**Note (claim file):** ").Append(note).Append('\n');
        if (spec is not null && CheckSettings.Describe(spec) is { } settings) sb.Append("\n**Settings (claim file; defaults where it sets none):** ").Append(settings).Append(".\n");
        var (command, also) = CheckSettings.Rerun(content.Result, check);
        sb.Append("\n**Run it again:** `").Append(command).Append('`')
            .Append(also.Count == 0 ? "" : $" (also runs {string.Join(", ", also)}, whose ids contain it)").Append('\n');
        switch (check.Details)
        {
            case DerivationEvidence d:
                for (int i = 0; i < d.Steps.Count; i++)
                {
                    var step = d.Steps[i];
                    sb.Append('\n').Append(i + 1).Append(". **").Append(step.Name).Append("** [").Append(step.Verdict).Append("] because ")
                        .Append(step.Reason).Append('\n');
                    foreach (var eq in step.Equations.Take(HtmlReport.EquationsShownPerStep))
                        sb.Append('\n').Append(LatexMarkup.Display(LatexMarkup.Equation(eq))).Append('\n');
                    if (step.Equations.Count > HtmlReport.EquationsShownPerStep)
                        sb.Append("\n… and ").Append(step.Equations.Count - HtmlReport.EquationsShownPerStep).Append(" more equations (all in `results.json`).\n");
                    if (step.Witness is { Length: > 0 } w) sb.Append("\nwitness: `").Append(w).Append("`\n");
                }
                sb.Append("\nConclusion [").Append(d.Conclusion).Append("]: ").Append(d.ConclusionText).Append('\n');
                break;
            case ProofEvidence p:
                var proveSpec = content.SpecOf(check.ClaimId, check.CheckId) as ProveCheckSpec;
                for (int i = 0; i < p.Obligations.Count; i++)
                {
                    var o = p.Obligations[i];
                    sb.Append("\n- obligation: ").Append(o.Verdict);
                    if (o.Assumptions.Count > 0) sb.Append(", assuming ").Append(string.Join(", ", o.Assumptions.Select(Inline)));
                    sb.Append(": ").Append(Inline(o.Statement)).Append(" (as written: `").Append(o.Statement).Append("`)\n");
                    if (o.Counterexample is { Count: > 0 } cex)
                        sb.Append("  - counterexample: ").Append(string.Join(", ", cex.Select(kv => $"`{kv.Key} = {kv.Value}`")))
                            .Append(o.Confirmation is { } how ? $" ({how})" : "").Append('\n');
                    var steps = ProofSteps.Of(o, check.CheckId, i, p.Obligations.Count, proveSpec);
                    foreach (var step in steps)
                    {
                        if (o.Lemmas.Count > 0)
                            sb.Append("  - ").Append(step.Lemma is { } k ? $"lemma {k}" : "the statement").Append(" (").Append(ProofSteps.UsesText(step.Uses))
                                .Append("): ").Append(step.Verdict).Append(step.Lemma is null ? "" : ": " + Inline(step.Statement))
                                .Append(step.Reason is { Length: > 0 } why ? $" ({why})" : "").Append('\n');
                        foreach (var (file, @case) in step.Certificates)
                        {
                            var f = content.CertificatePath(file);
                            sb.Append(o.Lemmas.Count > 0 ? "    " : "  ").Append("- certificate [`").Append(f).Append("`](").Append(f).Append(')')
                                .Append(o.Lemmas.Count > 0 || @case > 0 ? $" ({ProofSteps.Label(step.Lemma, @case)})" : "")
                                .Append(": replay with `z3 ").Append(f).Append("` or `cvc5 ").Append(f).Append("`\n");
                        }
                    }
                    if (o.ChainFailure is { Length: > 0 } failure)
                        sb.Append("  - the lemmas did not prove it (").Append(failure).Append("); the statement was then tried alone, and that verdict stands\n");
                }
                break;
            case CompareEvidence c when c.Gaps.Count > 0:
                sb.Append("\n| step size η | steps | gap | order |\n| ---: | ---: | ---: | ---: |\n");
                foreach (var g in c.Gaps)
                    sb.Append("| ").Append(HtmlText.Number(g.StepSize)).Append(" | ").Append(g.Steps).Append(" | ").Append(HtmlText.Number(g.Gap))
                        .Append(" | ").Append(g.Order is { } o ? HtmlText.Number(o) : "").Append(" |\n");
                break;
            case SimulateEvidence s:
                sb.Append("\nRun: ").Append(s.Run).Append("; seed ").Append(s.Seed).Append("; ").Append(s.Status).Append(".\n");
                // A failing record is numbered from 1, as the check's reason counts records ("is false at record 2 of 2").
                foreach (var pr in s.Predicates)
                    sb.Append("\n- ").Append(pr.Name).Append(" (").Append(pr.Kind).Append(", ").Append(pr.At).Append("): ").Append(Inline(pr.Formula))
                        .Append(pr.Where is { } w ? " where " + Inline(w) : "").Append(pr.Held ? " — held" : " — **failed**")
                        .Append(pr.FailingRecord is { } k ? $" at record {k + 1}" : "").Append('\n');
                break;
        }
    }

    private static string Inline(string formula) => LatexMarkup.FromText(formula) is { } tex ? "$" + tex + "$" : "`" + formula + "`";

    private static void Provenance(StringBuilder sb, ReportContent content)
    {
        var p = content.Provenance;
        sb.Append("\n## Provenance\n\n")
            .Append("- toolkit: implicitreg ").Append(p.ToolkitVersion).Append(", commit ").Append(p.Commit).Append('\n')
            .Append("- working tree: ").Append(p.Tree.State == "dirty" ? "**dirty**" + p.TreeText()["dirty".Length..] : p.TreeText()).Append('\n')
            .Append("- .NET: ").Append(p.DotNet).Append('\n')
            .Append("- Z3: ").Append(p.Z3).Append('\n')
            .Append("- operating system: ").Append(p.OperatingSystem).Append('\n')
            .Append("- CPU: ").Append(p.Cpu).Append(", ").Append(p.ProcessorCount).Append(" logical processors; ").Append(p.Jobs).Append(" jobs\n")
            .Append("- started: ").Append(p.Started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append('\n')
            .Append("- duration: ").Append(HtmlText.Duration(p.Elapsed)).Append('\n')
            .Append("- seeds: ").Append(p.Seeds.Count == 0 ? "none" : string.Join("; ", p.Seeds.Select(s => $"{s.Claim}/{s.Check}: {s.Seed}"))).Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
