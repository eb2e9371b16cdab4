using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// The one way verbs write JSON: UTF-8, LF line endings, a final newline, and relaxed escaping so formulas
/// stay readable (<c>x >= 0</c>, not <c>x \u003E= 0</c>).
/// </summary>
public static class JsonOutput
{
    public static string Render(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
