using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Tests.Simulators;

/// <summary>The Khatri–Rao CP step against a straightforward per-entry, per-component reference.</summary>
public sealed class CpReferenceTests
{
    /// <summary>
    /// L = c·Σ_e (Σ_r Π_n A_n[i_n, r] − b_e)² and ∂L/∂A_n[i, r] = Σ_{e: i_n = i} 2c·res_e·Π_{m≠n} A_m[i_m, r], by plain
    /// loops over entries, components and modes (no shared products, no vectors).
    /// </summary>
    private static (double Loss, double[][,] Gradient) Reference(CpProblem p, IReadOnlyList<MatrixBuffer> factors, int components)
    {
        double c = p.Constant, loss = 0;
        var gradient = p.Sizes.Select(n => new double[n, components]).ToArray();
        for (int e = 0; e < p.Targets.Length; e++)
        {
            var idx = p.ObservedIndices[e];
            double prediction = 0;
            for (int r = 0; r < components; r++)
            {
                double product = 1;
                for (int n = 0; n < p.Order; n++) product *= factors[n][idx[n], r];
                prediction += product;
            }
            var residual = prediction - p.Targets[e];
            loss += c * residual * residual;
            for (int n = 0; n < p.Order; n++)
                for (int r = 0; r < components; r++)
                {
                    double others = 1;
                    for (int m = 0; m < p.Order; m++)
                        if (m != n) others *= factors[m][idx[m], r];
                    gradient[n][idx[n], r] += 2 * c * residual * others;
                }
        }
        return (loss, gradient);
    }

    /// <summary>
    /// Orders 2–5, mode groups of one to three modes, sparse and dense sampling (E3's 20 % at 10⁴, and every entry of
    /// a small tensor), component counts that are and are not multiples of the vector width. Both sides sum the same
    /// terms in different orders: agreement to 1e-12 relative is round-off; a missing or doubled term is O(1).
    /// </summary>
    [Theory]
    [InlineData(new[] { 6, 5 }, 3, 20, 7)]
    [InlineData(new[] { 4, 3, 5 }, 2, 60, 9)]
    [InlineData(new[] { 3, 4, 2, 3 }, 2, 72, 5)]
    [InlineData(new[] { 10, 10, 10, 10 }, 5, 2000, 40)]
    [InlineData(new[] { 3, 2, 4, 2, 3 }, 2, 100, 13)]
    public void TheStructuredStepEqualsThePerEntryReference(int[] sizes, int rank, int observed, int components)
    {
        var p = CpProblem.RandomCompletion(sizes, rank, observed, LossScale.Mse, new SeededRandom(observed));
        using var sim = new CpSimulator(p, CpSimulator.GaussianFactors(sizes, components, 0.7, new SeededRandom(components)));
        var loss = sim.ComputeLossAndGradient();
        var (expectedLoss, expectedGradient) = Reference(p, sim.Factors, components);
        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-12 * expectedLoss, $"loss {loss:R} vs {expectedLoss:R}");
        var flat = sim.FlattenGradient();
        var expected = expectedGradient.SelectMany(g => g.Cast<double>()).ToArray();
        var scale = expected.Max(Math.Abs);
        var gap = flat.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(gap <= 1e-12 * scale, $"gradient gap {gap:E2} at scale {scale:E2}");
    }

    [Fact]
    public void TheComparisonSeesAWrongGradient()
    {
        // Negative control: the same check against the reference of a problem with one target changed fails.
        var sizes = new[] { 3, 4, 2, 3 };
        var p = CpProblem.RandomCompletion(sizes, 2, 40, LossScale.Mse, new SeededRandom(1));
        var targets = (double[])p.Targets.Clone();
        targets[0] += 0.1;
        var changed = new CpProblem(p.Name, sizes, p.ObservedIndices, targets, p.Scale, p.GroundTruth);
        using var sim = new CpSimulator(p, CpSimulator.GaussianFactors(sizes, 3, 0.7, new SeededRandom(2)));
        sim.ComputeLossAndGradient();
        var (_, wrong) = Reference(changed, sim.Factors, 3);
        var gap = sim.FlattenGradient().Zip(wrong.SelectMany(g => g.Cast<double>()), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(gap > 1e-6);
    }
}
