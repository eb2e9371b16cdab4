using ImplicitReg.Experiments.Reproduction;

namespace ImplicitReg.Experiments.Tests.Reproduction;

public sealed class RunMedianTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 1e-3, 1e-3, 5.0 }, 1e-3)]
    [InlineData(new[] { -2.0, 7.0, 0.0, 1.0, -1.0 }, 0.0)]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes(double[] values, double expected) =>
        Assert.Equal(expected, RunMedian.Of(values));

    [Fact]
    public void AnEvenGroupGivesExactlyTheHalfSumOfItsTwoMiddleValues()
    {
        // (a + b) / 2, to the last bit: the tables and the figures' CSV files print these numbers in full.
        var random = new Random(20260101);
        for (int k = 0; k < 200; k++)
        {
            var v = Enumerable.Range(0, 2 + 2 * random.Next(4)).Select(_ => Math.Exp(-20 * random.NextDouble())).ToArray();
            var sorted = v.Order().ToArray();
            Assert.Equal((sorted[v.Length / 2 - 1] + sorted[v.Length / 2]) / 2, RunMedian.Of(v));
        }
    }

    [Fact]
    public void TheMedianDoesNotDependOnTheOrderOfTheRuns()
    {
        double[] v = [0.3, 0.1, 0.7, 0.2, 0.5, 0.4];
        Assert.Equal(0.35, RunMedian.Of(v), 15);
        Assert.Equal(RunMedian.Of(v), RunMedian.Of(v.Reverse()));
    }

    [Fact]
    public void NoValuesHaveNoMedian() => Assert.True(double.IsNaN(RunMedian.Of([])));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ADivergedRunAnywhereInTheGroupLeavesItWithoutAMedian(double diverged)
    {
        // Sorting NaN as a number puts it first, so {NaN, 0.01, 0.05} would report 0.01, the best finite run; dropping it
        // would report 0.03. Both make the group look better than it did: the median must be NaN, wherever the run sits.
        double[] finite = [0.01, 0.05, 0.2];
        for (int at = 0; at <= finite.Length; at++)
        {
            var values = finite.Take(at).Append(diverged).Concat(finite.Skip(at)).ToArray();
            Assert.True(double.IsNaN(RunMedian.Of(values)), $"{string.Join(", ", values)}: the median must be NaN");
        }
        Assert.Equal(0.05, RunMedian.Of(finite)); // control: without the diverged run the group has a median
    }
}
