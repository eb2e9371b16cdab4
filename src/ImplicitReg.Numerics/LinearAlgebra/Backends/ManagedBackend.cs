using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// The one portable managed product kernel, for machines where no BLAS loads (or when forced). Hand-written
/// because MathNet's managed product runs 100×100 products at about 2.5 GFLOP/s, a fifteenth of what the
/// hardware allows. It is written once on <see cref="Vector{T}"/> (256-bit on x86 with AVX2 or AVX-512, 128-bit
/// on ARM), register-blocked as 4 rows × 2 vectors: eight accumulators, two B loads and one broadcast per k fit in
/// the sixteen vector registers of AVX2. Column blocks are the outer loop so B's slice (k × 2 vectors) stays in
/// L1 while every row block passes over it. Rows are padded to a multiple of 8 with zeros, so whole vectors
/// always fit and the padding of C comes out zero.
/// </summary>
internal sealed class ManagedBackend(string? reason) : LinearAlgebraBackend
{
    public override string Description =>
        $"managed (Vector<double> x{Vector<double>.Count}, 4x{2 * Vector<double>.Count} blocks{(reason is null ? "" : $"; {reason}")})";

    public override bool IsNative => false;

    private protected override void Product(MatrixBuffer a, bool transposeA, MatrixBuffer b, MatrixBuffer c, int m, int k)
    {
        // op(A)[i, p] = aData[i·rowStep + p·innerStep].
        int rowStep = transposeA ? 1 : a.Stride, innerStep = transposeA ? a.Stride : 1;
        Kernel(ref MemoryMarshal.GetReference(a.Data), rowStep, innerStep, m, k,
            ref MemoryMarshal.GetReference(b.Data), b.Stride, ref MemoryMarshal.GetReference(c.Data), c.Stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(ref double a0, int rowStep, int innerStep, int m, int k, ref double b0, int bs, ref double c0, int cs)
    {
        int lanes = Vector<double>.Count, pair = 2 * lanes, m4 = m & ~3;
        int width = cs; // the padded width (a multiple of 8, hence of the lane count)
        for (int j = 0; j < width;)
        {
            int span = width - j >= pair ? pair : lanes;
            ref double bj = ref Unsafe.Add(ref b0, j);
            for (int i = 0; i < m4; i += 4)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                ref double ci = ref Unsafe.Add(ref c0, i * cs + j);
                if (span == pair) Block4x2(ref ai, rowStep, innerStep, k, ref bj, bs, ref ci, cs);
                else Block4x1(ref ai, rowStep, innerStep, k, ref bj, bs, ref ci, cs);
            }
            for (int i = m4; i < m; i++)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                for (int jj = 0; jj < span; jj += lanes)
                {
                    Vector<double> acc0 = default, acc1 = default;
                    int p = 0;
                    for (; p + 2 <= k; p += 2)
                    {
                        acc0 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ai, p * innerStep)), LoadAt(ref bj, p * bs + jj), acc0);
                        acc1 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ai, (p + 1) * innerStep)), LoadAt(ref bj, (p + 1) * bs + jj), acc1);
                    }
                    if (p < k) acc0 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ai, p * innerStep)), LoadAt(ref bj, p * bs + jj), acc0);
                    StoreAt(acc0 + acc1, ref c0, i * cs + j + jj);
                }
            }
            j += span;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> LoadAt(ref double origin, int offset) =>
        Vector.LoadUnsafe(ref origin, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreAt(Vector<double> v, ref double origin, int offset) =>
        v.StoreUnsafe(ref origin, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2(ref double a, int rowStep, int innerStep, int k, ref double b, int bs, ref double c, int cs)
    {
        Vector<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<double> c20 = default, c21 = default, c30 = default, c31 = default;
        int lanes = Vector<double>.Count;
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * bs);
            var b0 = Vector.LoadUnsafe(ref bp);
            var b1 = Vector.LoadUnsafe(ref bp, (nuint)lanes);
            ref double ap = ref Unsafe.Add(ref a, p * innerStep);
            var x = new Vector<double>(ap);
            c00 = Vector.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector.FusedMultiplyAdd(x, b1, c01);
            x = new Vector<double>(Unsafe.Add(ref ap, rowStep));
            c10 = Vector.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector.FusedMultiplyAdd(x, b1, c11);
            x = new Vector<double>(Unsafe.Add(ref ap, 2 * rowStep));
            c20 = Vector.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector.FusedMultiplyAdd(x, b1, c21);
            x = new Vector<double>(Unsafe.Add(ref ap, 3 * rowStep));
            c30 = Vector.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector.FusedMultiplyAdd(x, b1, c31);
        }
        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, (nuint)lanes);
        ref double cr = ref Unsafe.Add(ref c, cs);
        c10.StoreUnsafe(ref cr); c11.StoreUnsafe(ref cr, (nuint)lanes);
        cr = ref Unsafe.Add(ref c, 2 * cs);
        c20.StoreUnsafe(ref cr); c21.StoreUnsafe(ref cr, (nuint)lanes);
        cr = ref Unsafe.Add(ref c, 3 * cs);
        c30.StoreUnsafe(ref cr); c31.StoreUnsafe(ref cr, (nuint)lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x1(ref double a, int rowStep, int innerStep, int k, ref double b, int bs, ref double c, int cs)
    {
        Vector<double> c0 = default, c1 = default, c2 = default, c3 = default;
        for (int p = 0; p < k; p++)
        {
            var bv = Vector.LoadUnsafe(ref Unsafe.Add(ref b, p * bs));
            ref double ap = ref Unsafe.Add(ref a, p * innerStep);
            c0 = Vector.FusedMultiplyAdd(new Vector<double>(ap), bv, c0);
            c1 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ap, rowStep)), bv, c1);
            c2 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ap, 2 * rowStep)), bv, c2);
            c3 = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ap, 3 * rowStep)), bv, c3);
        }
        c0.StoreUnsafe(ref c);
        c1.StoreUnsafe(ref Unsafe.Add(ref c, cs));
        c2.StoreUnsafe(ref Unsafe.Add(ref c, 2 * cs));
        c3.StoreUnsafe(ref Unsafe.Add(ref c, 3 * cs));
    }
}
