using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class StepWorkerTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void AHelperThreadGivesBitForBitTheSameRun(int depth)
    {
        var rng = new SeededRandom(5);
        var p = DmfProblem.RandomCompletion(64, 72, 3, 900, depth, LossScale.Mse, rng, hidden: 70);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.2), rng, out _);
        using var serial = new DmfSimulator(p.Loss, start, useHelperThread: false);
        using var helped = new DmfSimulator(p.Loss, start, useHelperThread: true);
        Assert.False(serial.UsesHelperThread);
        Assert.True(helped.UsesHelperThread);
        for (int k = 0; k < 300; k++)
        {
            Assert.Equal(serial.ComputeLossAndGradient(), helped.ComputeLossAndGradient());
            serial.ApplyGradient(0.05);
            helped.ApplyGradient(0.05);
        }
        Assert.Equal(serial.FlattenParameters(), helped.FlattenParameters());
    }

    [Fact]
    public void AStalledHelperIsNotWaitedForAndItsLateResultIsNotUsed()
    {
        using var worker = new StepWorker();
        using var release = new ManualResetEventSlim();
        int bodyRuns = 0, fallbackRuns = 0;
        var job = new StepWorker.Job(
            () => { Interlocked.Increment(ref bodyRuns); release.Wait(); },
            () => Interlocked.Increment(ref fallbackRuns));
        worker.Post(job);
        SpinWait.SpinUntil(() => Volatile.Read(ref bodyRuns) == 1, 5000); // the helper is now stuck inside the body
        Assert.False(worker.Join(job), "a stalled job is recomputed by the joiner");
        Assert.Equal(1, fallbackRuns);
        worker.Post(job);                                                   // still stuck: not offered again
        Assert.False(worker.Join(job));
        Assert.Equal(2, fallbackRuns);
        release.Set();
        SpinWait.SpinUntil(() => false, 50);
        var quick = new StepWorker.Job(() => Interlocked.Increment(ref bodyRuns), () => Interlocked.Increment(ref fallbackRuns));
        worker.Post(quick);
        Assert.True(worker.Join(quick), "a job the helper finishes (or never started) uses the body's result");
        Assert.Equal(2, fallbackRuns);
    }
}
