using ImplicitReg.Experiments.FlowVsDescent;

namespace ImplicitReg.Experiments.Tests.FlowVsDescent;

/// <summary>The order band on synthetic gap tables: what passes, what is refuted, what decides nothing.</summary>
public sealed class OrderBandTests
{
    /// <summary>Rows for gaps at lr 0.01, 0.005, … (orders filled in as the check fills them).</summary>
    private static GapRow[] Rows(params double[] gaps) =>
        [.. gaps.Select((g, i) => new GapRow(0.01 / (1 << i), 100L << i, g, i == 0 ? null : Math.Log2(gaps[i - 1] / g)))];

    [Theory]
    [InlineData(new[] { 1.8e-3, 9.0e-4, 4.5e-4, 2.25e-4 })]          // exactly first order
    [InlineData(new[] { 1.8569e-3, 9.2543e-4, 4.6197e-4, 2.3080e-4 })] // the M9 run (depth 3, T = 10)
    public void AGapThatHalvesWithTheStepIsInTheFirstOrderBand(double[] gaps)
    {
        var j = OrderBand.Judge(Rows(gaps), 0.9, 1.1);
        Assert.Equal(OrderOutcome.InBand, j.Outcome);
        Assert.InRange(j.Order!.Value, 0.9, 1.1);
    }

    [Theory]
    [InlineData(new[] { 1e-3, 1e-3, 1e-3, 1e-3 })]         // order 0: the gap does not shrink
    [InlineData(new[] { 1e-3, 2.5e-4, 6.25e-5 })]          // order 2
    [InlineData(new[] { 1e-3, 1.1e-3, 1.2e-3 })]           // growing
    public void AGapThatDoesNotShrinkAtFirstOrderIsOutOfTheBand(double[] gaps) =>
        Assert.Equal(OrderOutcome.OutOfBand, OrderBand.Judge(Rows(gaps), 0.9, 1.1).Outcome);

    [Fact]
    public void AStallFollowedByOneHalvingIsNotFirstOrder()
    {
        // The finest pair alone says 1 (the check used to look only at it); the first pair says 0.
        var rows = Rows(1e-3, 1e-3, 5e-4);
        Assert.Equal(1.0, rows[^1].ObservedOrder!.Value, 12);
        var j = OrderBand.Judge(rows, 0.9, 1.1);
        Assert.Equal(OrderOutcome.OutOfBand, j.Outcome);
        Assert.Equal(0.0, j.Order!.Value, 12);
        Assert.Contains("from lr 0.01 to lr 0.005", j.Why);
    }

    [Fact]
    public void NoisyGapsThatOnlyAverageToFirstOrderAreOutOfTheBand() =>
        // 1e-3 → 6.25e-4 → 2.5e-4 → 1.25e-4: orders 0.68, 1.32 and 1 (the finest pair alone would pass).
        Assert.Equal(OrderOutcome.OutOfBand, OrderBand.Judge(Rows(1e-3, 6.25e-4, 2.5e-4, 1.25e-4), 0.9, 1.1).Outcome);

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 0.0 })]                          // log2(0/0) = NaN
    [InlineData(new[] { 1e-3, 5e-4, 0.0 })]                        // infinite order
    [InlineData(new[] { double.NaN, double.NaN, double.NaN })]
    [InlineData(new[] { 1e-3, double.NaN, 2.5e-4 })]
    [InlineData(new[] { double.PositiveInfinity, 5e-4, 2.5e-4 })]  // the largest step blew up
    public void ZeroNaNOrInfiniteGapsDecideNothing(double[] gaps)
    {
        var j = OrderBand.Judge(Rows(gaps), 0.9, 1.1);
        Assert.Equal(OrderOutcome.Undecided, j.Outcome);
        Assert.Null(j.Order);
    }

    [Fact]
    public void ARunMarkedDivergedDecidesNothingEvenWithFirstOrderGaps()
    {
        // A run whose last iterate overflowed is marked, though its gap was taken before: not evidence of an order.
        var rows = Rows(1.8e-3, 9.0e-4, 4.5e-4);
        rows[0] = rows[0] with { Diverged = true };
        Assert.Equal(OrderOutcome.Undecided, OrderBand.Judge(rows, 0.9, 1.1).Outcome);
    }

    [Fact]
    public void OneStepSizeDecidesNothing() =>
        Assert.Equal(OrderOutcome.Undecided, OrderBand.Judge(Rows(1e-3), 0.9, 1.1).Outcome);
}
