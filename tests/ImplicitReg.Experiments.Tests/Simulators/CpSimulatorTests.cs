using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class CpSimulatorTests
{
    private static CpProblem Problem(int seed) =>
        CpProblem.RandomCompletion([3, 4, 2, 3], 2, 40, LossScale.Mse, new SeededRandom(seed));

    private static MatrixBuffer[] Factors(CpProblem p, double[] theta, int components)
    {
        int at = 0;
        return p.Sizes.Select(n =>
        {
            var f = new MatrixBuffer(n, components);
            for (int i = 0; i < n; i++)
                for (int r = 0; r < components; r++)
                    f[i, r] = theta[at++];
            return f;
        }).ToArray();
    }

    [Fact]
    public void CpGradientsAgreeWithFiniteDifferences()
    {
        var p = Problem(1);
        const int components = 3;
        using var start = new CpSimulator(p, CpSimulator.GaussianFactors(p.Sizes, components, 0.8, new SeededRandom(2)));
        FiniteDifference.AssertGradient(theta => new CpSimulator(p, Factors(p, theta, components)), start.FlattenParameters());
    }

    [Fact]
    public void ThePredictionIsTheSumOfComponentProducts()
    {
        var p = Problem(3);
        using var sim = new CpSimulator(p, CpSimulator.GaussianFactors(p.Sizes, 2, 1, new SeededRandom(4)));
        var tensor = sim.FullTensor();
        // Entry (2,3,1,2) (1-based) by hand.
        double expected = 0;
        for (int r = 0; r < 2; r++)
            expected += sim.Factors[0][1, r] * sim.Factors[1][2, r] * sim.Factors[2][0, r] * sim.Factors[3][1, r];
        Assert.Equal(expected, tensor[((1 * 4 + 2) * 2 + 0) * 3 + 1], 14);
        Assert.Equal(1.0, Math.Sqrt(p.GroundTruth!.Sum(x => x * x)), 12); // ‖𝒲*‖_F = 1
    }

    [Fact]
    public void GradientDescentConservesTheFactorNormSpreadUpToSecondOrder()
    {
        // M7: ‖w_r^n‖² − ‖w_r^m‖² is conserved by the flow; one GD step changes it by exactly η²·(‖g_r^n‖² − ‖g_r^m‖²),
        // so the change over a fixed step count falls by 4 when η halves.
        double Drift(double eta)
        {
            var p = Problem(5);
            using var sim = new CpSimulator(p, CpSimulator.GaussianFactors(p.Sizes, 3, 0.6, new SeededRandom(6)));
            var before = sim.BalanceSpread();
            for (int k = 0; k < 20; k++)
            {
                sim.ComputeLossAndGradient();
                sim.ApplyGradient(eta);
            }
            return Math.Abs(sim.BalanceSpread() - before);
        }
        var ratio = Drift(1e-2) / Drift(5e-3);
        Assert.InRange(ratio, 3.6, 4.4);
    }

    [Fact]
    public void ComponentNormsAreProductsOfFactorNorms()
    {
        var p = Problem(7);
        using var sim = new CpSimulator(p, CpSimulator.GaussianFactors(p.Sizes, 2, 1, new SeededRandom(8)));
        var norms = sim.ComponentNorms();
        double expected = 1;
        foreach (var f in sim.Factors) expected *= Math.Sqrt(Enumerable.Range(0, f.Rows).Sum(i => f[i, 1] * f[i, 1]));
        Assert.Equal(expected, norms[1], 12);
    }
}
