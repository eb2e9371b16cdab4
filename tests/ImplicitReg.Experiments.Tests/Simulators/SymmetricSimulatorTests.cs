using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Simulators.Symmetric;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class SymmetricSimulatorTests
{
    private static MatrixBuffer FromFlat(double[] theta, int rows, int cols)
    {
        var u = new MatrixBuffer(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                u[i, j] = theta[i * cols + j];
        return u;
    }

    [Fact]
    public void CompletionGradientsAgreeWithFiniteDifferences()
    {
        var p = SymmetricProblem.RandomPsdCompletion(4, 2, 7, LossScale.HalfSse, new SeededRandom(1));
        var u0 = LayerInitializer.Gaussian(4, 3, 0.7, new SeededRandom(2));
        using var start = new SymmetricSimulator(p.Loss, u0);
        FiniteDifference.AssertGradient(theta => new SymmetricSimulator(p.Loss, FromFlat(theta, 4, 3)), start.FlattenParameters());
    }

    [Fact]
    public void SensingGradientsAgreeWithFiniteDifferences()
    {
        var rng = new SeededRandom(3);
        var a = Enumerable.Range(0, 5).Select(_ => LayerInitializer.Gaussian(3, 3, 1, rng)).ToList();
        var loss = new SensingMatrixLoss(a, [1.0, -0.5, 2, 0.3, 0], LossScale.Mse);
        var u0 = LayerInitializer.Gaussian(3, 3, 0.7, rng);
        using var start = new SymmetricSimulator(loss, u0);
        FiniteDifference.AssertGradient(theta => new SymmetricSimulator(loss, FromFlat(theta, 3, 3)), start.FlattenParameters());
    }

    [Fact]
    public void SmallIdentityInitializationFitsTheObservedEntriesOfAPsdTarget()
    {
        var p = SymmetricProblem.RandomPsdCompletion(3, 1, 4, LossScale.HalfSse, new SeededRandom(11));
        var u0 = new MatrixBuffer(3, 3);
        for (int i = 0; i < 3; i++) u0[i, i] = 1e-3;
        using var sim = new SymmetricSimulator(p.Loss, u0);
        // The target's entries are O(0.01–0.4), so the curvature is small and a step of 0.5 is stable.
        var result = SimulationRunner.Run(sim, new GradientDescent(0.5), new RunOptions { MaxSteps = 1_000_000, StopLoss = 1e-10 });
        Assert.True(result.Status == RunStatus.Converged, $"{result.Status}: loss {result.FinalLoss:E2} after {result.Steps} steps");
        Assert.All(sim.Eigenvalues(), e => Assert.True(e > -1e-9, "X = UUᵀ is positive semidefinite"));
    }
}
