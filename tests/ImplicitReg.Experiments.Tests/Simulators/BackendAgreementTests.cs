using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class BackendAgreementTests
{
    /// <summary>
    /// E1's workload run 200 steps through OpenBLAS and through the managed kernel from the same start: the two
    /// sum the products in different orders, so they differ by round-off only. Relative to the parameters, 200 steps
    /// of lr 0.5 on this well-conditioned start keep that below 1e-11; a wrong product (or a transposed one) would
    /// differ at O(lr·|gradient|) after one step, and the runs are compared with a wrong learning rate as the
    /// negative control.
    /// </summary>
    [RequiresBlasFact]
    public void OpenBlasAndTheManagedKernelGiveTheSameRunUpToRoundOff()
    {
        var rng = new SeededRandom(3);
        var p = DmfProblem.RandomCompletion(100, 100, 5, 2000, 3, LossScale.Mse, rng);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.1), rng, out _);
        double[] Run(LinearAlgebraBackend backend, double lr)
        {
            using var sim = new DmfSimulator(p.Loss, start, backend);
            for (int k = 0; k < 200; k++)
            {
                sim.ComputeLossAndGradient();
                sim.ApplyGradient(lr);
            }
            return sim.FlattenParameters();
        }
        var blas = Run(LinearAlgebraBackend.OpenBlas, 0.5);
        var managed = Run(LinearAlgebraBackend.Managed, 0.5);
        var scale = blas.Max(Math.Abs);
        Assert.True(Gap(blas, managed) <= 1e-11 * scale, $"gap {Gap(blas, managed):E2} at scale {scale:E2}");
        Assert.True(Gap(blas, Run(LinearAlgebraBackend.Managed, 0.5 * (1 + 1e-6))) > 1e-11 * scale, "the check must see a change of lr by 1e-6");
    }

    private static double Gap(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
