using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// The thin P/Invoke surface of OpenBLAS's CBLAS (<c>cblas.h</c> of OpenBLAS 0.3, 32-bit <c>blasint</c> as in
/// Debian's <c>libopenblas0-pthread</c>). Matrices are passed as a reference to their first element (pinned by the
/// marshaller for the call); enumerations are the CBLAS integers. The library is located by
/// <see cref="OpenBlasLibrary"/> (a <c>DllImportResolver</c>), never by default probing, so a missing library is a
/// clear message. Callers validate shapes first: CBLAS reports a bad argument only by printing to stderr.
/// </summary>
internal static partial class OpenBlasNative
{
    internal const string Lib = "implicitreg-openblas";

    internal const int RowMajor = 101;
    internal const int NoTrans = 111;
    internal const int Trans = 112;

    /// <summary>C = alpha·op(A)·op(B) + beta·C.</summary>
    [LibraryImport(Lib)]
    internal static partial void cblas_dgemm(int order, int transA, int transB, int m, int n, int k,
        double alpha, ref double a, int lda, ref double b, int ldb, double beta, ref double c, int ldc);

    /// <summary>C = alpha·op(A)·op(B) + beta·C on column-major storage (MathNet's dense layout).</summary>
    internal const int ColMajor = 102;

    /// <summary>
    /// LAPACK's symmetric eigensolver (divide and conquer), Fortran interface: OpenBLAS exports LAPACK but Debian
    /// builds it without LAPACKE, so the Fortran symbol is called: every argument by reference, column-major, and
    /// gfortran's hidden lengths of the two character arguments at the end.
    /// </summary>
    [LibraryImport(Lib, EntryPoint = "dsyevd_")]
    internal static unsafe partial void dsyevd(byte* jobz, byte* uplo, int* n, double* a, int* lda, double* w,
        double* work, int* lwork, int* iwork, int* liwork, int* info, nuint jobzLength, nuint uploLength);

    /// <summary>LAPACK's singular value decomposition (divide and conquer), Fortran interface as for <see cref="dsyevd"/>.</summary>
    [LibraryImport(Lib, EntryPoint = "dgesdd_")]
    internal static unsafe partial void dgesdd(byte* jobz, int* m, int* n, double* a, int* lda, double* s, double* u, int* ldu,
        double* vt, int* ldvt, double* work, int* lwork, int* iwork, int* info, nuint jobzLength);

    /// <summary>The LAPACK symbols <see cref="DenseDecompositions"/> needs; a plain CBLAS does not export them.</summary>
    internal static readonly string[] LapackSymbols = ["dsyevd_", "dgesdd_"];

    /// <summary>Threads used by later calls (process-wide); OpenBLAS-only, so looked up by export, not imported.</summary>
    internal const string SetNumThreads = "openblas_set_num_threads";

    /// <summary><c>char* openblas_get_config(void)</c>, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64".</summary>
    internal const string GetConfig = "openblas_get_config";

    /// <summary><c>char* openblas_get_corename(void)</c>: the kernel family picked for this CPU at load time.</summary>
    internal const string GetCoreName = "openblas_get_corename";
}
