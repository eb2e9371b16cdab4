using System.Text;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Reports.Verification;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Html;

public static partial class HtmlReport
{
    /// <summary>
    /// Most equations shown per derivation step: a depth-5 layer flow has hundreds, which would bury the step's
    /// point; all of them are in results.json.
    /// </summary>
    public const int EquationsShownPerStep = 8;

    private static void Check(StringBuilder sb, CheckResult check, ReportContent content)
    {
        // Once for the label beside the verdict and the paragraph under it.
        var strength = EvidenceStrength.Of(check);
        sb.Append("<h3 id=\"").Append(ReportContent.CheckAnchor(check.ClaimId, check.CheckId)).Append("\">Check ")
            .Append(HtmlText.Escape(check.CheckId)).Append(" (").Append(ResultNames.Of(check.Kind)).Append("): expected ")
            .Append(ResultNames.Of(check.Expected)).Append(", found ").Append(VerdictSpan(check)).Append(' ').Append(StrengthSpan(strength)).Append("</h3>\n");
        sb.Append("<p class=\"strength\"><strong>Evidence: ").Append(strength.Label).Append("</strong> — ").Append(HtmlText.Escape(strength.Explanation)).Append(".</p>\n");
        sb.Append("<p>").Append(HtmlText.Escape(check.Evidence)).Append(" <span class=\"muted\">(")
            .Append(HtmlText.Escape(check.Location.ToString())).Append(", ").Append(HtmlText.Time(check.Time)).Append(")</span></p>\n");
        if (check.Reason is { Length: > 0 } reason)
            sb.Append("<pre class=\"reason\">").Append(HtmlText.Escape(reason)).Append("</pre>\n");
        Settings(sb, check, content);
        switch (check.Details)
        {
            case DerivationEvidence d:
                Derivation(sb, d);
                break;
            case ProofEvidence p:
                Proof(sb, p, check, content);
                break;
            case CompareEvidence c:
                Compare(sb, c);
                break;
            case SimulateEvidence s:
                Simulate(sb, s);
                break;
        }
    }

    // The check's note (what a negative control gets wrong), its settings as the claim file gives them, and the one
    // command that runs it again: a verdict without them cannot be weighed or repeated.
    private static void Settings(StringBuilder sb, CheckResult check, ReportContent content)
    {
        var spec = content.SpecOf(check.ClaimId, check.CheckId);
        if (spec?.Note is { Length: > 0 } note) sb.Append("<p class=\"note\"><strong>Note (claim file):</strong> ").Append(HtmlText.Escape(note)).Append("</p>\n");
        if (spec is not null && CheckSettings.Describe(spec) is { } settings)
            sb.Append("<p class=\"settings\"><strong>Settings (claim file; defaults where it sets none):</strong> ").Append(HtmlText.Escape(settings)).Append(".</p>\n");
        var (command, also) = CheckSettings.Rerun(content.Result, check);
        sb.Append("<p class=\"rerun\"><strong>Run it again:</strong> <code>").Append(HtmlText.Escape(command))
            .Append("</code>").Append(also.Count == 0 ? "" : $" <span class=\"muted\">(also runs {HtmlText.Escape(string.Join(", ", also))}, whose ids contain it)</span>")
            .Append("</p>\n");
    }

    private static void Derivation(StringBuilder sb, DerivationEvidence d)
    {
        sb.Append("<p>Derivation <code>").Append(HtmlText.Escape(d.Derivation)).Append("</code>");
        if (d.Setting.Count > 0) sb.Append(": ").Append(HtmlText.Escape(string.Join("; ", d.Setting)));
        sb.Append(".</p>\n");
        for (int i = 0; i < d.Steps.Count; i++)
        {
            var step = d.Steps[i];
            sb.Append("<div class=\"step\"><h4>").Append(i + 1).Append(". ").Append(HtmlText.Escape(step.Name))
                .Append(" <span class=\"muted\">[").Append(HtmlText.Escape(step.Verdict)).Append("]</span></h4>\n");
            foreach (var eq in step.Equations.Take(EquationsShownPerStep)) sb.Append(MathMarkup.Equation(eq)).Append('\n');
            if (step.Equations.Count > EquationsShownPerStep)
                sb.Append("<p class=\"muted\">… and ").Append(step.Equations.Count - EquationsShownPerStep)
                    .Append(" more equations (all in <code>results.json</code>).</p>\n");
            sb.Append("<p>because ").Append(HtmlText.Escape(step.Reason)).Append("</p>\n");
            if (step.Witness is { Length: > 0 } w) sb.Append("<p class=\"fail\">witness: ").Append(HtmlText.Escape(w)).Append("</p>\n");
            sb.Append("</div>\n");
        }
        if (d.Published.Count > 0)
        {
            sb.Append("<h4>Published formulas (from the claim file)</h4>\n<div class=\"formulas\">\n");
            foreach (var (key, formula) in d.Published.OrderBy(p => p.Key, StringComparer.Ordinal))
                sb.Append("<p><code>").Append(HtmlText.Escape(key)).Append("</code></p>\n").Append(MathMarkup.FromText(formula)).Append('\n');
            sb.Append("</div>\n");
        }
        sb.Append("<p>Conclusion [").Append(HtmlText.Escape(d.Conclusion)).Append("]: ").Append(HtmlText.Escape(d.ConclusionText)).Append("</p>\n");
        if (d.Snapshot is { } snap)
            sb.Append("<p>Snapshot <code>").Append(HtmlText.Escape(snap.VerifiedPath)).Append("</code>: ")
                .Append(snap.Outcome.ToString().ToLowerInvariant())
                .Append(snap.FirstDifference is { } diff ? " — first difference: " + HtmlText.Escape(diff) : "").Append("</p>\n");
    }

    private static void Proof(StringBuilder sb, ProofEvidence p, CheckResult check, ReportContent content)
    {
        var spec = content.SpecOf(check.ClaimId, check.CheckId) as ProveCheckSpec;
        for (int i = 0; i < p.Obligations.Count; i++)
        {
            var o = p.Obligations[i];
            sb.Append("<div class=\"step\"><h4>Obligation ").Append(i + 1).Append(": ")
                .Append(HtmlText.Escape(o.Verdict)).Append(" <span class=\"muted\">(").Append(HtmlText.Time(o.Time)).Append(")</span></h4>\n");
            if (o.Assumptions.Count > 0)
            {
                sb.Append("<p>assuming</p>\n<div class=\"formulas\">\n");
                foreach (var a in o.Assumptions) sb.Append(MathMarkup.FromText(a)).Append('\n');
                sb.Append("</div>\n<p>the statement</p>\n");
            }
            sb.Append("<div class=\"formulas\">\n").Append(MathMarkup.WithWritten(o.Statement)).Append("\n</div>\n");
            if (o.Counterexample is { Count: > 0 } cex)
            {
                sb.Append("<p>counterexample (").Append(HtmlText.Escape(o.Confirmation ?? "confirmed by the kernel")).Append("):</p>\n<table><thead><tr><th>symbol</th><th>value</th></tr></thead><tbody>\n");
                foreach (var (name, value) in cex)
                    sb.Append("<tr><td><code>").Append(HtmlText.Escape(name)).Append("</code></td><td><code>").Append(HtmlText.Escape(value)).Append("</code></td></tr>\n");
                sb.Append("</tbody></table>\n");
            }
            if (o.Reason is { Length: > 0 } why) sb.Append("<p>solver's reason: ").Append(HtmlText.Escape(why)).Append("</p>\n");
            var steps = ProofSteps.Of(o, check.CheckId, i, p.Obligations.Count, spec);
            if (o.Lemmas.Count > 0) Lemmas(sb, o, steps, content);
            var files = steps.SelectMany(s => s.Certificates.Select(c => (Path: content.CertificatePath(c.File), Label: ProofSteps.Label(s.Lemma, c.Case)))).ToList();
            if (files.Count > 0)
            {
                // With lemmas every file is listed under its step above.
                if (o.Lemmas.Count > 0) sb.Append("<p>Replay every step");
                else
                    sb.Append("<p>").Append(Plural.Noun(files.Count, "certificate")).Append(": ")
                        .Append(string.Join(", ", files.Select(f => CertificateLink(f.Path) + (files.Count > 1 ? $" <span class=\"muted\">({HtmlText.Escape(f.Label)})</span>" : ""))))
                        .Append(". Replay");
                sb.Append(" from the report directory with any SMT-LIB solver (")
                    .Append(o.Verdict == "proved" ? "each prints <code>unsat</code>" : "a proved case prints <code>unsat</code>, a refuted one <code>sat</code>")
                    .Append("):</p>\n<pre>")
                    .Append(string.Join("\n", files.SelectMany(f => new[] { $"z3 {f.Path}", $"cvc5 {f.Path}" }).Select(HtmlText.Escape)))
                    .Append("</pre>\n");
            }
            sb.Append("</div>\n");
        }
    }

    // A proof by lemmas: each lemma with its verdict, the earlier lemmas it assumes and its certificates, then what the
    // statement's last step assumes. Without this the page showed the statement "proved" and a row of unnamed files.
    private static void Lemmas(StringBuilder sb, ObligationEvidence o, IReadOnlyList<ProofStep> steps, ReportContent content)
    {
        sb.Append("<p>Proved by lemmas: each lemma is proved first, under the assumptions and the earlier lemmas it assumes ")
            .Append("(a lemma adds no assumption of its own); then the statement under the lemmas its last step assumes.</p>\n<ol class=\"lemmas\">\n");
        foreach (var step in steps.Where(s => s.Lemma is not null))
        {
            sb.Append("<li>").Append(StepVerdict(step.Verdict)).Append(" <span class=\"muted\">(").Append(HtmlText.Escape(ProofSteps.UsesText(step.Uses)))
                .Append(")</span>\n").Append(MathMarkup.FromText(step.Statement)).Append('\n');
            if (step.Reason is { Length: > 0 } reason) sb.Append("<p>").Append(HtmlText.Escape(reason)).Append("</p>\n");
            StepCertificates(sb, step, content);
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n");
        var last = steps[^1];
        sb.Append("<p>The statement: ").Append(StepVerdict(last.Verdict)).Append(" <span class=\"muted\">(")
            .Append(HtmlText.Escape(ProofSteps.UsesText(last.Uses))).Append(")</span>.</p>\n");
        StepCertificates(sb, last, content);
        if (o.ChainFailure is { Length: > 0 } failure)
            sb.Append("<p class=\"fail\">The lemmas did not prove it (").Append(HtmlText.Escape(failure))
                .Append("); the statement was then tried alone, and that verdict stands.</p>\n");
    }

    private static void StepCertificates(StringBuilder sb, ProofStep step, ReportContent content)
    {
        if (step.Certificates.Count == 0) return;
        sb.Append("<p class=\"muted\">").Append(Plural.Noun(step.Certificates.Count, "certificate")).Append(": ")
            .Append(string.Join(", ", step.Certificates.Select(c => CertificateLink(content.CertificatePath(c.File)) +
                (c.Case > 0 ? $" (case {c.Case})" : "")))).Append("</p>\n");
    }

    private static string StepVerdict(string verdict) =>
        $"<span class=\"{(verdict == "proved" ? "pass" : "fail")}\">{HtmlText.Escape(verdict)}</span>";

    private static string CertificateLink(string path) => $"<a href=\"{HtmlText.Escape(path)}\"><code>{HtmlText.Escape(path)}</code></a>";

    private static void Compare(StringBuilder sb, CompareEvidence c)
    {
        sb.Append("<p>Comparison <code>").Append(HtmlText.Escape(c.Comparison)).Append("</code>");
        // The verdict judges every halving (a refutation quotes the pair out of band), so the one order shown here is
        // named for what it is, and the band is stated for every halving, as the table below lists them.
        if (c.ObservedOrder is { } order) sb.Append("; order of the finest halving ").Append(HtmlText.Number(order));
        if (c.OrderBand is { } band) sb.Append(" (every halving must fall in [").Append(HtmlText.Number(band.Low)).Append(", ").Append(HtmlText.Number(band.High)).Append("])");
        if (c.Deviation is { } dev) sb.Append("; largest relative deviation ").Append(HtmlText.Number(dev));
        sb.Append(".</p>\n");
        if (c.Gaps.Count == 0) return;
        sb.Append("<table><thead><tr><th>step size η</th><th>steps</th><th>gap</th><th>order</th></tr></thead><tbody>\n");
        foreach (var g in c.Gaps)
            sb.Append("<tr><td class=\"num\">").Append(HtmlText.Number(g.StepSize)).Append("</td><td class=\"num\">").Append(g.Steps)
                .Append("</td><td class=\"num\">").Append(HtmlText.Number(g.Gap)).Append("</td><td class=\"num\">")
                .Append(g.Order is { } o ? HtmlText.Number(o) : "").Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static void Simulate(StringBuilder sb, SimulateEvidence s)
    {
        sb.Append("<p>Run: ").Append(HtmlText.Escape(s.Run)).Append("; seed ").Append(s.Seed).Append("; ")
            .Append(HtmlText.Escape(s.Status)).Append("; ").Append(s.Series.Length).Append(" records.</p>\n");
        if (s.Predicates.Count == 0) return;
        sb.Append("<table><thead><tr><th>predicate</th><th>formula</th><th>at</th><th>where</th><th>held</th><th>records checked</th><th>first failing record</th></tr></thead><tbody>\n");
        foreach (var p in s.Predicates)
        {
            sb.Append("<tr><td>").Append(HtmlText.Escape(p.Name)).Append("<br><span class=\"muted\">").Append(HtmlText.Escape(p.Kind))
                .Append("</span></td><td>").Append(MathMarkup.FromText(p.Formula)).Append("</td><td>").Append(HtmlText.Escape(p.At))
                .Append("</td><td>").Append(p.Where is { } w ? MathMarkup.FromText(w) : "").Append("</td><td>")
                .Append(p.Held ? "<span class=\"pass\">yes</span>" : "<span class=\"fail\">no</span>").Append("</td><td class=\"num\">")
                .Append(p.Checked).Append("</td><td>").Append(FailingRecord(s.Series, p.FailingRecord)).Append("</td></tr>\n");
            if (p.Explanation is { Length: > 0 } ex)
                sb.Append("<tr><td></td><td colspan=\"6\" class=\"muted\">").Append(HtmlText.Escape(ex)).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static string FailingRecord(Series series, int? index)
    {
        if (index is not { } k || k < 0 || k >= series.Length) return "";
        // Numbered from 1, as the check's reason counts records ("is false at record 2 of 2").
        return $"#{k + 1}: " + HtmlText.Escape(string.Join(", ", series.Columns.Select(c => $"{c.Name} = {HtmlText.Number(c.Values[k])}")));
    }
}
