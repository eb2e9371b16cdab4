using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

public sealed class SparseKernelTests
{
    /// <summary>A random pattern with uneven rows (some empty, some with more than eight entries) and its values.</summary>
    private static (SparsePattern Pattern, double[] Values, double[,] Dense) Sparse(int rows, int columns, int count, Random rng)
    {
        var picks = Enumerable.Range(0, rows * columns).OrderBy(_ => rng.Next()).Take(count).ToArray();
        var pattern = new SparsePattern(rows, columns, picks.Select(p => p / columns).ToArray(), picks.Select(p => p % columns).ToArray());
        var values = picks.Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var dense = new double[rows, columns];
        for (int k = 0; k < count; k++) dense[picks[k] / columns, picks[k] % columns] = values[k];
        var csr = pattern.CsrOriginal.Select(k => values[k]).ToArray();
        return (pattern, csr, dense);
    }

    private static MatrixBuffer Random(int rows, int columns, Random rng)
    {
        var m = new MatrixBuffer(rows, columns);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = rng.NextDouble() * 2 - 1;
        return m;
    }

    [Theory]
    [InlineData(7, 5, 3, 20)]
    [InlineData(37, 29, 19, 300)]
    [InlineData(100, 100, 100, 2000)]
    public void SparseProductsEqualTheDenseOnes(int rows, int columns, int width, int count)
    {
        var rng = new Random(rows + count);
        var (pattern, csr, dense) = Sparse(rows, columns, count, rng);
        var s = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(dense);
        var b = Random(columns, width, rng);
        var result = Random(rows, width, rng);
        SparseKernels.Multiply(pattern, csr, b, result);
        Assert.True((s * b.ToMatrix() - result.ToMatrix()).Enumerate().Max(Math.Abs) <= 1e-13);

        var bt = Random(rows, width, rng);
        var resultT = new MatrixBuffer(columns, width);
        var csc = pattern.CscFromCsr.Select(e => csr[e]).ToArray();
        SparseKernels.MultiplyTransposed(pattern, csc, bt, resultT);
        Assert.True((s.Transpose() * bt.ToMatrix() - resultT.ToMatrix()).Enumerate().Max(Math.Abs) <= 1e-13);
        // Negative control: CSR-ordered values in the CSC product are a different matrix.
        SparseKernels.MultiplyTransposed(pattern, csr, bt, resultT);
        Assert.True((s.Transpose() * bt.ToMatrix() - resultT.ToMatrix()).Enumerate().Max(Math.Abs) > 1e-3);
    }

    [Theory]
    [InlineData(7, 5, 3, 20)]
    [InlineData(100, 100, 100, 2000)]
    public void TheSampledProductIsTheDenseProductAtThePattern(int rows, int columns, int width, int count)
    {
        var rng = new Random(count);
        var (pattern, _, _) = Sparse(rows, columns, count, rng);
        var x = Random(rows, width, rng);
        var y = Random(columns, width, rng);
        var values = new double[count];
        SparseKernels.SampledDot(pattern, x, y, values);
        var full = x.ToMatrix() * y.ToMatrix().Transpose();
        for (int e = 0; e < count; e++)
            Assert.Equal(full[pattern.CsrRow[e], pattern.CsrColumn[e]], values[e], 1e-13);
    }

    /// <summary>
    /// The fused pass (sampled dots, residuals, weights, S·Y) gives bitwise what the three separate kernels give, and
    /// splitting its rows into two calls gives bitwise the same again (each row is computed alone). Negative control:
    /// other targets change the weights and the product.
    /// </summary>
    [Theory]
    [InlineData(7, 5, 3, 20)]
    [InlineData(37, 29, 19, 300)]
    [InlineData(100, 100, 100, 2000)]
    public void TheFusedResidualPassEqualsTheSeparateKernelsBitwise(int rows, int columns, int width, int count)
    {
        var rng = new Random(rows * 7 + count);
        var (pattern, targets, _) = Sparse(rows, columns, count, rng);
        var x = Random(rows, width, rng);
        var y = Random(columns, width, rng);
        const double scale = 0.37;

        var sampled = new double[count];
        SparseKernels.SampledDot(pattern, x, y, sampled);
        var residuals = sampled.Select((v, e) => v - targets[e]).ToArray();
        var weights = residuals.Select(r => scale * r).ToArray();
        var expected = new MatrixBuffer(rows, width);
        SparseKernels.Multiply(pattern, weights, y, expected);

        var fusedResiduals = new double[count];
        var fusedWeights = new double[count];
        var fused = Random(rows, width, rng); // stale content must be overwritten
        SparseKernels.SampledResidualProduct(pattern, x, y, targets, scale, fusedResiduals, fusedWeights, fused);
        Assert.Equal(residuals, fusedResiduals);
        Assert.Equal(weights, fusedWeights);
        Assert.Equal(expected.Data.ToArray(), fused.Data.ToArray());

        var split = Random(rows, width, rng);
        int middle = rows / 3;
        SparseKernels.SampledResidualProduct(pattern, x, y, targets, scale, fusedResiduals, fusedWeights, split, 0, middle);
        SparseKernels.SampledResidualProduct(pattern, x, y, targets, scale, fusedResiduals, fusedWeights, split, middle, rows);
        Assert.Equal(expected.Data.ToArray(), split.Data.ToArray());

        var shifted = targets.Select(t => t + 0.5).ToArray();
        SparseKernels.SampledResidualProduct(pattern, x, y, shifted, scale, fusedResiduals, fusedWeights, fused);
        Assert.NotEqual(expected.Data.ToArray(), fused.Data.ToArray());
        Assert.Equal(residuals[0] - 0.5, fusedResiduals[0], 1e-15);
    }

    /// <summary>The transposed product over column ranges writes only those rows of the result, bitwise as one call does.</summary>
    [Fact]
    public void TheTransposedProductSplitByColumnsEqualsOneCallBitwise()
    {
        var rng = new Random(11);
        var (pattern, csr, _) = Sparse(60, 50, 900, rng);
        var csc = pattern.CscFromCsr.Select(e => csr[e]).ToArray();
        var b = Random(60, 40, rng);
        var whole = new MatrixBuffer(50, 40);
        SparseKernels.MultiplyTransposed(pattern, csc, b, whole);
        var parts = Random(50, 40, rng);
        var untouched = parts[49, 0];
        SparseKernels.MultiplyTransposed(pattern, csc, b, parts, 0, 23);
        Assert.Equal(untouched, parts[49, 0]); // rows outside the range are left alone
        SparseKernels.MultiplyTransposed(pattern, csc, b, parts, 23, 50);
        Assert.Equal(whole.Data.ToArray(), parts.Data.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseKernels.MultiplyTransposed(pattern, csc, b, parts, 10, 51));
    }
}
