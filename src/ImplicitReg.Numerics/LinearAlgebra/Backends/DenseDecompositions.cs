using System.Buffers;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// Symmetric eigendecompositions, singular values and products of small dense MathNet matrices, for the convex
/// baselines (one decomposition per ADMM iteration). Through the LAPACK that OpenBLAS ships (<c>dsyevd</c>,
/// <c>dgesdd</c>) and <c>cblas_dgemm</c> when the library loaded by <see cref="OpenBlasLibrary"/> exports them;
/// otherwise through MathNet.Numerics' managed decompositions, which are slower on 100×100 (measured in
/// docs/baselines.md). The choice follows <see cref="LinearAlgebraBackend.SelectionVariable"/> like the dense
/// products do (<c>managed</c> forces MathNet) and is named by <see cref="Description"/>. Both paths compute the
/// same mathematical objects; their results agree to round-off, not bit for bit, and each is deterministic.
/// </summary>
public sealed class DenseDecompositions
{
    private readonly bool _native;

    private DenseDecompositions(bool native, string description)
    {
        _native = native;
        Description = description;
    }

    /// <summary>What runs the decompositions, for run outputs.</summary>
    public string Description { get; }

    /// <summary>True when LAPACK from OpenBLAS is used.</summary>
    public bool IsNative => _native;

    /// <summary>MathNet.Numerics' managed decompositions (always available).</summary>
    public static DenseDecompositions Managed { get; } = new(false, "MathNet.Numerics managed EVD/SVD");

    private static readonly Lazy<DenseDecompositions> DefaultProvider = new(() => For(LinearAlgebraBackend.Default));

    /// <summary>The process-wide choice: LAPACK when the default backend is OpenBLAS and exports it, else managed.</summary>
    public static DenseDecompositions Default => DefaultProvider.Value;

    /// <summary>The decompositions that go with a product backend (managed for the managed backend).</summary>
    public static DenseDecompositions For(LinearAlgebraBackend backend)
    {
        if (!backend.IsNative) return Managed;
        var missing = OpenBlasNative.LapackSymbols.Where(s => !OpenBlasLibrary.Exports(s)).ToList();
        if (missing.Count > 0)
            return new DenseDecompositions(false, $"MathNet.Numerics managed EVD/SVD (the BLAS library has no {string.Join(", ", missing)})");
        var title = OpenBlasLibrary.Probe().Title ?? "OpenBLAS";
        return new DenseDecompositions(true, $"{title} LAPACK (dsyevd, dgesdd)");
    }

    /// <summary>Eigenvalues of a symmetric matrix in ascending order and the orthonormal eigenvectors as columns.</summary>
    public (double[] Values, Matrix<double> Vectors) SymmetricEigen(Matrix<double> symmetric)
    {
        if (symmetric.RowCount != symmetric.ColumnCount)
            throw new ArgumentException($"a symmetric eigendecomposition needs a square matrix, got {symmetric.RowCount}×{symmetric.ColumnCount}");
        if (!_native)
        {
            var evd = symmetric.Evd(Symmetricity.Symmetric);
            return (evd.EigenValues.Select(z => z.Real).ToArray(), evd.EigenVectors);
        }
        int n = symmetric.RowCount;
        var a = symmetric.ToColumnMajorArray();
        var w = new double[n];
        if (n > 0) Dsyevd(n, a, w);
        return (w, Matrix<double>.Build.Dense(n, n, a));
    }

    /// <summary>The singular values in descending order (min(m, n) of them).</summary>
    public double[] SingularValues(Matrix<double> m)
    {
        if (!_native) return m.Svd(computeVectors: false).S.ToArray();
        int rows = m.RowCount, cols = m.ColumnCount;
        var s = new double[Math.Min(rows, cols)];
        if (s.Length > 0) Dgesdd(rows, cols, m.ToColumnMajorArray(), s);
        return s;
    }

    /// <summary>op(A)·op(B) with op = identity or transpose.</summary>
    public Matrix<double> Multiply(Matrix<double> a, bool transposeA, Matrix<double> b, bool transposeB)
    {
        if (!_native)
            return (transposeA, transposeB) switch
            {
                (false, false) => a * b,
                (true, false) => a.TransposeThisAndMultiply(b),
                (false, true) => a.TransposeAndMultiply(b),
                _ => a.TransposeThisAndMultiply(b.Transpose()),
            };
        int m = transposeA ? a.ColumnCount : a.RowCount, k = transposeA ? a.RowCount : a.ColumnCount;
        int kb = transposeB ? b.ColumnCount : b.RowCount, n = transposeB ? b.RowCount : b.ColumnCount;
        if (k != kb) throw new ArgumentException($"cannot multiply {(transposeA ? "Aᵀ" : "A")} ({m}×{k}) by {(transposeB ? "Bᵀ" : "B")} ({kb}×{n})");
        var c = new double[m * n];
        if (m > 0 && n > 0 && k > 0)
        {
            var av = a.ToColumnMajorArray();
            var bv = b.ToColumnMajorArray();
            OpenBlasNative.cblas_dgemm(OpenBlasNative.ColMajor, transposeA ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                transposeB ? OpenBlasNative.Trans : OpenBlasNative.NoTrans, m, n, k, 1.0, ref av[0], Math.Max(1, a.RowCount),
                ref bv[0], Math.Max(1, b.RowCount), 0.0, ref c[0], Math.Max(1, m));
        }
        return Matrix<double>.Build.Dense(m, n, c);
    }

    private static unsafe void Dsyevd(int n, double[] a, double[] w)
    {
        byte jobz = (byte)'V', uplo = (byte)'U';
        int lda = n, info = 0, query = -1, iworkSize = 0;
        double workSize = 0;
        fixed (double* pa = a, pw = w)
        {
            // Workspace query first (lwork = liwork = −1), then the call with pooled workspace.
            OpenBlasNative.dsyevd(&jobz, &uplo, &n, pa, &lda, pw, &workSize, &query, &iworkSize, &query, &info, 1, 1);
            Check("dsyevd", info);
            int lwork = (int)workSize, liwork = iworkSize;
            var work = ArrayPool<double>.Shared.Rent(Math.Max(1, lwork));
            var iwork = ArrayPool<int>.Shared.Rent(Math.Max(1, liwork));
            try
            {
                fixed (double* pwork = work)
                fixed (int* piwork = iwork)
                    OpenBlasNative.dsyevd(&jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(work);
                ArrayPool<int>.Shared.Return(iwork);
            }
        }
        Check("dsyevd", info);
    }

    private static unsafe void Dgesdd(int rows, int cols, double[] a, double[] s)
    {
        byte jobz = (byte)'N';
        int lda = rows, one = 1, info = 0, query = -1;
        double workSize = 0, unused = 0;
        var iwork = new int[8 * s.Length];
        fixed (double* pa = a, ps = s)
        fixed (int* piwork = iwork)
        {
            // U and Vᵀ are not referenced for jobz = 'N' (leading dimensions 1 are valid).
            OpenBlasNative.dgesdd(&jobz, &rows, &cols, pa, &lda, ps, &unused, &one, &unused, &one, &workSize, &query, piwork, &info, 1);
            Check("dgesdd", info);
            int lwork = (int)workSize;
            var work = ArrayPool<double>.Shared.Rent(Math.Max(1, lwork));
            try
            {
                fixed (double* pwork = work)
                    OpenBlasNative.dgesdd(&jobz, &rows, &cols, pa, &lda, ps, &unused, &one, &unused, &one, pwork, &lwork, piwork, &info, 1);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(work);
            }
        }
        Check("dgesdd", info);
    }

    private static void Check(string routine, int info)
    {
        // info < 0: an argument was wrong (a bug here); info > 0: the algorithm did not converge (NaN or Inf input).
        if (info < 0) throw new InvalidOperationException($"{routine}: argument {-info} rejected by LAPACK");
        if (info > 0) throw new ArithmeticException($"{routine} did not converge (info {info}); the matrix probably holds NaN or infinity");
    }
}
