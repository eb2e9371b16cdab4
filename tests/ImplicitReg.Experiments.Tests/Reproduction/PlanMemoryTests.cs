using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Dmf;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>Every plan states the memory of its largest run, so that reproduce can check its workers against the budget.</summary>
public sealed class PlanMemoryTests
{
    [Theory]
    [InlineData("e1")]
    [InlineData("e2")]
    [InlineData("e3")]
    [InlineData("e4")]
    public void EveryPlanEstimatesItsLargestRunAndTheAuthorsScaleNeedsAtLeastTheQuickOnes(string name)
    {
        var experiment = Reproducer.Find(name);
        double quick = experiment.Plan(new ReproductionOptions { Quick = true }).PeakBytes;
        double full = experiment.Plan(new ReproductionOptions()).PeakBytes;
        Assert.True(quick > 0, $"{name} quick: {quick}");
        Assert.True(full >= quick, $"{name}: {full} < {quick}");
    }

    [Fact]
    public void TheEstimatesAreThoseOfTheLargestRun()
    {
        // e1 at the authors' scale: 100x100, depth 4, 5,000 observed, rank 5 (larger than its baseline's 16 dense matrices).
        Assert.Equal(DmfCost.EstimateBytes(DmfProblem.LayerDimensions(100, 100, 4), 5000, 0, 5),
            Reproducer.Find("e1").Plan(new ReproductionOptions()).PeakBytes);
        // A selector that leaves out the largest setting lowers the estimate (negative control of "the largest").
        Assert.Equal(DmfCost.EstimateBytes(DmfProblem.LayerDimensions(100, 100, 2), 2000, 0, 5),
            Reproducer.Find("e1").Plan(new ReproductionOptions { Depths = [2], Observed = [2000], NoBaseline = true }).PeakBytes);
        // e3: the order-4 10^4 tensor with 1,000 components and 2,000 observed entries.
        Assert.Equal(CpCost.EstimateBytes([10, 10, 10, 10], 5, 2000, 1000), Reproducer.Find("e3").Plan(new ReproductionOptions()).PeakBytes);
    }
}
