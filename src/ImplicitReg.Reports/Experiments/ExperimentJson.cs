using System.Text.Json;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// The report's <c>results.json</c> with its experiments: the document of <c>verify --json</c>, unchanged, followed
/// by <c>experiments</c>, one element per section holding the reproduction directory's own <c>results.json</c>
/// (experiment, title, setup, runCount, the experiment's runs and baselines, claims).
/// </summary>
public static class ExperimentJson
{
    /// <summary><paramref name="verificationJson"/> with an <c>experiments</c> array appended (unchanged when there are no sections).</summary>
    public static string Append(string verificationJson, IReadOnlyList<ExperimentSection> sections)
    {
        if (sections.Count == 0) return verificationJson;
        using var verification = JsonDocument.Parse(verificationJson);
        return JsonText.Render(w =>
        {
            w.WriteStartObject();
            // Copying the parsed elements keeps every number's text as written (no re-formatting of doubles).
            foreach (var p in verification.RootElement.EnumerateObject()) p.WriteTo(w);
            w.WriteStartArray("experiments");
            foreach (var s in sections)
            {
                using var doc = JsonDocument.Parse(s.ResultsJson);
                doc.RootElement.WriteTo(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
