using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// The one way the toolkit writes JSON documents (derivations, reports, verdicts): UTF-8, LF line endings on
/// every platform, a final newline, and relaxed escaping so formulas stay readable (<c>x >= 0</c>, not
/// <c>x \u003E= 0</c>). Lives in the kernel so that every layer above can use it.
/// </summary>
public static class JsonText
{
    /// <summary>The document that <paramref name="write"/> writes, as a string with LF line endings and a final newline.</summary>
    public static string Render(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
