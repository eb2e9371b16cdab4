using System.Text.Json;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Compare;

public sealed class CompareVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(args, io);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void FlowVersusDescentOnTheTwoByTwoConstructionHasOrderOne()
    {
        var (code, output, _) = Run("compare", "flow-vs-gd", "--problem", "2x2", "--depth", "3", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        var order = doc.RootElement.GetProperty("order").GetDouble();
        Assert.InRange(order, 0.9, 1.1);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(12, doc.RootElement.GetProperty("equations").GetInt32());
    }

    [Fact]
    public void TheTextReportListsTheGapsPerStepSize()
    {
        var (code, output, _) = Run("compare", "flow-vs-gd", "--depth", "2", "--time", "4", "--halvings", "2");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("seed: 0", output);
        Assert.Contains("derived by ImplicitReg.Models", output);
        Assert.Matches(@"order: 0\.9\d+|order: 1\.0\d+", output);
    }

    [Fact]
    public void SingularValuesFollowM4FromABalancedStartOnly()
    {
        var (ok, _, _) = Run("compare", "singular-values", "--depth", "3", "--time", "5");
        Assert.Equal(ExitCodes.Ok, ok);
        var (refuted, output, _) = Run("compare", "singular-values", "--depth", "3", "--time", "5", "--init", "gaussian");
        Assert.Equal(ExitCodes.Refuted, refuted);
        Assert.Contains("does NOT hold", output);
    }

    [Fact]
    public void ALargeModelIsRefusedWithTheReason()
    {
        var (code, _, err) = Run("compare", "flow-vs-gd", "--problem", "random", "--shape", "40x40", "--observed", "100");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("at most", err);
    }
}
