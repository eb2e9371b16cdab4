using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImplicitReg.Reports.Provenance;

/// <summary>Writes <c>provenance.json</c>: the <see cref="ReportProvenance"/> as one JSON object.</summary>
public static class ProvenanceJson
{
    /// <summary>The JSON text (indented, LF line endings).</summary>
    public static string Write(ReportProvenance p)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("toolkitVersion", p.ToolkitVersion);
            w.WriteString("commit", p.Commit);
            w.WriteStartObject("workingTree");
            w.WriteString("state", p.Tree.State);
            if (p.Tree.TrackedChanges is { } tracked) w.WriteNumber("trackedChanges", tracked);
            else w.WriteNull("trackedChanges");
            if (p.Tree.UntrackedSources is { } untracked) w.WriteNumber("untrackedUnderSrcOrProofs", untracked);
            else w.WriteNull("untrackedUnderSrcOrProofs");
            if (p.Tree.Head is { } head) w.WriteString("head", head);
            else w.WriteNull("head");
            w.WriteString("detail", p.Tree.Detail);
            w.WriteEndObject();
            w.WriteString("dotnet", p.DotNet);
            w.WriteString("z3", p.Z3);
            w.WriteString("os", p.OperatingSystem);
            w.WriteString("cpu", p.Cpu);
            w.WriteNumber("processorCount", p.ProcessorCount);
            w.WriteNumber("jobs", p.Jobs);
            w.WriteStartArray("seeds");
            foreach (var s in p.Seeds)
            {
                w.WriteStartObject();
                w.WriteString("claim", s.Claim);
                w.WriteString("check", s.Check);
                w.WriteNumber("seed", s.Seed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("started", p.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteNumber("elapsedSeconds", Math.Round(p.Elapsed.TotalSeconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
