using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Testing.Conditions;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

public sealed class DenseProductTests
{
    private static MatrixBuffer Random(int rows, int columns, Random rng)
    {
        var m = new MatrixBuffer(rows, columns);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = rng.NextDouble() * 2 - 1;
        return m;
    }

    /// <summary>
    /// C = op(A)·op(B) through each backend against MathNet's reference product, on shapes that exercise every block
    /// and remainder of the kernels (1×1, rows not a multiple of 4, widths not a multiple of 8, 100×100), with every
    /// combination of transposes. Each entry is a sum of k products of numbers below 1, so any summation order agrees
    /// to k·ε·max|A||B|.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void ManagedProductsEqualTheReference(int m, int k, int n, bool transposeA, bool transposeB) =>
        CheckProduct("managed", m, k, n, transposeA, transposeB);

    [RequiresBlasTheory]
    [MemberData(nameof(Shapes))]
    public void OpenBlasProductsEqualTheReference(int m, int k, int n, bool transposeA, bool transposeB) =>
        CheckProduct("openblas", m, k, n, transposeA, transposeB);

    private static void CheckProduct(string backend, int m, int k, int n, bool transposeA, bool transposeB)
    {
        var (a, b) = Factors(m, k, n, transposeA, transposeB);
        var c = Random(m, n, new Random(m + k + n)); // stale content must be overwritten
        Backends.Get(backend).Multiply(a, transposeA, b, transposeB, c);
        var expected = Reference(a, transposeA, b, transposeB);
        var gap = (expected - c.ToMatrix()).Enumerate().Max(Math.Abs);
        Assert.True(gap <= 4 * k * 1.1e-16, $"max gap {gap:E2}");
        for (int r = 0; r < m; r++)
            for (int col = n; col < c.Stride; col++)
                Assert.Equal(0.0, c.Data[r * c.Stride + col]); // padding stays zero: full-width dot products rely on it
    }

    /// <summary>
    /// The managed kernel at every register width the machine accelerates gives bitwise the product of the
    /// 128-bit kernel (each entry is one multiply-add chain over k in order), on every shape of <see cref="Shapes"/>,
    /// and each agrees with the reference.
    /// </summary>
    [Theory]
    [MemberData(nameof(AcceleratedWidths.All), MemberType = typeof(AcceleratedWidths))]
    public void EveryRegisterWidthOfTheManagedKernelGivesBitwiseTheSameProduct(int laneBits)
    {
        var wide = LinearAlgebraBackend.ManagedWithLanes(laneBits);
        var narrow = LinearAlgebraBackend.ManagedWithLanes(128);
        Assert.Contains($"{laneBits}-bit registers", wide.Description);
        foreach (var row in Shapes())
        {
            var (m, k, n, transposeA, transposeB) = ((int)row[0], (int)row[1], (int)row[2], (bool)row[3], (bool)row[4]);
            var (a, b) = Factors(m, k, n, transposeA, transposeB);
            var expected = new MatrixBuffer(m, n);
            var c = new MatrixBuffer(m, n);
            narrow.Multiply(a, transposeA, b, transposeB, expected);
            wide.Multiply(a, transposeA, b, transposeB, c);
            Assert.Equal(expected.Data.ToArray(), c.Data.ToArray());
            Assert.True((Reference(a, transposeA, b, transposeB) - c.ToMatrix()).Enumerate().Max(Math.Abs) <= 4 * k * 1.1e-16);
        }
    }

    [Fact]
    public void AWidthTheMachineDoesNotAccelerateIsRefused() =>
        Assert.Contains("384-bit registers are not accelerated", Assert.Throws<ArgumentException>(() => LinearAlgebraBackend.ManagedWithLanes(384)).Message);

    /// <summary>A (m×k, or k×m to be transposed) and B (k×n, or n×k) with entries in (−1, 1), seeded by the shape.</summary>
    private static (MatrixBuffer A, MatrixBuffer B) Factors(int m, int k, int n, bool transposeA, bool transposeB)
    {
        var rng = new Random(m * 1000 + k * 10 + n);
        var a = transposeA ? Random(k, m, rng) : Random(m, k, rng);
        return (a, transposeB ? Random(n, k, rng) : Random(k, n, rng));
    }

    private static Matrix<double> Reference(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB) =>
        (transposeA ? a.ToMatrix().Transpose() : a.ToMatrix()) * (transposeB ? b.ToMatrix().Transpose() : b.ToMatrix());

    public static TheoryData<int, int, int, bool, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        foreach (var (m, k, n) in new[] { (1, 1, 1), (5, 3, 7), (4, 9, 16), (37, 29, 19), (100, 100, 100), (13, 1, 33) })
            foreach (var ta in new[] { false, true })
                foreach (var tb in new[] { false, true })
                    data.Add(m, k, n, ta, tb);
        return data;
    }

    [RequiresBlasFact]
    public void BothBackendsAgreeOnTheSimulatorsShapes()
    {
        var rng = new Random(7);
        var a = Random(100, 100, rng);
        var b = Random(100, 100, rng);
        var viaBlas = new MatrixBuffer(100, 100);
        var viaManaged = new MatrixBuffer(100, 100);
        MatrixKernels.Multiply(a, b, viaBlas, LinearAlgebraBackend.OpenBlas);
        MatrixKernels.Multiply(a, b, viaManaged, LinearAlgebraBackend.Managed);
        Assert.True((viaBlas.ToMatrix() - viaManaged.ToMatrix()).Enumerate().Max(Math.Abs) <= 1e-13);
        // Negative control: the check separates a product from its transpose's.
        MatrixKernels.MultiplyTransposed(a, b, viaManaged, LinearAlgebraBackend.Managed);
        Assert.True((viaBlas.ToMatrix() - viaManaged.ToMatrix()).Enumerate().Max(Math.Abs) > 1e-3);
    }

    [Fact]
    public void MismatchedShapesAreRefusedWithTheShapes()
    {
        // The check precedes any backend, so a bad shape never reaches BLAS (which would only print to stderr).
        var e = Assert.Throws<ArgumentException>(() => LinearAlgebraBackend.Managed.Multiply(new MatrixBuffer(3, 4), false, new MatrixBuffer(5, 2), new MatrixBuffer(3, 2)));
        Assert.Contains("3×4 by 5×2", e.Message);
        e = Assert.Throws<ArgumentException>(() => LinearAlgebraBackend.Managed.Multiply(new MatrixBuffer(3, 4), false, new MatrixBuffer(2, 5), true, new MatrixBuffer(3, 2)));
        Assert.Contains("3×4 by (2×5)ᵀ", e.Message);
    }

    /// <summary>
    /// The managed kernel copies a transposed B into per-thread scratches kept by shape. On four threads at once,
    /// each cycling through more shapes than it keeps (so scratches are evicted and reused), every product with Bᵀ
    /// must be bitwise the product with the explicitly transposed B, with C's padding zero: a scratch shared between
    /// threads, or reused at another shape with stale padding, breaks one of the two.
    /// </summary>
    [Fact]
    public void ProductsWithATransposedBAreExactOnManyThreadsAndManyShapes()
    {
        // Eleven shapes (more than the eight scratches a thread keeps), every thread on the same one at the same
        // round, large enough that a product takes long enough to overlap with another thread's transpose.
        var shapes = Enumerable.Range(0, 11).Select(i => (M: 90 + i, K: 100 + 3 * (i % 4), N: 110 - i)).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        // Dedicated threads released together: Parallel.For may run every iteration on one pool thread.
        using var start = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(thread => new Thread(() =>
        {
            var rng = new Random(thread);
            start.SignalAndWait();
            for (int round = 0; round < 88; round++)
            {
                var (m, k, n) = shapes[round % shapes.Length];
                var a = Random(m, k, rng);
                var b = Random(n, k, rng);
                var bt = new MatrixBuffer(k, n);
                MatrixKernels.Transpose(b, bt);
                var expected = new MatrixBuffer(m, n);
                var c = Random(m, n, rng);
                LinearAlgebraBackend.Managed.Multiply(a, false, bt, false, expected);
                LinearAlgebraBackend.Managed.Multiply(a, false, b, true, c);
                if (!expected.Data.SequenceEqual(c.Data)) failures.Add($"thread {thread}, round {round}: {m}x{k} by ({n}x{k})T");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
    }

    [Fact]
    public void AnEmptyInnerDimensionGivesZero()
    {
        var c = Random(3, 5, new Random(1));
        LinearAlgebraBackend.Managed.Multiply(new MatrixBuffer(3, 0), false, new MatrixBuffer(0, 5), c);
        Assert.Equal(0.0, c.FrobeniusSquared());
    }
}
