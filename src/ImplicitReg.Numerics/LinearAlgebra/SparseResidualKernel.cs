using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra;

public static partial class SparseKernels
{
    /// <summary>
    /// One pass over the rows [rowBegin, rowEnd) of the pattern that fuses three loops over the same non-zeros of
    /// a least-squares fit X·Yᵀ ≈ targets on the pattern: for each position e of row r,
    /// residuals[e] = X[r, :]·Y[col_e, :] − targets[e] and weights[e] = scale·residuals[e]; then
    /// output[r, :] = Σ_e weights[e]·Y[col_e, :] (the sparse product S·Y with S holding the weights). The rows of Y
    /// a row needs are gathered once for the dot products and are still in L1 when the same row's output is formed.
    /// Every output row, residual and weight depends only on its own row and is computed with the arithmetic of
    /// <see cref="SampledDot"/> and <see cref="Multiply"/>, so workers that split the rows get bitwise what one
    /// call over all rows gets, and that is bitwise what the three separate kernels give.
    /// </summary>
    /// <param name="pattern">The positions (CSR order is used).</param>
    /// <param name="x">rows × k.</param>
    /// <param name="y">columns × k.</param>
    /// <param name="targets">Target per CSR position.</param>
    /// <param name="scale">Weight per unit of residual (2c for the loss c·Σ residual²).</param>
    /// <param name="residuals">Receives the residual per CSR position.</param>
    /// <param name="weights">Receives scale·residual per CSR position.</param>
    /// <param name="output">rows × k; rows outside the range are not touched.</param>
    /// <param name="rowBegin">First row.</param>
    /// <param name="rowEnd">One past the last row (−1: all).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SampledResidualProduct(SparsePattern pattern, MatrixBuffer x, MatrixBuffer y, double[] targets, double scale,
        double[] residuals, double[] weights, MatrixBuffer output, int rowBegin = 0, int rowEnd = -1)
    {
        if (x.Columns != y.Columns || output.Columns != y.Columns) throw new ArgumentException("the fused sparse product needs rows of equal length");
        if (x.Rows != pattern.Rows || y.Rows != pattern.Columns || output.Rows != pattern.Rows)
            throw new ArgumentException("shapes of the fused sparse product do not match the pattern");
        if (targets.Length < pattern.Count || residuals.Length < pattern.Count || weights.Length < pattern.Count) throw new ArgumentException("one target and one weight per position are needed");
        if (rowEnd < 0) rowEnd = pattern.Rows;
        if (rowBegin < 0 || rowEnd > pattern.Rows || rowBegin > rowEnd)
            throw new ArgumentOutOfRangeException(nameof(rowBegin), $"rows [{rowBegin}, {rowEnd}) are not inside 0 … {pattern.Rows}");
        int width = x.Stride, xs = x.Stride, ys = y.Stride, os = output.Stride;
        var cols = pattern.CsrColumn;
        var start = pattern.RowStart;
        ref double x0 = ref MemoryMarshal.GetReference(x.Data);
        ref double y0 = ref MemoryMarshal.GetReference(y.Data);
        ref double o0 = ref MemoryMarshal.GetReference(output.Data);
        for (int row = rowBegin; row < rowEnd; row++)
        {
            int begin = start[row], end = start[row + 1];
            RowDots(ref Unsafe.Add(ref x0, row * xs), ref y0, ys, width, cols, begin, end, residuals, 0);
            for (int e = begin; e < end; e++)
            {
                var r = residuals[e] - targets[e];
                residuals[e] = r;
                weights[e] = scale * r;
            }
            GatherRow(weights, cols, begin, end, ref y0, ys, ref Unsafe.Add(ref o0, row * os), width);
        }
    }

    /// <summary>
    /// dst = Σ_{e ∈ [begin, end)} w[e]·src[index[e], :] over a padded row of <paramref name="width"/> doubles, with the
    /// per-entry arithmetic of <c>Grouped</c> (chunks of four vectors: even and odd entries in two FMA chains; the
    /// remaining vectors: four chains), so both give bitwise the same row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GatherRow(double[] w, int[] index, int begin, int end, ref double s0, int ss, ref double dst, int width)
    {
        int lanes = Vector<double>.Count, chunk = 4 * lanes;
        nuint l1 = (nuint)lanes, l2 = 2 * l1, l3 = 3 * l1;
        ref double w0 = ref MemoryMarshal.GetArrayDataReference(w);
        ref int i0 = ref MemoryMarshal.GetArrayDataReference(index);
        int j = 0;
        for (; j + chunk <= width; j += chunk)
        {
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector<double> b0 = default, b1 = default, b2 = default, b3 = default;
            int e = begin;
            for (; e + 2 <= end; e += 2)
            {
                var we = new Vector<double>(Unsafe.Add(ref w0, e));
                var wf = new Vector<double>(Unsafe.Add(ref w0, e + 1));
                ref double sr = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j);
                ref double sq = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e + 1) * ss + j);
                a0 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr), a0);
                a1 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l1), a1);
                a2 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l2), a2);
                a3 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l3), a3);
                b0 = Vector.FusedMultiplyAdd(wf, Vector.LoadUnsafe(ref sq), b0);
                b1 = Vector.FusedMultiplyAdd(wf, Vector.LoadUnsafe(ref sq, l1), b1);
                b2 = Vector.FusedMultiplyAdd(wf, Vector.LoadUnsafe(ref sq, l2), b2);
                b3 = Vector.FusedMultiplyAdd(wf, Vector.LoadUnsafe(ref sq, l3), b3);
            }
            if (e < end)
            {
                var we = new Vector<double>(Unsafe.Add(ref w0, e));
                ref double sr = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j);
                a0 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr), a0);
                a1 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l1), a1);
                a2 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l2), a2);
                a3 = Vector.FusedMultiplyAdd(we, Vector.LoadUnsafe(ref sr, l3), a3);
            }
            ref double d = ref Unsafe.Add(ref dst, j);
            (a0 + b0).StoreUnsafe(ref d);
            (a1 + b1).StoreUnsafe(ref d, l1);
            (a2 + b2).StoreUnsafe(ref d, l2);
            (a3 + b3).StoreUnsafe(ref d, l3);
        }
        for (; j < width; j += lanes)
        {
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            int e = begin;
            for (; e + 4 <= end; e += 4)
            {
                a0 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref w0, e)), Vector.LoadUnsafe(ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j)), a0);
                a1 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref w0, e + 1)), Vector.LoadUnsafe(ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e + 1) * ss + j)), a1);
                a2 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref w0, e + 2)), Vector.LoadUnsafe(ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e + 2) * ss + j)), a2);
                a3 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref w0, e + 3)), Vector.LoadUnsafe(ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e + 3) * ss + j)), a3);
            }
            for (; e < end; e++)
                a0 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref w0, e)), Vector.LoadUnsafe(ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j)), a0);
            ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref Unsafe.Add(ref dst, j));
        }
    }
}
