using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Metrics;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class InitializationTests
{
    [Theory]
    [InlineData(new[] { 5, 5, 5, 5 })]
    [InlineData(new[] { 4, 6, 7, 3 })]
    [InlineData(new[] { 3, 5 })]
    public void BalancedLayersAreBalancedAndKeepTheSampledProduct(int[] dims)
    {
        var balanced = LayerInitializer.Create(dims, new InitSpec(InitKind.Balanced, 0.5), new SeededRandom(9), out _);
        var gaussian = LayerInitializer.Create(dims, new InitSpec(InitKind.Gaussian, 0.5), new SeededRandom(9), out _);
        var scale = balanced.Max(l => l.FrobeniusSquared());
        Assert.True(Balancedness.Deviation(balanced) <= 1e-13 * scale, $"deviation {Balancedness.Deviation(balanced):E2}");
        // Negative control: plain Gaussian layers are far from balanced.
        if (dims.Length > 2) Assert.True(Balancedness.Deviation(gaussian) > 1e-2 * scale);
        // Same seed, same first draws: the balanced product is the SVD rebuild of the sampled Gaussian product
        // (up to rank truncation at the narrowest layer, which does not happen when it is the outer size).
        var wb = Product(balanced);
        var wg = Product(gaussian);
        if (dims.Min() == Math.Min(dims[0], dims[^1]))
            Assert.True((wb - wg).FrobeniusNorm() <= 1e-12 * wg.FrobeniusNorm());
    }

    private static MathNet.Numerics.LinearAlgebra.Matrix<double> Product(MatrixBuffer[] layers)
    {
        var w = layers[0].ToMatrix();
        for (int j = 1; j < layers.Length; j++) w = layers[j].ToMatrix() * w;
        return w;
    }

    [Fact]
    public void ResamplingGivesAPositiveDeterminantAndCountsTheDraws()
    {
        var spec = new InitSpec(InitKind.Gaussian, 8e-3, PositiveDeterminant: true);
        int totalDraws = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var layers = LayerInitializer.Create([2, 2, 2, 2], spec, new SeededRandom(seed), out var draws);
            Assert.True(LayerInitializer.Determinant(layers) > 0);
            totalDraws += draws;
        }
        // det W(0) > 0 with probability 1/2 per draw: 40 runs need about 80 draws; 40 would mean no resampling.
        Assert.InRange(totalDraws, 50, 160);
    }

    [Fact]
    public void AZeroScaleThatCanNeverGiveAPositiveDeterminantSaysWhatToChange()
    {
        // Every draw at scale 0 has det W(0) = 0: after the resampling budget the message names the two ways out.
        var spec = new InitSpec(InitKind.Gaussian, 0, PositiveDeterminant: true);
        var e = Assert.Throws<InvalidOperationException>(() => LayerInitializer.Create([2, 2, 2], spec, new SeededRandom(1), out _));
        Assert.Contains("det W(0) = 0", e.Message);
        Assert.Contains("choose a larger initialization scale, or do not require det W(0) > 0", e.Message);
    }

    [Fact]
    public void ScaledOrthogonalLayersHaveOrthonormalRowsOrColumns()
    {
        var layers = LayerInitializer.Create([3, 5, 4], new InitSpec(InitKind.Orthogonal, 2), new SeededRandom(1), out _);
        var w1 = layers[0].ToMatrix() / 2; // 5×3: orthonormal columns
        var w2 = layers[1].ToMatrix() / 2; // 4×5: orthonormal rows
        Assert.True((w1.TransposeThisAndMultiply(w1) - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(3)).FrobeniusNorm() < 1e-12);
        Assert.True((w2 * w2.Transpose() - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(4)).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void TheSameSeedGivesTheSameLayers()
    {
        var a = LayerInitializer.Create([4, 4, 4], new InitSpec(InitKind.Gaussian, 1), new SeededRandom(42), out _);
        var b = LayerInitializer.Create([4, 4, 4], new InitSpec(InitKind.Gaussian, 1), new SeededRandom(42), out _);
        var c = LayerInitializer.Create([4, 4, 4], new InitSpec(InitKind.Gaussian, 1), new SeededRandom(43), out _);
        Assert.Equal(a[1].Data.ToArray(), b[1].Data.ToArray());
        Assert.NotEqual(a[1].Data.ToArray(), c[1].Data.ToArray());
    }
}
