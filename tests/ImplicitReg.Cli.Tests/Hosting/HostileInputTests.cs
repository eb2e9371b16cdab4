using System.Diagnostics;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Hosting;

/// <summary>
/// Every verb against each class of hostile input: sizes too large (refused before allocating, naming the option),
/// invalid numbers, options the sub-verb does not use, and control characters echoed back. Each must exit 2 within
/// seconds with a message, never 70, an OOM or a hang.
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    // too large: the estimate is checked before anything is allocated
    [InlineData("--shape", "simulate", "dmf", "--shape", "100000x100000")]
    [InlineData("--sizes/--components", "simulate", "cp", "--components", "99999999")]
    [InlineData("--size/--columns", "simulate", "sym", "--size", "100000")]
    [InlineData("--shape", "compare", "singular-values", "--problem", "generalized", "--shape", "100000x100000")]
    [InlineData("--time/--lr/--halvings", "compare", "flow-vs-gd", "--time", "100000")]
    [InlineData("--dims/--depth", "derive", "layer-flow", "--dims", "50,50,50,50,50")]
    [InlineData("error: --dims/--components: ", "derive", "symmetric-flow", "--dims", "1000")] // it has no --depth to name
    [InlineData("error: --dims/--order/--components: ", "derive", "tensor-norms", "--dims", "100,100,100")]
    [InlineData("--steps", "simulate", "dmf", "--problem", "2x2", "--steps", "9000000000000")]
    [InlineData("--step", "ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "1e9", "--method", "rk4", "--step", "1e-3")]
    [InlineData("exceeds 4096", "prove", "x^5000 >= 0")]
    [InlineData("degree 100000", "expr", "expand", "(x + y)^100000")]
    // invalid numbers, the same words everywhere
    [InlineData("option --rtol must be in [0, 1), got -1", "compare", "flow-vs-gd", "--rtol", "-1")]
    [InlineData("--rtol and --atol cannot both be 0", "compare", "flow-vs-gd", "--rtol", "0", "--atol", "0")]
    [InlineData("--rtol and --atol cannot both be 0", "compare", "singular-values", "--rtol", "0", "--atol", "0")]
    [InlineData("--rtol and --atol cannot both be 0", "ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "1", "--rtol", "0", "--atol", "0")]
    [InlineData("option --rank must be at least 1, got 0", "simulate", "cp", "--rank", "0")]
    [InlineData("option --lr expects a finite number, got 'nan'", "simulate", "sym", "--lr", "nan")]
    [InlineData("option --depth expects an integer, got '2.5'", "derive", "balancedness", "--depth", "2.5")]
    [InlineData("option --timeout-ms must be between 1 and", "prove", "x > 0", "--timeout-ms", "0")]
    [InlineData("option --order must be between 0 and 1000", "expr", "diff", "x", "--order", "-3")]
    // an option the chosen sub-verb does not use
    [InlineData("unknown option '--order' for 'derive balancedness'", "derive", "balancedness", "--order", "3")]
    [InlineData("unknown option '--depth' for 'derive closed-forms'", "derive", "closed-forms", "--depth", "99999")]
    [InlineData("unknown option '--samples' for 'compare flow-vs-gd'", "compare", "flow-vs-gd", "--samples", "5")]
    [InlineData("unknown option '--halvings' for 'compare singular-values'", "compare", "singular-values", "--halvings", "2")]
    [InlineData("unknown option '--components' for 'simulate dmf'", "simulate", "dmf", "--components", "2")]
    [InlineData("unknown option '--format' for 'expr latex'", "expr", "latex", "x", "--format", "json")]
    [InlineData("unknown option '--seed' for 'prove'", "prove", "x > 0", "--seed", "1")]
    [InlineData("unknown option '--lr' for 'ode solve'", "ode", "solve", "--lr", "1")]
    public void HostileInputExitsTwoQuicklyWithAMessageNamingTheProblem(string message, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var io = CliIO.ForStrings("", out _, out var stderr);
        var code = CliHost.Run(args, io);
        var err = stderr.ToString();
        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {err}");
        Assert.Contains(message, err);
        Assert.StartsWith("error: ", err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("expr", "expand", "x + \u001b[2J")]
    [InlineData("prove", "x > \u001b]0;title\u0007")]
    [InlineData("derive", "layer-flow", "--dims", "2,\u001b[31m")]
    [InlineData("simulate", "dmf", "--shape", "\u001b[31mx3")]
    [InlineData("compare", "flow-vs-gd", "--problem", "\u009b2J")]
    [InlineData("ode", "solve", "--equations", "x' = \u001b", "--init", "x=1", "--t1", "1")]
    public void ControlCharactersInEchoedInputAreEscapedByEveryVerb(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(args, io);
        Assert.Equal(ExitCodes.BadInput, code);
        var all = stdout.ToString() + stderr;
        Assert.DoesNotContain(all, c => char.IsControl(c) && c is not '\n');
        Assert.Contains("\\x", all); // the escape is visible instead
    }

    [Fact]
    public void AnOdeRunWithAHugeHorizonAndNoAtIsBoundedByTheRowLimit()
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(["ode", "solve", "--equations", "x' = -y; y' = x", "--init", "x=1, y=0", "--t1", "1e15"], io);
        Assert.Equal(ExitCodes.Unknown, code);
        Assert.True(stdout.ToString().Length < 10_000_000, "streamed without bound");
        Assert.Contains("--max-rows", stderr.ToString());
    }

    [Fact]
    public void ZeroRankIsBadInputNotADivergence()
    {
        var io = CliIO.ForStrings("", out _, out var stderr);
        Assert.Equal(ExitCodes.BadInput, CliHost.Run(["simulate", "cp", "--rank", "0"], io));
        Assert.DoesNotContain("diverged", stderr.ToString());
    }
}
