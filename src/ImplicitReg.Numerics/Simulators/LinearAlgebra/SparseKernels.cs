using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ImplicitReg.Numerics.Simulators.LinearAlgebra;

/// <summary>
/// Products of a sparse matrix S (pattern + values) with dense row-major matrices, and the sampled product
/// (X·Yᵀ at the pattern's positions), all without allocation.
/// </summary>
public static class SparseKernels
{
    /// <summary>
    /// values[e] = X[row_e, :]·Y[col_e, :] for each CSR position e (so with Y = Bᵀ this samples X·B). Four dot
    /// products run interleaved: one dot alone is bound by the latency of its FMA chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SampledDot(SparsePattern pattern, MatrixBuffer x, MatrixBuffer y, double[] values)
    {
        if (x.Columns != y.Columns) throw new ArgumentException("sampled product needs rows of equal length");
        int m = pattern.Count, width = x.Stride, xs = x.Stride, ys = y.Stride;
        var rows = pattern.CsrRow;
        var cols = pattern.CsrColumn;
        ref double x0 = ref MemoryMarshal.GetArrayDataReference(x.Data);
        ref double y0 = ref MemoryMarshal.GetArrayDataReference(y.Data);
        int e = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; e + 4 <= m; e += 4)
            {
                ref double xa = ref Unsafe.Add(ref x0, rows[e] * xs);
                ref double xb = ref Unsafe.Add(ref x0, rows[e + 1] * xs);
                ref double xc = ref Unsafe.Add(ref x0, rows[e + 2] * xs);
                ref double xd = ref Unsafe.Add(ref x0, rows[e + 3] * xs);
                ref double ya = ref Unsafe.Add(ref y0, cols[e] * ys);
                ref double yb = ref Unsafe.Add(ref y0, cols[e + 1] * ys);
                ref double yc = ref Unsafe.Add(ref y0, cols[e + 2] * ys);
                ref double yd = ref Unsafe.Add(ref y0, cols[e + 3] * ys);
                Vector512<double> a = default, b = default, c = default, d = default;
                for (nuint i = 0; i < (nuint)width; i += 8)
                {
                    a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xa, i), Vector512.LoadUnsafe(ref ya, i), a);
                    b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xb, i), Vector512.LoadUnsafe(ref yb, i), b);
                    c = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xc, i), Vector512.LoadUnsafe(ref yc, i), c);
                    d = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xd, i), Vector512.LoadUnsafe(ref yd, i), d);
                }
                values[e] = Vector512.Sum(a);
                values[e + 1] = Vector512.Sum(b);
                values[e + 2] = Vector512.Sum(c);
                values[e + 3] = Vector512.Sum(d);
            }
        }
        var xd2 = x.Data.AsSpan();
        var yd2 = y.Data.AsSpan();
        for (; e < m; e++) values[e] = RowKernels.Dot(xd2.Slice(rows[e] * xs, width), yd2.Slice(cols[e] * ys, width));
    }

    /// <summary>result = S·B: result[r, :] = Σ_{e in row r} values[e]·B[col_e, :] (CSR values).</summary>
    public static void Multiply(SparsePattern pattern, double[] csrValues, MatrixBuffer b, MatrixBuffer result)
    {
        if (b.Rows != pattern.Columns || result.Rows != pattern.Rows || result.Columns != b.Columns)
            throw new ArgumentException("shapes of the sparse product do not match");
        Grouped(pattern.RowStart, pattern.CsrColumn, csrValues, b, result);
    }

    /// <summary>result = Sᵀ·B: result[c, :] = Σ_{e in column c} value·B[row_e, :] (values in CSC order).</summary>
    public static void MultiplyTransposed(SparsePattern pattern, double[] cscValues, MatrixBuffer b, MatrixBuffer result)
    {
        if (b.Rows != pattern.Rows || result.Rows != pattern.Columns || result.Columns != b.Columns)
            throw new ArgumentException("shapes of the transposed sparse product do not match");
        Grouped(pattern.ColumnStart, pattern.CscRow, cscValues, b, result);
    }

    /// <summary>out[g, :] = Σ_{e ∈ group g} w[e]·src[source[e], :], each output row accumulated in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Grouped(int[] start, int[] source, double[] w, MatrixBuffer src, MatrixBuffer output)
    {
        int width = output.Stride, ss = src.Stride, os = output.Stride;
        ref double s0 = ref MemoryMarshal.GetArrayDataReference(src.Data);
        ref double o0 = ref MemoryMarshal.GetArrayDataReference(output.Data);
        for (int g = 0; g + 1 < start.Length; g++)
        {
            int begin = start[g], end = start[g + 1];
            ref double og = ref Unsafe.Add(ref o0, g * os);
            if (begin == end)
            {
                output.Data.AsSpan(g * os, os).Clear();
                continue;
            }
            if (!Vector512.IsHardwareAccelerated)
            {
                var row = output.Data.AsSpan(g * os, os);
                row.Clear();
                for (int e = begin; e < end; e++) RowKernels.AddScaled(w[e], src.Data.AsSpan(source[e] * ss, ss), row);
                continue;
            }
            int j = 0;
            for (; j + 32 <= width; j += 32)
            {
                Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
                for (int e = begin; e < end; e++)
                {
                    var we = Vector512.Create(w[e]);
                    ref double sr = ref Unsafe.Add(ref s0, source[e] * ss + j);
                    a0 = Vector512.FusedMultiplyAdd(we, Vector512.LoadUnsafe(ref sr), a0);
                    a1 = Vector512.FusedMultiplyAdd(we, Vector512.LoadUnsafe(ref sr, 8), a1);
                    a2 = Vector512.FusedMultiplyAdd(we, Vector512.LoadUnsafe(ref sr, 16), a2);
                    a3 = Vector512.FusedMultiplyAdd(we, Vector512.LoadUnsafe(ref sr, 24), a3);
                }
                ref double dst = ref Unsafe.Add(ref og, j);
                a0.StoreUnsafe(ref dst);
                a1.StoreUnsafe(ref dst, 8);
                a2.StoreUnsafe(ref dst, 16);
                a3.StoreUnsafe(ref dst, 24);
            }
            for (; j < width; j += 8)
            {
                Vector512<double> a0 = default;
                for (int e = begin; e < end; e++)
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(w[e]), Vector512.LoadUnsafe(ref Unsafe.Add(ref s0, source[e] * ss + j)), a0);
                a0.StoreUnsafe(ref Unsafe.Add(ref og, j));
            }
        }
    }
}
