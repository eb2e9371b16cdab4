using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Experiments.Tests.Simulators;

/// <summary>A lone completion run on two threads: the same iterates, bit for bit, as on one.</summary>
public sealed class DmfThreadsTests
{
    public static TheoryData<string, int, int, int, int> Runs()
    {
        var data = new TheoryData<string, int, int, int, int>();
        foreach (var backend in NativeBlas.IsAvailable ? new[] { "managed", "openblas" } : ["managed"])
            foreach (var (rows, columns, depth, hidden) in new[] { (100, 100, 3, 100), (9, 11, 3, 13), (7, 6, 2, 5), (10, 12, 4, 7), (30, 20, 5, 18) })
                data.Add(backend, rows, columns, depth, hidden);
        return data;
    }

    /// <summary>
    /// 60 steps on one thread and on two from the same start: parameters, losses and every layer's gradient are
    /// bitwise equal (each output element is computed by one share whatever the threads). Negative control: a
    /// learning rate changed by 1e-9 gives different parameters, so the comparison can see a difference.
    /// </summary>
    [Theory]
    [MemberData(nameof(Runs))]
    public void TwoThreadsGiveBitwiseTheIteratesOfOne(string backend, int rows, int columns, int depth, int hidden)
    {
        var rng = new SeededRandom(rows + depth);
        var p = DmfProblem.RandomCompletion(rows, columns, 2, rows * columns / 5, depth, LossScale.Mse, rng, hidden);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.3), rng, out _);
        var linearAlgebra = backend == "openblas" ? LinearAlgebraBackend.OpenBlas : LinearAlgebraBackend.Managed;
        (double[] Parameters, double[] Losses, double[] Gradient) Run(int threads, double lr)
        {
            using var sim = new DmfSimulator(p.Loss, start, linearAlgebra, threads);
            Assert.Equal(threads, sim.Threads);
            var losses = new double[60];
            for (int k = 0; k < losses.Length; k++)
            {
                losses[k] = sim.ComputeLossAndGradient();
                sim.ApplyGradient(lr);
            }
            sim.ComputeLossAndGradient();
            return (sim.FlattenParameters(), losses, sim.FlattenGradient());
        }
        var one = Run(1, 0.05);
        var two = Run(2, 0.05);
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Gradient, two.Gradient);
        Assert.True(one.Losses[^1] < one.Losses[0], "the run must move (and lower the loss) for the comparison to mean something");
        Assert.NotEqual(one.Parameters, Run(2, 0.05 * (1 + 1e-9)).Parameters);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(DmfSimulator.MaxThreads + 1)]
    public void ThreadCountsOutsideTheRangeAreRefused(int threads)
    {
        var rng = new SeededRandom(1);
        var p = DmfProblem.RandomCompletion(5, 5, 2, 10, 3, LossScale.Mse, rng);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.3), rng, out _);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DmfSimulator(p.Loss, start, threads: threads));
        Assert.Contains($"1 to {DmfSimulator.MaxThreads} threads", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Sensing losses and single layers have no shares: they run on one thread whatever is asked, and say so.</summary>
    [Fact]
    public void RunsWithoutSharesReportOneThread()
    {
        var rng = new SeededRandom(2);
        var sensing = DmfProblem.RandomSensing(4, 5, 2, 7, 3, LossScale.Mse, rng);
        using var sim = new DmfSimulator(sensing.Loss, LayerInitializer.Create(sensing.Dimensions, new InitSpec(InitKind.Gaussian, 0.3), rng, out _), threads: 2);
        Assert.Equal(1, sim.Threads);
        var single = DmfProblem.RandomCompletion(5, 5, 2, 10, 1, LossScale.Mse, rng);
        using var flat = new DmfSimulator(single.Loss, LayerInitializer.Create(single.Dimensions, new InitSpec(InitKind.Gaussian, 0.3), rng, out _), threads: 2);
        Assert.Equal(1, flat.Threads);
    }
}
