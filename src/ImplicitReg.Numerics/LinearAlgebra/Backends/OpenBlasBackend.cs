namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>Dense products through <c>cblas_dgemm</c> on the padded row-major storage (lda = stride).</summary>
internal sealed class OpenBlasBackend(BlasAvailability library) : LinearAlgebraBackend
{
    public override string Description => $"{library.Title} (cblas_dgemm)";

    public override bool IsNative => true;

    /// <summary>OpenBLAS's kernel family for this CPU, e.g. "Zen" or "Haswell".</summary>
    public string? Core => library.Core;

    private protected override void Product(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB, MatrixBuffer c, int m, int k)
    {
        // Only the Columns of C are written, so its zero padding is kept.
        OpenBlasNative.cblas_dgemm(OpenBlasNative.RowMajor, transposeA ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
            transposeB ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
            m, c.Columns, k, 1.0, ref a.Data[0], a.Stride, ref b.Data[0], b.Stride, 0.0, ref c.Data[0], c.Stride);
    }
}
