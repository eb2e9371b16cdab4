using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

public sealed class JsonReaderTests
{
    private static ParseException Fails(string json) => Assert.Throws<ParseException>(() => JsonReader.Read(json));

    [Fact]
    public void ReadingRebuildsCanonicalForm()
    {
        // Non-canonical input (x + x, terms out of order) comes back canonical, as from the text parser.
        var json = """{"type":"add","terms":[{"type":"sym","name":"x"},{"type":"num","value":"1"},{"type":"sym","name":"x"}]}""";
        Assert.Equal(Parser.Parse("2*x + 1"), JsonReader.Read(json));
    }

    [Theory]
    [InlineData("\"3/4\"", 3, 4)]
    [InlineData("\"-3/4\"", -3, 4)]
    [InlineData("\"0.1\"", 1, 10)]
    [InlineData("0.1", 1, 10)]
    [InlineData("1e-3", 1, 1000)]
    [InlineData("-7", -7, 1)]
    [InlineData("\"6/4\"", 3, 2)]
    public void NumbersAreExactWhetherStringsOrJsonNumbers(string value, int p, int q) =>
        Assert.Equal(Num.Of(new Rational(p, q)), JsonReader.Read($$"""{"type":"num","value":{{value}}}"""));

    [Fact]
    public void FieldOrderDoesNotMatter() =>
        Assert.Equal(Parser.Parse("x^2"),
            JsonReader.Read("""{"exponent":{"value":"2","type":"num"},"base":{"name":"x","type":"sym"},"type":"pow"}"""));

    [Theory]
    [InlineData("", "empty input")]
    [InlineData("[]", "expected an expression object, found an array")]
    [InlineData("3", "expected a JSON object")]
    [InlineData("{\"type\":\"sym\"}", "needs the field 'name'")]
    [InlineData("{\"name\":\"x\"}", "needs a string field \"type\"")]
    [InlineData("{\"type\":\"matrix\"}", "unknown node type 'matrix'")]
    [InlineData("{\"type\":\"sym\",\"name\":\"x\",\"extra\":1}", "unknown field 'extra'")]
    [InlineData("{\"type\":\"sym\",\"name\":\"x y\"}", "not a symbol name")]
    [InlineData("{\"type\":\"sym\",\"name\":\"sin\"}", "not a symbol name")]
    [InlineData("{\"type\":\"sym\",\"name\":\"W[01]\"}", "not a symbol name")]
    [InlineData("{\"type\":\"num\",\"value\":\"1/0\"}", "division by zero")]
    [InlineData("{\"type\":\"num\",\"value\":\"abc\"}", "not an exact number")]
    [InlineData("{\"type\":\"num\",\"value\":\"1e5x\"}", "not an exact number")]
    [InlineData("{\"type\":\"call\",\"function\":\"tan\",\"argument\":{\"type\":\"sym\",\"name\":\"x\"}}", "\"function\" must be one of")]
    [InlineData("{\"type\":\"add\",\"terms\":[]}", "must not be empty")]
    [InlineData("{\"type\":\"add\",\"terms\":{\"type\":\"sym\",\"name\":\"x\"}}", "must be an array")]
    [InlineData("{\"type\":\"add\",\"terms\":[1]}", "must be expression objects")]
    [InlineData("{\"type\":\"not\",\"operand\":{\"type\":\"sym\",\"name\":\"x\"}}", "must be a statement")]
    [InlineData("{\"type\":\"pow\",\"base\":{\"type\":\"num\",\"value\":\"0\"},\"exponent\":{\"type\":\"num\",\"value\":\"-1\"}}", "division by zero")]
    [InlineData("{\"type\":\"rel\",\"op\":\"~\",\"left\":{\"type\":\"sym\",\"name\":\"x\"},\"right\":{\"type\":\"sym\",\"name\":\"y\"}}", "\"op\" must be one of")]
    [InlineData("{\"type\":\"sym\",\"name\":\"x\",\"name\":\"y\"}", "appears twice")]
    [InlineData("{\"type\":\"sym\",\"name\":\"x\"", "not closed")]
    [InlineData("{\"type\":\"sym\",\"name\":\"x\"} {}", "malformed JSON")]
    [InlineData("{\"type\":'sym'}", "malformed JSON")]
    public void BadInputIsAParseErrorNotACrash(string json, string reason) => Assert.Contains(reason, Fails(json).Reason);

    [Fact]
    public void ErrorsPointAtTheOffendingLineAndColumn()
    {
        var json = "{\n  \"type\": \"add\",\n  \"terms\": [\n    {\"type\": \"sym\", \"name\": \"x\"},\n    {\"type\": \"sym\", \"name\": \"2x\"}\n  ]\n}";
        var e = Fails(json);
        Assert.Equal((5, 29), (e.Line, e.Column));
        Assert.Contains("'2x' is not a symbol name", e.Reason);
        var malformed = Fails("{\n  \"type\": \"sym\",\n  \"name\": x\n}");
        Assert.Equal(3, malformed.Line);
        Assert.Equal(11, malformed.Column);
    }

    [Fact]
    public void DeepTreesAreRefusedLikeDeepText()
    {
        var json = Repeat("{\"type\":\"call\",\"function\":\"sin\",\"argument\":", 10_000) + "{\"type\":\"sym\",\"name\":\"x\"}" + Repeat("}", 10_000);
        var e = SmallStack.Run(() => Fails(json));
        Assert.Contains($"nested deeper than {Parser.MaxDepth}", e.Reason);
        var deepestAccepted = Repeat("{\"type\":\"call\",\"function\":\"sin\",\"argument\":", Parser.MaxDepth - 1) + "{\"type\":\"sym\",\"name\":\"x\"}" + Repeat("}", Parser.MaxDepth - 1);
        var text = Repeat("sin(", Parser.MaxDepth - 1) + "x" + Repeat(")", Parser.MaxDepth - 1);
        Assert.Equal(Parser.Parse(text), SmallStack.Run(() => JsonReader.Read(deepestAccepted)));
        Assert.Equal(JsonPrinter.Print(Parser.Parse(text)), deepestAccepted.Replace(" ", ""));
    }

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
}
