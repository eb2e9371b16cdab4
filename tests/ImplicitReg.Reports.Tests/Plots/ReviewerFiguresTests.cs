using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Tests.Plots;

public sealed class ReviewerFiguresTests
{
    [Theory]
    [InlineData(0.125, 0.5, 0.5)]      // s = √(0.125/0.5) = 1/2: (1 − 1/2)²/(1/2) = 1/2
    [InlineData(0.01, 1, 8.1)]         // s = 1/10: 0.81/0.1
    [InlineData(1e-4, 0.5, 1.0 / 0.0141421356237 * 0.97186)]
    public void TheM6BoundIsOneMinusSSquaredOverS(double loss, double constant, double expected)
    {
        var s = Math.Sqrt(loss / constant);
        Assert.Equal((1 - s) * (1 - s) / s, ReviewerFigures.M6Bound(loss, constant)!.Value, 12);
        Assert.Equal(expected, ReviewerFigures.M6Bound(loss, constant)!.Value, 2);
    }

    [Fact]
    public void TheM6BoundSaysNothingAtOrAboveTheLossConstant()
    {
        Assert.Null(ReviewerFigures.M6Bound(0.5, 0.5));
        Assert.Null(ReviewerFigures.M6Bound(0.7, 0.5));
        Assert.Null(ReviewerFigures.M6Bound(0, 0.5));
    }

    private static RecordedRun W11Run(double w11Factor, double det) =>
        new("depth 2", [0, 1, 2], new[] { 0.1, 0.01, 0.001 }.Select(l => new[] { l, w11Factor * ReviewerFigures.M6Bound(l, 0.5)!.Value, det }).ToArray());

    [Fact]
    public void RecordsAboveTheBoundAreNotFlagged()
    {
        var figure = ReviewerFigures.W11AgainstLoss("w11", [W11Run(1.5, 0.3)], 0.5, "test");
        Assert.Empty(figure.Flags);
        Assert.Contains(figure.Series, s => s.Kind == SeriesKind.Prediction && s.Name.StartsWith("M6 bound", StringComparison.Ordinal));
        Assert.True(figure.XAxis.Reversed);
        Assert.Equal(AxisScale.Logarithmic, figure.XAxis.Scale);
    }

    [Fact]
    public void NegativeControl_RecordsBelowTheBoundWithPositiveDeterminantAreFlagged()
    {
        Assert.Equal(3, ReviewerFigures.W11AgainstLoss("w11", [W11Run(0.5, 0.3)], 0.5, "test").Flags.Count);
        // The bound assumes det W > 0: below it with det W < 0 is no violation.
        Assert.Empty(ReviewerFigures.W11AgainstLoss("w11", [W11Run(0.5, -0.3)], 0.5, "test").Flags);
    }

    [Fact]
    public void EverySignChangeOfTheDeterminantIsFlaggedAndNothingElse()
    {
        var crossing = new RecordedRun("gd", [0, 1, 2, 3, 4], new[] { 0.5, 0.2, -0.1, -0.4, 0.3 }.Select(d => new[] { d }).ToArray());
        var steady = new RecordedRun("gf", [0, 1, 2], new[] { 0.5, 0.2, 0.1 }.Select(d => new[] { d }).ToArray());
        var figure = ReviewerFigures.DeterminantOverTime("det", [crossing, steady], "test");
        Assert.Equal([2.0, 4.0], figure.Flags.Select(f => f.X));
        Assert.Empty(ReviewerFigures.DeterminantOverTime("det", [steady], "test").Flags);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TheGapFigureFitsTheSlopeOfThePointsAndDrawsTheSlopeOneReference(int order)
    {
        double[] eta = [0.01, 0.005, 0.0025, 0.00125];
        var gaps = eta.Select(h => 3 * Math.Pow(h, order)).ToArray();
        var figure = ReviewerFigures.GapAgainstStepSize("gap", eta, gaps, "test");
        Assert.Equal(order, LogLogFit.Of(eta, gaps)!.Slope, 10);
        Assert.Contains(figure.Series, s => s.Name == $"fitted slope {order}.000");
        var reference = Assert.Single(figure.Series, s => s.Name == "slope 1 reference");
        Assert.Equal(1, Math.Log10(reference.Y[1] / reference.Y[0]) / Math.Log10(reference.X[1] / reference.X[0]), 10);
    }

    [Fact]
    public void ComponentNormsShowTheLargestComponentsAtTheEnd()
    {
        double[][] norms = [[1e-3, 2e-3, 3e-3], [1e-3, 0.5, 1e-2]];
        var figure = ReviewerFigures.ComponentNorms("cp", [0, 100], norms, 2, "test");
        Assert.Equal(["component 2", "component 3"], figure.Series.Select(s => s.Name));
        Assert.Equal([2e-3, 0.5], figure.Series[0].Y);
    }

    [Fact]
    public void SingularValueFiguresHaveOneSeriesPerDepthAndIndex()
    {
        var d2 = new RecordedRun("depth 2", [0, 1], [[2.0, 0.5], [3.0, 0.25]]);
        var d3 = new RecordedRun("depth 3", [0, 1], [[2.0, 0.5], [4.0, 0.125]]);
        var figure = ReviewerFigures.SingularValuesByDepth("sv", [d2, d3], "test");
        Assert.Equal(["depth 2: σ₁", "depth 2: σ₂", "depth 3: σ₁", "depth 3: σ₂"], figure.Series.Select(s => s.Name));
        Assert.Equal([0.5, 0.125], figure.Series[3].Y);
    }
}
