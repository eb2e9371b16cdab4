using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Compare;

public sealed class CompareVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

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
        // The table: a header, then one row per step size (ETA, ETA/2, ETA/4); the largest step has no order yet.
        var rows = output.Split('\n').Where(l => l.Contains('│', StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^  lr +│ steps │ +max gap │ +order$", rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.EndsWith("│", rows[1], StringComparison.Ordinal);
        Assert.Matches(@"│ (0\.9|1\.0)\d+$", rows[3]);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void ARunThatBlewUpIsFlaggedInTheTableAndTheVerdictKeepingExitOne()
    {
        // --lr 5: at lr 1.25 GD ends near 1E+201 with a finite gap; the loss of that iterate overflows.
        var (code, output, _) = Run("compare", "flow-vs-gd", "--lr", "5");
        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Matches(@"
  1\.25 +│ +8 │ [0-9.]+E\+\d+ \(diverged\) │", output);
        Assert.Contains("(NOT first order: GD diverged at lr 1.25 (the loss or a parameter became NaN or overflowed); lower --lr)", output);
        Assert.DoesNotContain("0.625 (diverged)", output);
        var (_, json, _) = Run("compare", "flow-vs-gd", "--lr", "5", "--format", "json");
        using var doc = JsonDocument.Parse(json);
        var flags = doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("diverged").GetBoolean()).ToList();
        Assert.Contains(true, flags);
        Assert.False(flags[^1]);
    }

    [Fact]
    public void GapsOfZeroObserveNoOrderAndAreUndecidedNotADisagreement()
    {
        // All layers 0 at depth 3: the gradient vanishes, GD and the flow both stay at 0, every gap is exactly 0.
        var (code, output, _) = Run("compare", "flow-vs-gd", "--depth", "3", "--init", "gaussian", "--init-std", "0",
            "--positive-det", "false", "--time", "1", "--halvings", "2");
        Assert.Equal(ExitCodes.Unknown, code);
        Assert.Contains("(undecided: the gap at lr 0.01 is 0: an order is observed only from finite, non-zero gaps)", output);
        Assert.DoesNotContain("does not track", output);
    }

    [Fact]
    public void AHalvingOutsideTheBandIsNamedWhenTheFinestPairIsInIt()
    {
        // --lr 1: the finest pair's order (1.1572) is within 0.2 of 1, the first halving's (1.6842) is not; the verdict
        // line names that pair rather than printing an in-band order beside "NOT first order".
        var (code, output, _) = Run("compare", "flow-vs-gd", "--lr", "1");
        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Contains("order: 1.1572 (NOT first order: the observed order 1.6842 from lr 1 to lr 0.5 is outside the band [0.8, 1.2])", output);
    }

    [Fact]
    public void SingularValuesFollowM4FromABalancedStartOnly()
    {
        var (ok, okOutput, _) = Run("compare", "singular-values", "--depth", "3", "--time", "5");
        Assert.Equal(ExitCodes.Ok, ok);
        Assert.Matches(@"│ +sigma_1 │ +sigma_2\n", okOutput);
        Assert.Matches(@"\n  sigma\(T\) from SVD +│", okOutput);
        var (refuted, output, _) = Run("compare", "singular-values", "--depth", "3", "--time", "5", "--init", "gaussian");
        Assert.Equal(ExitCodes.Refuted, refuted);
        Assert.Contains("does NOT hold", output);
    }

    [Theory]
    [InlineData("2x2", "--time", "1000000", "--time/--rtol: this run would take about 1.2E+14 multiply-adds, over the limit of 1E+13 (more than a few minutes of computing); choose a shorter --time, a larger --rtol or smaller sizes")]
    [InlineData("generalized", "--dims", "10,10,10,10,10,10,10", "--dims/--depth/--shape/--hidden: deriving the flow of layers 10,10,10,10,10,10,10 symbolically would expand about 1.2E+8 monomials")]
    public void ASingularValuesRunOverTheWorkLimitIsRefusedBeforeItStarts(string problem, string option, string value, string message)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, err) = Run("compare", "singular-values", "--problem", problem, option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"refused before running, not after {clock.Elapsed}");
    }

    [Fact]
    public void AFlowVsGdRunOverTheWorkLimitNamesItsOptionsAndTheFix()
    {
        var (code, _, err) = Run("compare", "flow-vs-gd", "--time", "1000", "--halvings", "12");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--time/--lr/--halvings: this run would take about", err);
        Assert.Contains("choose a shorter --time, a larger --lr or fewer --halvings", err);
    }

    [Fact]
    public void ALargeModelIsRefusedWithTheReason()
    {
        var (code, _, err) = Run("compare", "flow-vs-gd", "--problem", "random", "--shape", "40x40", "--observed", "100");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("at most", err);
    }

    [Fact]
    public void AnInitializationThatOverflowsIsNamedNotRedrawnAsBadLuck()
    {
        var (code, _, err) = Run("compare", "flow-vs-gd", "--init-std", "1e300");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("det W(0) overflows at the initialization scale 1E+300", err);
        Assert.DoesNotContain("tries", err);
        // negative control: a large but representable start is still drawn (and then diverges, exit 4).
        Assert.NotEqual(ExitCodes.BadInput, Run("compare", "flow-vs-gd", "--init-std", "3").Code);
    }

    [Fact]
    public void EachSubVerbsHelpListsOnlyTheExitCodesItCanReturn()
    {
        // singular-values has no step size, order or gradient descent: it once showed flow-vs-gd's 3 and 4.
        static string Codes(string text) => text[text.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        var sigma = Codes(Run("compare", "singular-values", "--help").Out);
        Assert.Contains("0 agreement (the sigma-equation and the closed form within 1e-6 relative of the SVD)", sigma);
        Assert.DoesNotContain("halving", sigma);
        Assert.DoesNotContain("diverged", sigma);
        Assert.DoesNotContain("3 ", sigma);
        var flow = Codes(Run("compare", "flow-vs-gd", "--help").Out);
        Assert.Contains("every halving's order within 0.2 of 1", flow);
        Assert.Contains("4 GD diverged", flow);
        Assert.DoesNotContain("sigma", flow);
    }
}
