using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

public sealed class ExprErrorTests
{
    [Fact]
    public void ASyntaxErrorShowsTheMessageLineColumnAndACaret()
    {
        var r = ExprCli.Run("expand", "(x + y))^2").AssertCleanFailure();
        Assert.Equal("", r.Out);
        Assert.Equal("error: unmatched ')': no '(' is open here (line 1, column 8)\n  (x + y))^2\n         ^\n", r.Err);
    }

    [Fact]
    public void ASyntaxErrorOnALaterLineOfStdinShowsThatLine()
    {
        var r = ExprCli.RunWithInput("x^2 +\n  3*y $ 2\n", "simplify", "-").AssertCleanFailure();
        Assert.Equal("error: unexpected character '$' (line 2, column 7)\n    3*y $ 2\n        ^\n", r.Err);
    }

    [Fact]
    public void AMalformedTokenInTheMiddleOfAHugeFileToExpandGetsItsLineAndColumn()
    {
        // expand reads @file as bytes on its fast path; the error must still come from the general reader.
        var path = Path.GetTempFileName();
        try
        {
            var lines = Enumerable.Range(1, 30_000).Select(i => i == 17_001
                ? " + C[1,1]*(W1[1,2]*W2[2,1] - G[1,1] W3[1,1])"
                : $" + C[1,{i % 3 + 1}]*(W1[1,{i % 7 + 1}]*W2[2,1] - G[1,{i % 5 + 1}])");
            File.WriteAllText(path, "\uFEFF" + string.Join("\n", lines) + "\n"); // with a byte order mark
            var r = ExprCli.Run("expand", "@" + path).AssertCleanFailure();
            Assert.Equal("", r.Out);
            Assert.StartsWith("error: missing operator between 'G[1,1]' and 'W3[1,1]' (write '*' for a product) (line 17001, column 37)\n", r.Err);
            Assert.EndsWith("^\n", r.Err);

            var text = string.Join("\n", lines).Replace("G[1,1] W3", "G[1,1]*W3") + "\n";
            File.WriteAllText(path, "\uFEFF" + text);
            var ok = ExprCli.Run("expand", "@" + path);
            Assert.Equal(0, ok.Code);
            Assert.Equal(Algebra.Expand(Parser.Parse(text)) + "\n", ok.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnErrorInJsonInputPointsIntoTheJson()
    {
        var r = ExprCli.RunWithInput("{\"type\": \"add\",\n \"terms\": [{\"type\": \"sym\", \"name\": \"2x\"}]}", "simplify", "-").AssertCleanFailure();
        Assert.StartsWith("error: '2x' is not a symbol name", r.Err);
        Assert.Contains("(line 2, column 36)", r.Err); // the opening quote of "2x"
        Assert.EndsWith("^\n", r.Err);
    }

    [Theory]
    [InlineData("sin(")]
    [InlineData("foo(x)")]
    [InlineData("2x")]
    [InlineData("")]
    [InlineData("x + ")]
    public void EverySyntaxErrorHasACaret(string input)
    {
        var r = ExprCli.Run("latex", input).AssertCleanFailure();
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"\(line \d+, column \d+\)$", lines[0]);
        Assert.EndsWith("^", lines[2]);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("sin(", ")")]
    [InlineData("x^", "")]
    public void TenThousandLevelsOfNestingAreRefusedWithAShortExcerpt(string open, string close)
    {
        var input = string.Concat(Enumerable.Repeat(open, 10_000)) + "x" + string.Concat(Enumerable.Repeat(close, 10_000));
        var r = ExprCli.Run("simplify", input).AssertCleanFailure();
        Assert.Contains($"nested deeper than {Parser.MaxDepth} levels", r.Err);
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.True(lines[1].Length < 120, $"the excerpt line has {lines[1].Length} characters");
        Assert.EndsWith("^", lines[2]);
    }

    [Theory]
    [InlineData("division by zero", "expand", "x/(y - y)")]
    [InlineData("exceeds", "expand", "(x + y)^100000")]
    [InlineData("log(0) is not a real number", "simplify", "log(x - x)")]
    public void RefusedComputationsExitTwoWithTheReason(string message, string subcommand, string input)
    {
        var r = ExprCli.Run(subcommand, input).AssertCleanFailure();
        Assert.Contains(message, r.Err);
    }

    [Theory]
    [InlineData("name a subcommand")]
    [InlineData("unknown subcommand 'integrate'", "integrate", "x")]
    [InlineData("unknown option '--wtr'", "diff", "x", "--wtr", "x")]
    [InlineData("unknown option '--numeric'", "expand", "x", "--numeric")]
    [InlineData("--format must be one of text|latex|mathml|json", "expand", "x", "--format", "pdf")]
    [InlineData("unknown option '--format' for 'expr latex'", "latex", "x", "--format", "json")]
    [InlineData("needs <expression>", "expand")]
    [InlineData("cannot read expression file", "expand", "@/nonexistent/expr.txt")]
    public void UsageErrorsExitTwoWithAClearMessage(string message, params string[] args)
    {
        var r = ExprCli.Run(args);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains(message, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void HelpListsEverySubcommand()
    {
        var io = CliIO.ForStrings("", out var stdout, out _);
        Assert.Equal(ExitCodes.Ok, CliHost.Run(["expr", "--help"], io));
        foreach (var sub in new[] { "simplify", "expand", "together", "cancel", "collect", "diff", "equal", "eval", "latex", "mathml", "smtlib" })
            Assert.Contains($"  {sub} ", stdout.ToString());
    }
}
