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
    /// A sampled entry's value does not depend on its neighbours: computed inside a full group of eight, in a row's
    /// padded last group, or alone in a pattern of one entry, it is bitwise the same number (each entry is one
    /// accumulator over the columns in order). Rows of 1–17 entries exercise every group size.
    /// </summary>
    [Fact]
    public void ASampledEntryIsBitwiseTheSameWhateverItsGroup()
    {
        var rng = new Random(17);
        const int columns = 20, width = 37;
        var rowIndex = new List<int>();
        var columnIndex = new List<int>();
        for (int r = 0; r < 17; r++)
            foreach (var c in Enumerable.Range(0, columns).OrderBy(_ => rng.Next()).Take(r + 1))
            {
                rowIndex.Add(r);
                columnIndex.Add(c);
            }
        var pattern = new SparsePattern(17, columns, rowIndex, columnIndex);
        var x = Random(17, width, rng);
        var y = Random(columns, width, rng);
        var values = new double[pattern.Count];
        SparseKernels.SampledDot(pattern, x, y, values);
        for (int e = 0; e < pattern.Count; e++)
        {
            var alone = new SparsePattern(17, columns, [pattern.CsrRow[e]], [pattern.CsrColumn[e]]);
            var single = new double[1];
            SparseKernels.SampledDot(alone, x, y, single);
            Assert.Equal(BitConverter.DoubleToInt64Bits(single[0]), BitConverter.DoubleToInt64Bits(values[e]));
        }
    }

    [Theory]
    [MemberData(nameof(AcceleratedWidths.All), MemberType = typeof(AcceleratedWidths))]
    public void EveryRegisterWidthGivesBitwiseTheSameProducts(int laneBits)
    {
        // Widths whose padded strides (8, 24, 32, 40, 56, 104, 112) leave different remainders after whole chunks of
        // 8, 16 or 32 doubles (on AVX-512: none, one, two and three registers, the last two then one): the columns
        // after the last chunk must be summed in the same order as the others.
        foreach (var width in new[] { 3, 20, 29, 40, 50, 100, 112 })
        {
            var rng = new Random(width);
            var (pattern, csr, dense) = Sparse(60, 50, 900, rng);
            var s = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(dense);
            var b = Random(50, width, rng);
            var bt = Random(60, width, rng);
            var csc = pattern.CscFromCsr.Select(e => csr[e]).ToArray();
            var reference = new MatrixBuffer(60, width);
            var referenceT = new MatrixBuffer(50, width);
            SparseKernels.Multiply(pattern, csr, b, reference, laneBits: 128);
            SparseKernels.MultiplyTransposed(pattern, csc, bt, referenceT, laneBits: 128);
            var result = new MatrixBuffer(60, width);
            var resultT = new MatrixBuffer(50, width);
            SparseKernels.Multiply(pattern, csr, b, result, laneBits);
            SparseKernels.MultiplyTransposed(pattern, csc, bt, resultT, laneBits);
            Assert.Equal(reference.Data.ToArray(), result.Data.ToArray());
            Assert.Equal(referenceT.Data.ToArray(), resultT.Data.ToArray());
            Assert.True((s * b.ToMatrix() - result.ToMatrix()).Enumerate().Max(Math.Abs) <= 1e-13);
            Assert.True((s.Transpose() * bt.ToMatrix() - resultT.ToMatrix()).Enumerate().Max(Math.Abs) <= 1e-13);
        }
    }

    [Fact]
    public void TheMachineWidthIsTheWidestAcceleratedAndAnUnacceleratedOneIsRefused()
    {
        Assert.Equal(AcceleratedWidths.Values, RegisterWidths.Accelerated);
        Assert.Equal(AcceleratedWidths.Values.Max(), RegisterWidths.Widest);
        var rng = new Random(1);
        var (pattern, csr, _) = Sparse(7, 5, 20, rng);
        var ex = Assert.Throws<ArgumentException>(() => SparseKernels.Multiply(pattern, csr, Random(5, 3, rng), new MatrixBuffer(7, 3), laneBits: 384));
        Assert.Contains("384-bit registers are not accelerated", ex.Message);
    }
}
