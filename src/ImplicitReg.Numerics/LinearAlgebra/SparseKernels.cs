using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// Products of a sparse matrix S (pattern + values) with dense row-major matrices, and the sampled product
/// (X·Yᵀ at the pattern's positions), all without allocation. These are the sparse parts of the completion
/// gradients, where the algorithmic advantage over a dense loop lies, so they are ours rather than a BLAS's,
/// blocked so that several independent FMA chains share each load. The sampled product is written on
/// <see cref="Vector{T}"/>; the products with S are written once over <see cref="ILanes{TSelf}"/> and run at the
/// widest register the machine accelerates (<see cref="RegisterWidths.Widest"/>), with the same result at every width.
/// </summary>
public static class SparseKernels
{
    /// <summary>
    /// values[e − valueOffset] = X[row_e, :]·Y[col_e, :] for each CSR position e of the rows [rowBegin, rowEnd) (all
    /// rows by default; so with Y = Bᵀ this samples X·B). Entries of one row share X's row: they are done eight at a
    /// time, each X chunk loaded once for eight independent FMA chains (one dot product alone is bound by the
    /// latency of its chain); a row's last group of fewer than eight is padded, so no entry runs on a chain alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SampledDot(SparsePattern pattern, MatrixBuffer x, MatrixBuffer y, double[] values,
        int rowBegin = 0, int rowEnd = -1, int valueOffset = 0)
    {
        if (x.Columns != y.Columns) throw new ArgumentException("sampled product needs rows of equal length");
        if (x.Rows != pattern.Rows || y.Rows != pattern.Columns) throw new ArgumentException("shapes of the sampled product do not match the pattern");
        int width = x.Stride, xs = x.Stride, ys = y.Stride, lanes = Vector<double>.Count;
        var cols = pattern.CsrColumn;
        var start = pattern.RowStart;
        if (rowEnd < 0) rowEnd = pattern.Rows;
        ref double x0 = ref MemoryMarshal.GetReference(x.Data);
        ref double y0 = ref MemoryMarshal.GetReference(y.Data);
        for (int row = rowBegin; row < rowEnd; row++)
        {
            ref double xr = ref Unsafe.Add(ref x0, row * xs);
            int e = start[row], end = start[row + 1];
            // Eight entries at a time, the last group of a row padded with its first entry (computed, not stored): a
            // padded group costs what one pair of latency-bound chains would, and each stored entry is still one
            // accumulator over the columns in order, so the values are those of the entry alone.
            for (; e < end; e += 8)
            {
                int n = end - e;
                int c1 = cols[e];
                ref double y1 = ref Unsafe.Add(ref y0, c1 * ys);
                ref double y2 = ref Unsafe.Add(ref y0, (n > 1 ? cols[e + 1] : c1) * ys);
                ref double y3 = ref Unsafe.Add(ref y0, (n > 2 ? cols[e + 2] : c1) * ys);
                ref double y4 = ref Unsafe.Add(ref y0, (n > 3 ? cols[e + 3] : c1) * ys);
                ref double y5 = ref Unsafe.Add(ref y0, (n > 4 ? cols[e + 4] : c1) * ys);
                ref double y6 = ref Unsafe.Add(ref y0, (n > 5 ? cols[e + 5] : c1) * ys);
                ref double y7 = ref Unsafe.Add(ref y0, (n > 6 ? cols[e + 6] : c1) * ys);
                ref double y8 = ref Unsafe.Add(ref y0, (n > 7 ? cols[e + 7] : c1) * ys);
                Vector<double> a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default, a8 = default;
                for (nuint i = 0; i < (nuint)width; i += (nuint)lanes)
                {
                    var xv = Vector.LoadUnsafe(ref xr, i);
                    a1 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y1, i), a1);
                    a2 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y2, i), a2);
                    a3 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y3, i), a3);
                    a4 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y4, i), a4);
                    a5 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y5, i), a5);
                    a6 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y6, i), a6);
                    a7 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y7, i), a7);
                    a8 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref y8, i), a8);
                }
                int at = e - valueOffset;
                values[at] = Vector.Sum(a1);
                if (n > 1) values[at + 1] = Vector.Sum(a2);
                if (n > 2) values[at + 2] = Vector.Sum(a3);
                if (n > 3) values[at + 3] = Vector.Sum(a4);
                if (n > 4) values[at + 4] = Vector.Sum(a5);
                if (n > 5) values[at + 5] = Vector.Sum(a6);
                if (n > 6) values[at + 6] = Vector.Sum(a7);
                if (n > 7) values[at + 7] = Vector.Sum(a8);
            }
        }
    }

    /// <summary>
    /// result = S·B: result[r, :] = Σ_{e in row r} values[e]·B[col_e, :] (CSR values). <paramref name="laneBits"/>
    /// picks the register width (0: <see cref="RegisterWidths.Widest"/>); every width gives bitwise the same result.
    /// </summary>
    public static void Multiply(SparsePattern pattern, double[] csrValues, MatrixBuffer b, MatrixBuffer result, int laneBits = 0)
    {
        if (b.Rows != pattern.Columns || result.Rows != pattern.Rows || result.Columns != b.Columns)
            throw new ArgumentException("shapes of the sparse product do not match");
        Grouped(pattern.RowStart, pattern.CsrColumn, csrValues, b, result, laneBits);
    }

    /// <summary>
    /// result = Sᵀ·B: result[c, :] = Σ_{e in column c} value·B[row_e, :] (values in CSC order).
    /// <paramref name="laneBits"/> as in <see cref="Multiply"/>.
    /// </summary>
    public static void MultiplyTransposed(SparsePattern pattern, double[] cscValues, MatrixBuffer b, MatrixBuffer result, int laneBits = 0)
    {
        if (b.Rows != pattern.Rows || result.Rows != pattern.Columns || result.Columns != b.Columns)
            throw new ArgumentException("shapes of the transposed sparse product do not match");
        Grouped(pattern.ColumnStart, pattern.CscRow, cscValues, b, result, laneBits);
    }

    private static void Grouped(int[] start, int[] source, double[] w, MatrixBuffer src, MatrixBuffer output, int laneBits)
    {
        switch (RegisterWidths.Checked(laneBits))
        {
            case 512: Grouped<Lanes512>(start, source, w, src, output); break;
            case 256: Grouped<Lanes256>(start, source, w, src, output); break;
            default: Grouped<Lanes128>(start, source, w, src, output); break;
        }
    }

    /// <summary>
    /// out[g, :] = Σ_{e ∈ group g} w[e]·src[source[e], :], written once for every register width (see
    /// <see cref="ILanes{TSelf}"/>): the two sparse products are about a sixth of E1's depth-3 completion step (29 of
    /// 189 µs with AVX2 on the 2-core development machine, quiet), and on AVX-512 twice the lanes halve them. Columns go in chunks
    /// of four registers as the outer loop, so the slice of the source being gathered stays in L1 while every group
    /// reads it; within a chunk each output slice is accumulated in registers, two entries at a time (even entries
    /// in one accumulator, odd in the other, eight accumulators) so the FMA chains overlap. The columns after the
    /// last whole chunk follow the same even/odd rule two registers and then one at a time, so every output entry
    /// is summed in the same order whatever the width: results are bitwise equal
    /// on AVX2, AVX-512 and ARM.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Grouped<V>(int[] start, int[] source, double[] w, MatrixBuffer src, MatrixBuffer output)
        where V : struct, ILanes<V>
    {
        int width = output.Stride, lanes = V.Count;
        var pass = new GroupedPass(start, source, w, src, output);
        int j = 0;
        for (; j + 4 * lanes <= width; j += 4 * lanes) pass.Columns<V, FourRegisters>(j);
        // The columns after the last whole chunk: two registers at a time where two remain (AVX2's 104-wide rows leave
        // two), so four FMA chains overlap instead of two, then one.
        for (; j + 2 * lanes <= width; j += 2 * lanes) pass.Columns<V, TwoRegisters>(j);
        for (; j < width; j += lanes) pass.Columns<V, OneRegister>(j);
    }

    /// <summary>How many registers of columns one pass of <see cref="GroupedPass.Columns{V, B}"/> covers.</summary>
    private interface IColumnBlock
    {
        static abstract int Registers { get; }
    }

    private readonly struct FourRegisters : IColumnBlock
    {
        public static int Registers => 4;
    }

    private readonly struct TwoRegisters : IColumnBlock
    {
        public static int Registers => 2;
    }

    private readonly struct OneRegister : IColumnBlock
    {
        public static int Registers => 1;
    }

    /// <summary>The operands of one grouped product, so a column block is one method written once for 4, 2 and 1 registers.</summary>
    private readonly ref struct GroupedPass(int[] start, int[] source, double[] w, MatrixBuffer src, MatrixBuffer output)
    {
        private readonly int[] _start = start;
        private readonly int[] _source = source;
        private readonly double[] _w = w;
        private readonly Span<double> _src = src.Data;
        private readonly Span<double> _out = output.Data;
        private readonly int _ss = src.Stride, _os = output.Stride;

        /// <summary>
        /// out[g, j … j + B·lanes) for every group g: even entries in the a accumulators, odd ones in the b accumulators,
        /// a + b at the end, whatever B is. B is a type so the JIT compiles each block size with the unused registers gone.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Columns<V, B>(int j) where V : struct, ILanes<V> where B : struct, IColumnBlock
        {
            int groups = _start.Length - 1, ss = _ss, os = _os;
            nuint l1 = (nuint)V.Count, l2 = 2 * l1, l3 = 3 * l1;
            ref double s0 = ref MemoryMarshal.GetReference(_src);
            ref double o0 = ref MemoryMarshal.GetReference(_out);
            ref double w0 = ref MemoryMarshal.GetArrayDataReference(_w);
            ref int i0 = ref MemoryMarshal.GetArrayDataReference(_source);
            var start = _start;
            for (int g = 0; g < groups; g++)
            {
                int e = start[g], end = start[g + 1];
                V a0 = V.Zero, a1 = V.Zero, a2 = V.Zero, a3 = V.Zero;
                V b0 = V.Zero, b1 = V.Zero, b2 = V.Zero, b3 = V.Zero;
                for (; e + 2 <= end; e += 2)
                {
                    var we = V.Broadcast(Unsafe.Add(ref w0, e));
                    var wf = V.Broadcast(Unsafe.Add(ref w0, e + 1));
                    ref double sr = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j);
                    ref double sq = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e + 1) * ss + j);
                    a0 = V.Fma(we, V.Load(ref sr, 0), a0);
                    b0 = V.Fma(wf, V.Load(ref sq, 0), b0);
                    if (B.Registers >= 2)
                    {
                        a1 = V.Fma(we, V.Load(ref sr, l1), a1);
                        b1 = V.Fma(wf, V.Load(ref sq, l1), b1);
                    }
                    if (B.Registers == 4)
                    {
                        a2 = V.Fma(we, V.Load(ref sr, l2), a2);
                        a3 = V.Fma(we, V.Load(ref sr, l3), a3);
                        b2 = V.Fma(wf, V.Load(ref sq, l2), b2);
                        b3 = V.Fma(wf, V.Load(ref sq, l3), b3);
                    }
                }
                if (e < end)
                {
                    var we = V.Broadcast(Unsafe.Add(ref w0, e));
                    ref double sr = ref Unsafe.Add(ref s0, Unsafe.Add(ref i0, e) * ss + j);
                    a0 = V.Fma(we, V.Load(ref sr, 0), a0);
                    if (B.Registers >= 2) a1 = V.Fma(we, V.Load(ref sr, l1), a1);
                    if (B.Registers == 4)
                    {
                        a2 = V.Fma(we, V.Load(ref sr, l2), a2);
                        a3 = V.Fma(we, V.Load(ref sr, l3), a3);
                    }
                }
                ref double dst = ref Unsafe.Add(ref o0, g * os + j);
                V.Add(a0, b0).Store(ref dst, 0);
                if (B.Registers >= 2) V.Add(a1, b1).Store(ref dst, l1);
                if (B.Registers == 4)
                {
                    V.Add(a2, b2).Store(ref dst, l2);
                    V.Add(a3, b3).Store(ref dst, l3);
                }
            }
        }
    }
}
