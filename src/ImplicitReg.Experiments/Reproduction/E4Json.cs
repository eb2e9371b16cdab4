using System.Text.Json;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// The body of E4's results.json: <c>runs[]</c> with one entry per problem and α (pattern, rank, seed, alpha,
/// status, steps, loss, distance, traceFlow, minTrace, class; for the corollary l1Flow and minL1), and
/// <c>baselines.minTrace[]</c> and <c>baselines.minL1[]</c> with their certificates.
/// </summary>
internal static class E4Json
{
    public static void WriteBody(Utf8JsonWriter w, IReadOnlyList<RunRecord> psd, IReadOnlyList<RunRecord> uu)
    {
        w.WriteStartArray("runs");
        foreach (var r in psd.Concat(uu).OrderBy(r => r.Index))
        {
            bool isPsd = r.Text("kind") == "psd";
            var alphas = r.Numbers("alphas");
            for (int a = 0; a < alphas.Length; a++)
            {
                w.WriteStartObject();
                w.WriteNumber("index", r.Index);
                w.WriteString("id", r.Id);
                w.WriteString("kind", r.Text("kind"));
                if (isPsd)
                {
                    w.WriteString("pattern", r.Text("pattern"));
                    w.WriteNumber("rank", r.Number("rank"));
                }
                w.WriteNumber("seed", r.Seed);
                Number(w, "alpha", alphas[a]);
                w.WriteString("status", r.Numbers("converged")[a] == 1 ? "converged" : "not converged");
                Number(w, "steps", r.Numbers("stepCounts")[a]);
                Number(w, "time", r.Numbers("time")[a]);
                Number(w, "loss", r.Numbers("losses")[a]);
                Number(w, "distance", r.Numbers("distance")[a]);
                if (isPsd)
                {
                    Number(w, "traceFlow", r.Numbers("traceFlow")[a]);
                    Number(w, "minTrace", r.Number("minTrace"));
                    w.WriteString("class", r.Text("class"));
                }
                else
                {
                    Number(w, "l1Flow", r.Numbers("l1Flow")[a]);
                    Number(w, "minL1", r.Number("minL1"));
                }
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartObject("baselines");
        w.WriteStartArray("minTrace");
        foreach (var r in psd)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("pattern", r.Text("pattern"));
            w.WriteNumber("rank", r.Number("rank"));
            w.WriteNumber("seed", r.Seed);
            w.WriteString("status", r.Text("baselineStatus"));
            w.WriteString("class", r.Text("class"));
            w.WriteString("classReason", r.Text("classReason"));
            Number(w, "trace", r.Number("minTrace"));
            Array(w, "solution", r.Numbers("minTraceSolution"));
            w.WriteStartObject("certificate");
            foreach (var key in new[] { "primalObjective", "dualObjective", "dualityGap", "relativeGap", "primalResidual", "dualResidual", "constraintViolation", "iterations" })
                Number(w, key, r.Number(key));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("minL1");
        foreach (var r in uu)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteNumber("seed", r.Seed);
            w.WriteString("status", r.Text("lpStatus"));
            w.WriteString("valueExact", r.Text("minL1Exact"));
            Number(w, "value", r.Number("minL1"));
            w.WriteBoolean("unique", r.Number("lpUnique") == 1);
            Array(w, "solution", r.Numbers("minL1Solution"));
            Array(w, "xStar", r.Numbers("xStar"));
            w.WriteStartObject("certificate");
            w.WriteString("dualExact", r.Text("lpDualExact"));
            w.WriteString("check", "exact: A x = y, x >= 0, A^T dual <= 1, y^T dual = sum x (verified in rational arithmetic)");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        RunRecord.WriteDouble(w, value);
    }

    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) RunRecord.WriteDouble(w, v);
        w.WriteEndArray();
    }
}
