using System.Globalization;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

public sealed class ExprEvalTests
{
    [Theory]
    [InlineData("x^2 + y", "x=1/2, y=3", "13/4")]
    [InlineData("x^2 + y", "x=0.5;y=3", "13/4")]
    [InlineData("0.1 + x", "x=0.2", "3/10")]
    [InlineData("sqrt(x)", "x=9/4", "3/2")]
    [InlineData("W[1,2]*W[2,1]", "W[1,2]=2, W[2,1]=-1/4", "-1/2")]
    [InlineData("x*y", "x=sqrt(2), y=sqrt(2)", "2")]
    [InlineData("exp(log(x))", "x=5", "5")]
    public void RationalValuesAreExact(string input, string at, string value) =>
        Assert.Equal(value + " (exact)\n", ExprCli.Run("eval", input, "--at", at).Out);

    [Fact]
    public void AnIrrationalValueIsADecimalAndSaysSo()
    {
        var r = ExprCli.Run("eval", "sqrt(x) + 1", "--at", "x=2");
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Equal($"{(Math.Sqrt(2) + 1).ToString("R", CultureInfo.InvariantCulture)} (decimal; exact form: sqrt(2) + 1)\n", r.Out);
    }

    [Fact]
    public void NumericForcesDoublePrecision()
    {
        var r = ExprCli.Run("eval", "x/3", "--at", "x=1", "--numeric");
        Assert.Equal($"{(1.0 / 3).ToString("R", CultureInfo.InvariantCulture)} (decimal, double precision)\n", r.Out);
        Assert.NotEqual("1/3 (exact)\n", r.Out);
        Assert.Equal("1/3 (exact)\n", ExprCli.Run("eval", "x/3", "--at", "x=1").Out); // control: exact without the flag
    }

    [Theory]
    [InlineData("x < 1 and y > 2", "x=1/2, y=3", "true (exact)")]
    [InlineData("x < 1 implies y > 4", "x=1/2, y=3", "false (exact)")]
    [InlineData("1/3 < 0.3333", "", "false (exact)")]
    public void StatementsEvaluateToTruthValues(string input, string at, string output)
    {
        var args = at.Length > 0 ? new[] { "eval", input, "--at", at } : new[] { "eval", input };
        Assert.Equal(output + "\n", ExprCli.Run(args).Out);
    }

    [Fact]
    public void ADecimalComparisonIsLabelledAsSuch() =>
        Assert.Equal("true (decimal; exact form: sqrt(2) < 3/2)\n", ExprCli.Run("eval", "sqrt(x) < 3/2", "--at", "x=2").Out);

    [Theory]
    [InlineData("latex", "x=1/2", @"\frac{1}{4}", "")]
    [InlineData("json", "x=1/2", """{"type":"num","value":"1/4"}""", "")]
    [InlineData("latex", "x=sqrt(2)", "2", "")]
    public void OtherFormatsKeepStdoutPureAndNoteDecimalsOnStderr(string format, string at, string output, string note)
    {
        var r = ExprCli.Run("eval", "x^2", "--at", at, "--format", format);
        Assert.Equal((output + "\n", note), (r.Out, r.Err));
    }

    [Fact]
    public void ADecimalInJsonIsADecimalNode()
    {
        var r = ExprCli.Run("eval", "x^2", "--at", "x=2^(1/4)", "--format", "json");
        var value = Math.Pow(Math.Pow(2, 0.25), 2).ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(($"{{\"type\":\"decimal\",\"value\":\"{value}\"}}\n", "note: decimal; exact form: sqrt(2)\n"), (r.Out, r.Err));
    }

    [Theory]
    [InlineData("no value for y: add it to --at", "x + y", "x=1")]
    [InlineData("division by zero", "1/x", "x=0")]
    [InlineData("log(-1) is not a real number", "log(x)", "x=-1")]
    [InlineData("--at gives x twice", "x", "x=1, x=2")]
    [InlineData("--at expects assignments", "x", "x")]
    [InlineData("must be a constant", "x", "x=y")]
    [InlineData("the value of x ('1/+')", "x", "x=1/+")]
    [InlineData("--at expects a symbol name", "x", "2=3")]
    public void BadPointsAreExplained(string message, string input, string at)
    {
        var r = ExprCli.Run("eval", input, "--at", at).AssertCleanFailure();
        Assert.Contains(message, r.Err);
    }

    [Fact]
    public void ANonRealDecimalIsAnErrorNotNaN()
    {
        var r = ExprCli.Run("eval", "log(x)", "--at", "x=-1", "--numeric").AssertCleanFailure();
        Assert.Contains("not a real number", r.Err);
        Assert.DoesNotContain("NaN", r.Out);
    }

    [Fact]
    public void AValueForAnAbsentSymbolIsNotedButNotFatal()
    {
        var r = ExprCli.Run("eval", "x", "--at", "x=1, z=2");
        Assert.Equal((ExitCodes.Ok, "1 (exact)\n"), (r.Code, r.Out));
        Assert.Contains("--at gives a value for z, which does not occur", r.Err);
    }

    // The canonical form of x^(1/2)*x^(1/2) is x, defined everywhere; the input is defined only for x >= 0.
    [Theory]
    [InlineData("x^(1/2)*x^(1/2)", "x=-3", "it needs x >= 0")]
    [InlineData("x^2/x", "x=0", "it needs x != 0")]
    [InlineData("sqrt(x)^2 + 1", "x=-1", "it needs x >= 0")]
    public void APointOutsideTheDomainAsWrittenIsRefused(string input, string at, string message)
    {
        foreach (var numeric in new[] { false, true })
        {
            var r = ExprCli.Run(numeric ? ["eval", input, "--at", at, "--numeric"] : ["eval", input, "--at", at]).AssertCleanFailure();
            Assert.Contains("as written: " + message, r.Err);
        }
        Assert.Equal(ExitCodes.Ok, ExprCli.Run("eval", input, "--at", at.Replace("-", "").Replace("=0", "=2")).Code);
    }
}
