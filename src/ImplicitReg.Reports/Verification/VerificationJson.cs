using System.Text.Json;
using ImplicitReg.Claims.Results;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Verification;

/// <summary>
/// The JSON document of <c>implicitreg verify --json FILE</c> (schema in docs/claims.md): the run (exit code,
/// counts, time, jobs), then every claim with its checks, their verdicts, the strength of their evidence
/// (<see cref="EvidenceStrength"/>) and structured evidence (derivation steps, solver obligations, gaps, predicates,
/// recorded series). Non-finite numbers are written as null.
/// </summary>
public static class VerificationJson
{
    /// <summary>Version of the document's schema; bumped when a field changes meaning.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The whole result as one indented JSON document (UTF-8 text, LF line ends, deterministic apart from the times).</summary>
    public static string Render(VerificationResult result) => JsonText.Render(w =>
    {
        var (claims, checks, passed, failed, broken) = result.Counts;
        w.WriteStartObject();
        w.WriteNumber("schema", SchemaVersion);
        w.WriteNumber("exitCode", result.ExitCode);
        w.WriteNumber("claims", claims - broken);
        w.WriteNumber("checks", checks);
        w.WriteNumber("passed", passed);
        w.WriteNumber("failed", failed);
        w.WriteNumber("brokenFiles", broken);
        w.WriteNumber("seconds", result.Elapsed.TotalSeconds);
        w.WriteNumber("jobs", result.Jobs);
        w.WriteStartArray("results");
        foreach (var c in result.Claims) Claim(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Claim(Utf8JsonWriter w, ClaimResult c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("file", c.File);
        w.WriteString("title", c.Title);
        Optional(w, "paper", c.Paper);
        Optional(w, "where", c.Where);
        Optional(w, "theory", c.Theory);
        w.WriteBoolean("passed", c.Passed);
        w.WriteBoolean("broken", c.Broken);
        w.WriteStartArray("diagnostics");
        foreach (var d in c.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteNumber("line", d.Line);
            w.WriteNumber("column", d.Column);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("checks");
        foreach (var k in c.Checks) Check(w, k);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Check(Utf8JsonWriter w, CheckResult k)
    {
        w.WriteStartObject();
        w.WriteString("id", k.CheckId);
        w.WriteString("kind", ResultNames.Of(k.Kind));
        w.WriteString("expected", ResultNames.Of(k.Expected));
        w.WriteString("verdict", ResultNames.Of(k.Verdict));
        w.WriteBoolean("passed", k.Passed);
        w.WriteNumber("seconds", k.Time.TotalSeconds);
        w.WriteString("evidence", k.Evidence);
        // The same label and sentence as the HTML and Markdown reports: one function decides, every output reads it.
        var strength = EvidenceStrength.Of(k);
        w.WriteString("strength", strength.Label);
        w.WriteString("strengthExplanation", strength.Explanation);
        Optional(w, "reason", k.Reason);
        w.WriteStartObject("location");
        w.WriteString("file", k.Location.File);
        w.WriteNumber("line", k.Location.Line);
        w.WriteNumber("column", k.Location.Column);
        w.WriteEndObject();
        if (k.Details is not null)
        {
            w.WritePropertyName("details");
            Details(w, k.Details);
        }
        w.WriteEndObject();
    }

    private static void Details(Utf8JsonWriter w, CheckEvidence e)
    {
        w.WriteStartObject();
        switch (e)
        {
            case DerivationEvidence d:
                w.WriteString("derivation", d.Derivation);
                Strings(w, "setting", d.Setting);
                w.WriteStartObject("published");
                foreach (var (key, formula) in d.Published.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(key, formula);
                w.WriteEndObject();
                w.WriteString("conclusion", d.Conclusion);
                w.WriteString("conclusionText", d.ConclusionText);
                w.WriteStartArray("steps");
                foreach (var s in d.Steps)
                {
                    w.WriteStartObject();
                    w.WriteString("name", s.Name);
                    w.WriteString("verdict", s.Verdict);
                    w.WriteString("reason", s.Reason);
                    Optional(w, "witness", s.Witness);
                    w.WriteStartArray("equations");
                    foreach (var q in s.Equations)
                    {
                        w.WriteStartObject();
                        w.WriteString("lhs", q.Lhs);
                        w.WriteString("relation", q.Relation);
                        w.WriteString("rhs", q.Rhs);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (d.Snapshot is { } snap)
                {
                    w.WriteStartObject("snapshot");
                    w.WriteString("outcome", snap.Outcome.ToString().ToLowerInvariant());
                    w.WriteString("verified", snap.VerifiedPath);
                    Optional(w, "received", snap.ReceivedPath);
                    Optional(w, "firstDifference", snap.FirstDifference);
                    w.WriteEndObject();
                }
                break;
            case ProofEvidence p:
                w.WriteStartArray("obligations");
                foreach (var o in p.Obligations)
                {
                    w.WriteStartObject();
                    w.WriteString("statement", o.Statement);
                    Strings(w, "assumptions", o.Assumptions);
                    if (o.Lemmas.Count > 0)
                    {
                        w.WriteStartArray("lemmas");
                        foreach (var l in o.Lemmas)
                        {
                            w.WriteStartObject();
                            w.WriteString("lemma", l.Lemma);
                            w.WriteString("verdict", l.Verdict);
                            Optional(w, "reason", l.Reason);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }
                    Optional(w, "chainFailure", o.ChainFailure);
                    w.WriteString("verdict", o.Verdict);
                    if (o.Counterexample is { } cex)
                    {
                        w.WriteStartObject("counterexample");
                        foreach (var (name, value) in cex) w.WriteString(name, value);
                        w.WriteEndObject();
                    }
                    Optional(w, "confirmation", o.Confirmation);
                    Optional(w, "reason", o.Reason);
                    Strings(w, "certificates", o.CertificateFiles);
                    w.WriteNumber("seconds", o.Time.TotalSeconds);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case CompareEvidence c:
                w.WriteString("comparison", c.Comparison);
                w.WriteStartArray("gaps");
                foreach (var g in c.Gaps)
                {
                    w.WriteStartObject();
                    Number(w, "lr", g.StepSize);
                    w.WriteNumber("steps", g.Steps);
                    Number(w, "gap", g.Gap);
                    if (g.Order is { } o) Number(w, "order", o);
                    else w.WriteNull("order");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (c.ObservedOrder is { } order) Number(w, "order", order);
                if (c.OrderBand is { } band)
                {
                    w.WriteStartArray("band");
                    w.WriteNumberValue(band.Low);
                    w.WriteNumberValue(band.High);
                    w.WriteEndArray();
                }
                if (c.Deviation is { } dev) Number(w, "deviation", dev);
                SeriesArray(w, c.Series);
                break;
            case SimulateEvidence s:
                w.WriteString("run", s.Run);
                w.WriteNumber("seed", s.Seed);
                w.WriteString("status", s.Status);
                w.WriteStartArray("predicates");
                foreach (var p in s.Predicates)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Name);
                    w.WriteString("at", p.At);
                    w.WriteString("kind", p.Kind);
                    w.WriteString("formula", p.Formula);
                    Optional(w, "where", p.Where);
                    w.WriteBoolean("held", p.Held);
                    w.WriteNumber("checked", p.Checked);
                    if (p.FailingRecord is { } f) w.WriteNumber("failingRecord", f);
                    Optional(w, "explanation", p.Explanation);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                SeriesArray(w, [s.Series]);
                break;
        }
        w.WriteEndObject();
    }

    private static void SeriesArray(Utf8JsonWriter w, IReadOnlyList<Series> series)
    {
        w.WriteStartArray("series");
        foreach (var s in series)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteStartObject("columns");
            foreach (var col in s.Columns)
            {
                w.WriteStartArray(col.Name);
                foreach (var v in col.Values)
                {
                    if (double.IsFinite(v)) w.WriteNumberValue(v);
                    else w.WriteNullValue();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
