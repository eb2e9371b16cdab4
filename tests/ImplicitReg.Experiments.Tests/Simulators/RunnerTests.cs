using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class RunnerTests
{
    private static DmfSimulator TwoByTwo(int depth, double std, int seed)
    {
        var p = DmfProblem.TwoByTwo(depth);
        return new DmfSimulator(p.Loss, LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, std), new SeededRandom(seed), out _));
    }

    [Fact]
    public void ATooLargeStepDivergesAndTheStepIsReported()
    {
        using var sim = TwoByTwo(3, 1, 0);
        var result = SimulationRunner.Run(sim, new GradientDescent(50), new RunOptions { MaxSteps = 10_000 });
        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.NotNull(result.DivergedAt);
        Assert.True(result.DivergedAt < 100, $"diverged at {result.DivergedAt}");
        Assert.Equal(result.DivergedAt, result.Steps);
    }

    [Fact]
    public void TheRunStopsWhenTheLossReachesTheTolerance()
    {
        using var sim = TwoByTwo(2, 0.5, 1);
        long lastRecorded = -1;
        var result = SimulationRunner.Run(sim, new GradientDescent(0.05),
            new RunOptions { MaxSteps = 1_000_000, StopLoss = 1e-6, RecordEvery = 100, OnRecord = (k, _, _) => lastRecorded = k });
        Assert.Equal(RunStatus.Converged, result.Status);
        Assert.True(result.FinalLoss <= 1e-6);
        Assert.Equal(result.Steps, lastRecorded);
        Assert.Equal(result.Steps * 0.05, result.Time, 9);
    }

    [Fact]
    public void CancellationStopsTheRunAtTheNextIteration()
    {
        using var cts = new CancellationTokenSource();
        using var sim = TwoByTwo(3, 0.1, 2);
        var result = SimulationRunner.Run(sim, new GradientDescent(1e-3),
            new RunOptions { MaxSteps = 1_000_000, RecordEvery = 10, OnRecord = (k, _, _) => { if (k == 500) cts.Cancel(); }, Cancel = cts.Token });
        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal(500, result.Steps);
    }
}
