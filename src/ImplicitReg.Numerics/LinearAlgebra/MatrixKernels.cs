using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// Dense kernels on <see cref="MatrixBuffer"/>s for the simulators' hot loops: products C = A·B and C = Aᵀ·B
/// register-blocked as 4 rows × 32 columns of 512-bit accumulators (the step of GD on 100×100 layers is a
/// handful of these), transposes and scaled updates. No allocation. Without AVX-512 the same loops run on
/// <see cref="System.Numerics.Vector{T}"/>.
/// </summary>
public static class MatrixKernels
{
    /// <summary>C = A·B.</summary>
    public static void Multiply(MatrixBuffer a, MatrixBuffer b, MatrixBuffer c)
    {
        if (a.Columns != b.Rows || c.Rows != a.Rows || c.Columns != b.Columns)
            throw new ArgumentException($"cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns} into {c.Rows}×{c.Columns}");
        Product(a.Data, a.Stride, 1, a.Rows, a.Columns, b, c);
    }

    /// <summary>C = Aᵀ·B.</summary>
    public static void MultiplyTransposed(MatrixBuffer a, MatrixBuffer b, MatrixBuffer c)
    {
        if (a.Rows != b.Rows || c.Rows != a.Columns || c.Columns != b.Columns)
            throw new ArgumentException($"cannot multiply ({a.Rows}×{a.Columns})ᵀ by {b.Rows}×{b.Columns} into {c.Rows}×{c.Columns}");
        Product(a.Data, 1, a.Stride, a.Columns, a.Rows, b, c);
    }

    /// <summary>
    /// C = op(A)·B where op(A)[i, k] = aData[i·rowStep + k·innerStep]; m rows, inner dimension n.
    /// </summary>
    private static void Product(Span<double> aData, int rowStep, int innerStep, int m, int n, MatrixBuffer b, MatrixBuffer c)
    {
        if (Vector512.IsHardwareAccelerated) Product512(aData, rowStep, innerStep, m, n, b, c);
        else ProductPortable(aData, rowStep, innerStep, m, n, b, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Product512(Span<double> aData, int rowStep, int innerStep, int m, int n, MatrixBuffer b, MatrixBuffer c)
    {
        ref double a0 = ref MemoryMarshal.GetReference(aData);
        ref double b0 = ref MemoryMarshal.GetReference(b.Data);
        ref double c0 = ref MemoryMarshal.GetReference(c.Data);
        int width = c.Stride, bs = b.Stride, cs = c.Stride, m4 = m & ~3;
        // Column blocks outside, row blocks inside: B's slice (n × 32 doubles) stays in L1 while every row block
        // of A passes over it; with rows outside, all of B would stream from L2 once per row block.
        int j = 0;
        while (j < width)
        {
            // 32 columns at a time; a last stretch of 40 (e.g. 104 = 32 + 32 + 40) as one 4×40 block, since a
            // lone 4×8 block is latency-bound (four FMA chains only).
            int span = width - j == 40 ? 40 : width - j >= 32 ? 32 : 8;
            ref double bj = ref Unsafe.Add(ref b0, j);
            for (int i = 0; i < m4; i += 4)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                ref double ci = ref Unsafe.Add(ref c0, i * cs + j);
                if (span == 32) Block4x32(ref ai, rowStep, innerStep, n, ref bj, bs, ref ci, cs);
                else if (span == 40) Block4x40(ref ai, rowStep, innerStep, n, ref bj, bs, ref ci, cs);
                else Block4x8(ref ai, rowStep, innerStep, n, ref bj, bs, ref ci, cs);
            }
            for (int i = m4; i < m; i++)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                for (int jj = j; jj < j + span; jj += 8)
                {
                    var acc = Vector512<double>.Zero;
                    for (int k = 0; k < n; k++)
                        acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, k * innerStep)),
                            Vector512.LoadUnsafe(ref b0, (nuint)(k * bs + jj)), acc);
                    acc.StoreUnsafe(ref c0, (nuint)(i * cs + jj));
                }
            }
            j += span;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x32(ref double a, int rowStep, int innerStep, int n, ref double b, int bs, ref double c, int cs)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<double> c30 = default, c31 = default, c32 = default, c33 = default;
        int r1 = rowStep, r2 = 2 * rowStep, r3 = 3 * rowStep;
        for (int k = 0; k < n; k++)
        {
            ref double bk = ref Unsafe.Add(ref b, k * bs);
            var b0 = Vector512.LoadUnsafe(ref bk);
            var b1 = Vector512.LoadUnsafe(ref bk, 8);
            var b2 = Vector512.LoadUnsafe(ref bk, 16);
            var b3 = Vector512.LoadUnsafe(ref bk, 24);
            ref double ak = ref Unsafe.Add(ref a, k * innerStep);
            var x = Vector512.Create(ak);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
            c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
            x = Vector512.Create(Unsafe.Add(ref ak, r1));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
            c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
            x = Vector512.Create(Unsafe.Add(ref ak, r2));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
            c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
            x = Vector512.Create(Unsafe.Add(ref ak, r3));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(x, b2, c32);
            c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
        }
        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, 8); c02.StoreUnsafe(ref c, 16); c03.StoreUnsafe(ref c, 24);
        ref double cr = ref Unsafe.Add(ref c, cs);
        c10.StoreUnsafe(ref cr); c11.StoreUnsafe(ref cr, 8); c12.StoreUnsafe(ref cr, 16); c13.StoreUnsafe(ref cr, 24);
        cr = ref Unsafe.Add(ref c, 2 * cs);
        c20.StoreUnsafe(ref cr); c21.StoreUnsafe(ref cr, 8); c22.StoreUnsafe(ref cr, 16); c23.StoreUnsafe(ref cr, 24);
        cr = ref Unsafe.Add(ref c, 3 * cs);
        c30.StoreUnsafe(ref cr); c31.StoreUnsafe(ref cr, 8); c32.StoreUnsafe(ref cr, 16); c33.StoreUnsafe(ref cr, 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x40(ref double a, int rowStep, int innerStep, int n, ref double b, int bs, ref double c, int cs)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default;
        Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default, c24 = default;
        Vector512<double> c30 = default, c31 = default, c32 = default, c33 = default, c34 = default;
        int r1 = rowStep, r2 = 2 * rowStep, r3 = 3 * rowStep;
        for (int k = 0; k < n; k++)
        {
            ref double bk = ref Unsafe.Add(ref b, k * bs);
            var b0 = Vector512.LoadUnsafe(ref bk);
            var b1 = Vector512.LoadUnsafe(ref bk, 8);
            var b2 = Vector512.LoadUnsafe(ref bk, 16);
            var b3 = Vector512.LoadUnsafe(ref bk, 24);
            var b4 = Vector512.LoadUnsafe(ref bk, 32);
            ref double ak = ref Unsafe.Add(ref a, k * innerStep);
            var x = Vector512.Create(ak);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
            c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
            c04 = Vector512.FusedMultiplyAdd(x, b4, c04);
            x = Vector512.Create(Unsafe.Add(ref ak, r1));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
            c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
            c14 = Vector512.FusedMultiplyAdd(x, b4, c14);
            x = Vector512.Create(Unsafe.Add(ref ak, r2));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
            c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
            c24 = Vector512.FusedMultiplyAdd(x, b4, c24);
            x = Vector512.Create(Unsafe.Add(ref ak, r3));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(x, b2, c32);
            c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
            c34 = Vector512.FusedMultiplyAdd(x, b4, c34);
        }
        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, 8); c02.StoreUnsafe(ref c, 16); c03.StoreUnsafe(ref c, 24); c04.StoreUnsafe(ref c, 32);
        ref double cr = ref Unsafe.Add(ref c, cs);
        c10.StoreUnsafe(ref cr); c11.StoreUnsafe(ref cr, 8); c12.StoreUnsafe(ref cr, 16); c13.StoreUnsafe(ref cr, 24); c14.StoreUnsafe(ref cr, 32);
        cr = ref Unsafe.Add(ref c, 2 * cs);
        c20.StoreUnsafe(ref cr); c21.StoreUnsafe(ref cr, 8); c22.StoreUnsafe(ref cr, 16); c23.StoreUnsafe(ref cr, 24); c24.StoreUnsafe(ref cr, 32);
        cr = ref Unsafe.Add(ref c, 3 * cs);
        c30.StoreUnsafe(ref cr); c31.StoreUnsafe(ref cr, 8); c32.StoreUnsafe(ref cr, 16); c33.StoreUnsafe(ref cr, 24); c34.StoreUnsafe(ref cr, 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x8(ref double a, int rowStep, int innerStep, int n, ref double b, int bs, ref double c, int cs)
    {
        Vector512<double> c0 = default, c1 = default, c2 = default, c3 = default;
        int r1 = rowStep, r2 = 2 * rowStep, r3 = 3 * rowStep;
        for (int k = 0; k < n; k++)
        {
            var bk = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, k * bs));
            ref double ak = ref Unsafe.Add(ref a, k * innerStep);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(ak), bk, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ak, r1)), bk, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ak, r2)), bk, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ak, r3)), bk, c3);
        }
        c0.StoreUnsafe(ref c);
        c1.StoreUnsafe(ref Unsafe.Add(ref c, cs));
        c2.StoreUnsafe(ref Unsafe.Add(ref c, 2 * cs));
        c3.StoreUnsafe(ref Unsafe.Add(ref c, 3 * cs));
    }

    private static void ProductPortable(Span<double> aData, int rowStep, int innerStep, int m, int n, MatrixBuffer b, MatrixBuffer c)
    {
        // Row-axpy form: C[i, :] = Σ_k op(A)[i, k]·B[k, :], vectorised along the row.
        var cd = c.Data;
        for (int i = 0; i < m; i++)
        {
            var row = cd.Slice(i * c.Stride, c.Stride);
            row.Clear();
            for (int k = 0; k < n; k++)
                RowKernels.AddScaled(aData[i * rowStep + k * innerStep], b.Data.Slice(k * b.Stride, b.Stride), row);
        }
    }

    /// <summary>AT = Aᵀ (the padding of AT stays zero).</summary>
    public static void Transpose(MatrixBuffer a, MatrixBuffer at)
    {
        if (at.Rows != a.Columns || at.Columns != a.Rows)
            throw new ArgumentException($"cannot transpose {a.Rows}×{a.Columns} into {at.Rows}×{at.Columns}");
        TransposeBlocks(a, at, 0, overwrite: true);
    }

    /// <summary>W −= s·GTᵀ, where GT holds the transpose of the update.</summary>
    public static void SubtractScaledTransposed(MatrixBuffer w, double s, MatrixBuffer gt)
    {
        if (gt.Rows != w.Columns || gt.Columns != w.Rows)
            throw new ArgumentException($"transposed update {gt.Rows}×{gt.Columns} does not fit {w.Rows}×{w.Columns}");
        TransposeBlocks(gt, w, -s, overwrite: false);
    }

    /// <summary>
    /// dst = srcᵀ (overwrite) or dst += scale·srcᵀ, in 4×4 tiles transposed in registers (two unpacks and a
    /// lane permute per pair of rows); the ragged border is done entry by entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeBlocks(MatrixBuffer src, MatrixBuffer dst, double scale, bool overwrite)
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
            var vs = Vector256.Create(scale);
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
                    if (overwrite)
                    {
                        y0.StoreUnsafe(ref dp);
                        y1.StoreUnsafe(ref Unsafe.Add(ref dp, ds));
                        y2.StoreUnsafe(ref Unsafe.Add(ref dp, 2 * ds));
                        y3.StoreUnsafe(ref Unsafe.Add(ref dp, 3 * ds));
                    }
                    else
                    {
                        Vector256.FusedMultiplyAdd(vs, y0, Vector256.LoadUnsafe(ref dp)).StoreUnsafe(ref dp);
                        ref double d1 = ref Unsafe.Add(ref dp, ds);
                        Vector256.FusedMultiplyAdd(vs, y1, Vector256.LoadUnsafe(ref d1)).StoreUnsafe(ref d1);
                        ref double d2 = ref Unsafe.Add(ref dp, 2 * ds);
                        Vector256.FusedMultiplyAdd(vs, y2, Vector256.LoadUnsafe(ref d2)).StoreUnsafe(ref d2);
                        ref double d3 = ref Unsafe.Add(ref dp, 3 * ds);
                        Vector256.FusedMultiplyAdd(vs, y3, Vector256.LoadUnsafe(ref d3)).StoreUnsafe(ref d3);
                    }
                }
        }
        // Border: the last rows (all columns) and, above them, the last columns.
        for (int r = 0; r < rows; r++)
            for (int c = r < r4 ? c4 : 0; c < cols; c++)
            {
                ref double target = ref dd[c * ds + r];
                target = overwrite ? sd[r * ss + c] : target + scale * sd[r * ss + c];
            }
    }

    /// <summary>W −= s·G.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SubtractScaled(MatrixBuffer w, double s, MatrixBuffer g)
    {
        w.RequireSameShape(g);
        RowKernels.AddScaled(-s, g.Data, w.Data);
    }
}
