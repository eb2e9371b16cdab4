using System.Text.Json;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class JsonPrinterTests
{
    private static string Json(string input) => JsonPrinter.Print(Parser.Parse(input));

    [Theory]
    [InlineData("3/4", """{"type":"num","value":"3/4"}""")]
    [InlineData("W2[1,3]", """{"type":"sym","name":"W2[1,3]"}""")]
    [InlineData("x + 1", """{"type":"add","terms":[{"type":"sym","name":"x"},{"type":"num","value":"1"}]}""")]
    [InlineData("2*x", """{"type":"mul","factors":[{"type":"num","value":"2"},{"type":"sym","name":"x"}]}""")]
    [InlineData("x^y", """{"type":"pow","base":{"type":"sym","name":"x"},"exponent":{"type":"sym","name":"y"}}""")]
    [InlineData("sin(x)", """{"type":"call","function":"sin","argument":{"type":"sym","name":"x"}}""")]
    [InlineData("x <= 1", """{"type":"rel","op":"<=","left":{"type":"sym","name":"x"},"right":{"type":"num","value":"1"}}""")]
    [InlineData("not x < 1", """{"type":"not","operand":{"type":"rel","op":"<","left":{"type":"sym","name":"x"},"right":{"type":"num","value":"1"}}}""")]
    [InlineData("false", """{"type":"bool","value":false}""")]
    public void NodesHaveTheDocumentedShape(string input, string json) => Assert.Equal(json, Json(input));

    [Fact]
    public void LogicNodesNameTheirOperator()
    {
        var and = JsonDocument.Parse(Json("x < 1 and y < 1")).RootElement;
        Assert.Equal("and", and.GetProperty("type").GetString());
        Assert.Equal(2, and.GetProperty("operands").GetArrayLength());
        var implies = JsonDocument.Parse(Json("x < 1 implies y < 1")).RootElement;
        Assert.Equal("implies", implies.GetProperty("type").GetString());
        Assert.Equal("rel", implies.GetProperty("premise").GetProperty("type").GetString());
        Assert.Equal("rel", implies.GetProperty("conclusion").GetProperty("type").GetString());
    }

    [Fact]
    public void ASubtractionIsASumWithANegatedTerm()
    {
        var root = JsonDocument.Parse(Json("x - y")).RootElement;
        var negated = root.GetProperty("terms")[1];
        Assert.Equal("mul", negated.GetProperty("type").GetString());
        Assert.Equal("-1", negated.GetProperty("factors")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void EveryRandomExpressionIsValidJson()
    {
        var generator = new RandomExpressions(13);
        for (int i = 0; i < 1000; i++)
        {
            var json = JsonPrinter.Print(generator.Next());
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 * Parser.MaxDepth });
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        }
    }

    [Fact]
    public void BigNumbersStayExact()
    {
        var big = Expr.Pow(Num.Of(3), Num.Of(200));
        var json = JsonPrinter.Print(big);
        Assert.Equal(big, JsonReader.Read(json));
        Assert.DoesNotContain("E+", json);
    }
}
