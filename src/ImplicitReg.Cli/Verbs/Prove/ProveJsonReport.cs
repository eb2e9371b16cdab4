using System.Text.Json;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>The machine-readable report of <c>prove --format json</c>.</summary>
internal static class ProveJsonReport
{
    public static void Write(TextWriter w, Verdict v, IReadOnlyList<string> certificates, CrossCheckReport? report)
    {
        w.Write(JsonText.Render(j => WriteVerdict(j, v, certificates, report)));
    }

    internal static void WriteVerdict(Utf8JsonWriter j, Verdict v, IReadOnlyList<string> certificates, CrossCheckReport? report)
    {
        j.WriteStartObject();
        j.WriteString("verdict", Word(v.Kind));
        j.WriteString("claim", v.Obligation.Statement.ToString());
        if (v.Reason is not null) j.WriteString("reason", v.Reason);
        j.WriteNumber("elapsed_ms", Math.Round(v.Elapsed.TotalMilliseconds, 1));
        j.WriteStartArray("domain");
        foreach (var d in v.DomainConditions) j.WriteStringValue(d);
        j.WriteEndArray();
        if (!v.DomainIsUniform)
        {
            // "domain" above is then the union of the cases' conditions, not one domain: each case's own list.
            j.WriteStartArray("domain_by_case");
            foreach (var (name, conditions) in v.DomainByCase)
            {
                j.WriteStartObject();
                j.WriteString("case", name);
                j.WriteStartArray("domain");
                foreach (var d in conditions) j.WriteStringValue(d);
                j.WriteEndArray();
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }
        j.WriteStartArray("eliminated");
        foreach (var e in v.Eliminated) j.WriteStringValue(e);
        j.WriteEndArray();
        if (v.Counterexample is { } cex)
        {
            j.WriteStartObject("counterexample");
            j.WriteString("confirmation", cex.Confirmation.ToString().ToLowerInvariant());
            j.WriteString("explanation", cex.Explanation);
            j.WriteStartObject("values");
            foreach (var (name, value) in cex.Values)
            {
                j.WriteStartObject(name);
                j.WriteString("value", value.Text);
                j.WriteBoolean("exact", value.IsExact);
                if (!value.IsExact)
                {
                    j.WriteString("lower", value.Lower.ToString());
                    j.WriteString("upper", value.Upper.ToString());
                }
                j.WriteEndObject();
            }
            j.WriteEndObject();
            j.WriteEndObject();
        }
        WriteCases(j, v);
        j.WriteStartArray("lemmas");
        foreach (var lemma in v.Lemmas)
        {
            j.WriteStartObject();
            j.WriteString("lemma", lemma.Obligation.Goal.ToString());
            j.WriteString("verdict", Word(lemma.Kind));
            WriteUses(j, lemma.Assumes);
            if (lemma.Reason is not null) j.WriteString("reason", lemma.Reason);
            if (lemma.Counterexample is not null) j.WriteString("counterexample", lemma.Counterexample.ToString());
            WriteCases(j, lemma);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        if (v.Step is not null) WriteUses(j, v.Assumes);
        if (v.ChainFailure is not null) j.WriteString("chain_failure", v.ChainFailure);
        j.WriteStartArray("certificates");
        foreach (var f in certificates) j.WriteStringValue(f);
        j.WriteEndArray();
        if (report is not null)
        {
            j.WriteStartObject("cross_check");
            j.WriteBoolean("agree", report.Agree);
            j.WriteStartArray("replays");
            foreach (var e in report.Entries)
            {
                j.WriteStartObject();
                j.WriteString("case", e.Case);
                j.WriteString("solver", e.Solver);
                WriteAnswer(j, e.Answer);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartArray("disagreements");
            foreach (var d in report.Disagreements) j.WriteStringValue(d);
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndObject();
    }

    // The cases of a statement or of a lemma, each with its solver answer.
    private static void WriteCases(Utf8JsonWriter j, Verdict v)
    {
        j.WriteStartArray("cases");
        foreach (var c in v.Cases)
        {
            j.WriteStartObject();
            j.WriteString("name", c.Case.Name);
            WriteAnswer(j, c.Answer);
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }

    private static void WriteAnswer(Utf8JsonWriter j, SolverAnswer a)
    {
        j.WriteString("outcome", a.Outcome.ToString().ToLowerInvariant());
        if (a.Reason is not null) j.WriteString("reason", a.Reason);
        j.WriteString("engine", a.Engine);
        j.WriteNumber("elapsed_ms", Math.Round(a.Elapsed.TotalMilliseconds, 1));
    }

    internal static string Word(VerdictKind k) => k switch
    {
        VerdictKind.Proved => "proved",
        VerdictKind.Refuted => "refuted",
        VerdictKind.InvalidCounterexample => "invalid-counterexample",
        _ => "unknown",
    };

    // The lemma numbers a step of a chain assumed (its uses list, or every earlier lemma).
    private static void WriteUses(Utf8JsonWriter j, IReadOnlyList<int> uses)
    {
        j.WriteStartArray("uses");
        foreach (var k in uses) j.WriteNumberValue(k);
        j.WriteEndArray();
    }
}
