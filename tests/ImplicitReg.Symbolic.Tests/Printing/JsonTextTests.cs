using System.Text.Json;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class JsonTextTests
{
    [Fact]
    public void IndentedDocumentsUseLfEndWithANewlineAndKeepFormulasReadable()
    {
        var s = JsonText.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("statement", "x >= 0 and y < 1 & z");
            w.WriteEndObject();
        });
        Assert.Equal("{\n  \"statement\": \"x >= 0 and y < 1 & z\"\n}\n", s);
        Assert.Equal("x >= 0 and y < 1 & z", JsonDocument.Parse(s).RootElement.GetProperty("statement").GetString());
    }

    [Fact]
    public void CompactDocumentsAreOneLineAndStillEscapeWhatJsonRequires()
    {
        var s = JsonText.Render(w =>
        {
            w.WriteStartArray();
            w.WriteStringValue("a \"quoted\"\nline");
            w.WriteEndArray();
        }, indented: false);
        Assert.Equal("[\"a \\\"quoted\\\"\\nline\"]\n", s);
        Assert.Equal("a \"quoted\"\nline", JsonDocument.Parse(s).RootElement[0].GetString());
    }
}
