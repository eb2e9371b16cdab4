using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// Dense kernels on <see cref="MatrixBuffer"/>s for the simulators' hot loops: products C = op(A)·op(B)
/// (through a <see cref="LinearAlgebraBackend"/>: OpenBLAS or the portable managed kernel), transposes and
/// scaled updates. No allocation in a steady loop: the managed kernel's product with a transposed B allocates its
/// per-thread scratch the first time it meets a shape (see ManagedBackend), never again after.
/// </summary>
public static class MatrixKernels
{
    /// <summary>C = A·B on <paramref name="backend"/> (default: <see cref="LinearAlgebraBackend.Default"/>).</summary>
    public static void Multiply(MatrixBuffer a, MatrixBuffer b, MatrixBuffer c, LinearAlgebraBackend? backend = null) =>
        (backend ?? LinearAlgebraBackend.Default).Multiply(a, false, b, c);

    /// <summary>C = Aᵀ·B on <paramref name="backend"/> (default: <see cref="LinearAlgebraBackend.Default"/>).</summary>
    public static void MultiplyTransposed(MatrixBuffer a, MatrixBuffer b, MatrixBuffer c, LinearAlgebraBackend? backend = null) =>
        (backend ?? LinearAlgebraBackend.Default).Multiply(a, true, b, c);

    /// <summary>C = op(A)·op(B), op(X) = X or Xᵀ, on <paramref name="backend"/> (default: <see cref="LinearAlgebraBackend.Default"/>).</summary>
    public static void Multiply(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB, MatrixBuffer c, LinearAlgebraBackend? backend = null) =>
        (backend ?? LinearAlgebraBackend.Default).Multiply(a, transposeA, b, transposeB, c);

    /// <summary>AT = Aᵀ (the padding of AT stays zero).</summary>
    public static void Transpose(MatrixBuffer a, MatrixBuffer at)
    {
        if (at.Rows != a.Columns || at.Columns != a.Rows)
            throw new ArgumentException($"cannot transpose {a.Rows}×{a.Columns} into {at.Rows}×{at.Columns}");
        TransposeBlocks(a, at);
    }

    /// <summary>
    /// dst = srcᵀ in 4×4 tiles transposed in registers (two unpacks and a lane permute per pair of rows); the ragged
    /// border is done entry by entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeBlocks(MatrixBuffer src, MatrixBuffer dst)
    {
        int rows = src.Rows, cols = src.Columns, ss = src.Stride, ds = dst.Stride;
        var sd = src.Data;
        var dd = dst.Data;
        int r4 = 0, c4 = 0;
        if (Avx.IsSupported)
        {
            r4 = rows & ~3;
            c4 = cols & ~3;
            ref double s0 = ref MemoryMarshal.GetReference(sd);
            ref double d0 = ref MemoryMarshal.GetReference(dd);
            for (int r = 0; r < r4; r += 4)
                for (int c = 0; c < c4; c += 4)
                {
                    ref double sp = ref Unsafe.Add(ref s0, r * ss + c);
                    var x0 = Vector256.LoadUnsafe(ref sp);
                    var x1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, ss));
                    var x2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, 2 * ss));
                    var x3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, 3 * ss));
                    var t0 = Avx.UnpackLow(x0, x1);   // x0[0] x1[0] x0[2] x1[2]
                    var t1 = Avx.UnpackHigh(x0, x1);  // x0[1] x1[1] x0[3] x1[3]
                    var t2 = Avx.UnpackLow(x2, x3);
                    var t3 = Avx.UnpackHigh(x2, x3);
                    var y0 = Avx.Permute2x128(t0, t2, 0x20); // column c of the tile
                    var y1 = Avx.Permute2x128(t1, t3, 0x20);
                    var y2 = Avx.Permute2x128(t0, t2, 0x31);
                    var y3 = Avx.Permute2x128(t1, t3, 0x31);
                    ref double dp = ref Unsafe.Add(ref d0, c * ds + r);
                    y0.StoreUnsafe(ref dp);
                    y1.StoreUnsafe(ref Unsafe.Add(ref dp, ds));
                    y2.StoreUnsafe(ref Unsafe.Add(ref dp, 2 * ds));
                    y3.StoreUnsafe(ref Unsafe.Add(ref dp, 3 * ds));
                }
        }
        // Border: the last rows (all columns) and, above them, the last columns.
        for (int r = 0; r < rows; r++)
            for (int c = r < r4 ? c4 : 0; c < cols; c++)
                dd[c * ds + r] = sd[r * ss + c];
    }

    /// <summary>W −= s·G.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SubtractScaled(MatrixBuffer w, double s, MatrixBuffer g)
    {
        w.RequireSameShape(g);
        RowKernels.AddScaled(-s, g.Data, w.Data);
    }
}
