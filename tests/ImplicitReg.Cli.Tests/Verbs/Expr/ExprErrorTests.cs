using ImplicitReg.Cli.Hosting;
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
