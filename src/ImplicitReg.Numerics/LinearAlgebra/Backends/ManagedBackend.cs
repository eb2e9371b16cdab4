using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// The one portable managed product kernel, for machines where no BLAS loads (or when forced). Hand-written
/// because MathNet's managed product runs 100×100 products at about 2.5 GFLOP/s, a fifteenth of what the
/// hardware allows. It is written once over the register width (<see cref="ILanes{TSelf}"/>: 512 bits with
/// AVX-512, 256 with AVX2, 128 on SSE or ARM), register-blocked as 4 rows × 2 registers: eight accumulators, two B
/// loads and one broadcast per k fit in the sixteen vector registers of AVX2. Column blocks are the outer loop so
/// B's slice (k × 2 registers) stays in L1 while every row block passes over it. Rows are padded to a multiple of 8
/// with zeros, so whole registers always fit and the padding of C comes out zero. Every entry of C is one
/// multiply-add chain over k in order (rows past the last block of four: two chains, even and odd k), so every
/// width gives bitwise the same product.
/// </summary>
internal sealed class ManagedBackend(string? reason, int laneBits = 0) : LinearAlgebraBackend
{
    private readonly int _laneBits = RegisterWidths.Checked(laneBits);

    public override string Description =>
        $"managed ({_laneBits}-bit registers, 4x{2 * _laneBits / 64} blocks{(reason is null ? "" : $"; {reason}")})";

    public override bool IsNative => false;

    // A transposed B is copied into a scratch of this thread first: the kernel's loads run along B's rows. The copy
    // is exact, so a product with Bᵀ is bitwise the product with the transposed matrix. One step of a non-square
    // factorization transposes B factors of several shapes (a depth-N step up to N + 1), so the thread keeps a few
    // scratches of exact shapes (a fresh buffer's padding is zero, and the kernel reads B's padding) and reuses them
    // round-robin: a step allocates nothing. [ThreadStatic]: sweeps run simulators on many threads at once, and
    // Product neither yields nor re-enters, so a thread's scratch is never in use twice.
    private const int Scratches = 8;
    [ThreadStatic] private static MatrixBuffer?[]? _transposedB;
    [ThreadStatic] private static int _nextScratch;

    private static MatrixBuffer TransposedScratch(int rows, int columns)
    {
        var pool = _transposedB ??= new MatrixBuffer?[Scratches];
        foreach (var s in pool)
            if (s is not null && s.Rows == rows && s.Columns == columns) return s;
        var fresh = new MatrixBuffer(rows, columns);
        pool[_nextScratch] = fresh;
        _nextScratch = (_nextScratch + 1) % Scratches;
        return fresh;
    }

    private protected override void Product(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB, MatrixBuffer c, int m, int k)
    {
        if (transposeB)
        {
            var bt = TransposedScratch(b.Columns, b.Rows);
            MatrixKernels.Transpose(b, bt);
            b = bt;
        }
        // op(A)[i, p] = aData[i·rowStep + p·innerStep].
        int rowStep = transposeA ? 1 : a.Stride, innerStep = transposeA ? a.Stride : 1;
        ref double a0 = ref MemoryMarshal.GetReference(a.Data);
        ref double b0 = ref MemoryMarshal.GetReference(b.Data);
        ref double c0 = ref MemoryMarshal.GetReference(c.Data);
        switch (_laneBits)
        {
            case 512: Kernel<Lanes512>(ref a0, rowStep, innerStep, m, k, ref b0, b.Stride, ref c0, c.Stride); break;
            case 256: Kernel<Lanes256>(ref a0, rowStep, innerStep, m, k, ref b0, b.Stride, ref c0, c.Stride); break;
            default: Kernel<Lanes128>(ref a0, rowStep, innerStep, m, k, ref b0, b.Stride, ref c0, c.Stride); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel<V>(ref double a0, int rowStep, int innerStep, int m, int k, ref double b0, int bs, ref double c0, int cs)
        where V : struct, ILanes<V>
    {
        int lanes = V.Count, pair = 2 * lanes, m4 = m & ~3;
        int width = cs; // the padded width (a multiple of 8, hence of the lane count)
        for (int j = 0; j < width;)
        {
            int span = width - j >= pair ? pair : lanes;
            ref double bj = ref Unsafe.Add(ref b0, j);
            for (int i = 0; i < m4; i += 4)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                ref double ci = ref Unsafe.Add(ref c0, i * cs + j);
                if (span == pair) Block4x2<V>(ref ai, rowStep, innerStep, k, ref bj, bs, ref ci, cs);
                else Block4x1<V>(ref ai, rowStep, innerStep, k, ref bj, bs, ref ci, cs);
            }
            for (int i = m4; i < m; i++)
            {
                ref double ai = ref Unsafe.Add(ref a0, i * rowStep);
                for (int jj = 0; jj < span; jj += lanes)
                {
                    V acc0 = V.Zero, acc1 = V.Zero;
                    int p = 0;
                    for (; p + 2 <= k; p += 2)
                    {
                        acc0 = V.Fma(V.Broadcast(Unsafe.Add(ref ai, p * innerStep)), V.Load(ref bj, (nuint)(p * bs + jj)), acc0);
                        acc1 = V.Fma(V.Broadcast(Unsafe.Add(ref ai, (p + 1) * innerStep)), V.Load(ref bj, (nuint)((p + 1) * bs + jj)), acc1);
                    }
                    if (p < k) acc0 = V.Fma(V.Broadcast(Unsafe.Add(ref ai, p * innerStep)), V.Load(ref bj, (nuint)(p * bs + jj)), acc0);
                    V.Add(acc0, acc1).Store(ref c0, (nuint)(i * cs + j + jj));
                }
            }
            j += span;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2<V>(ref double a, int rowStep, int innerStep, int k, ref double b, int bs, ref double c, int cs)
        where V : struct, ILanes<V>
    {
        V c00 = V.Zero, c01 = V.Zero, c10 = V.Zero, c11 = V.Zero;
        V c20 = V.Zero, c21 = V.Zero, c30 = V.Zero, c31 = V.Zero;
        nuint lanes = (nuint)V.Count;
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * bs);
            var b0 = V.Load(ref bp, 0);
            var b1 = V.Load(ref bp, lanes);
            ref double ap = ref Unsafe.Add(ref a, p * innerStep);
            var x = V.Broadcast(ap);
            c00 = V.Fma(x, b0, c00);
            c01 = V.Fma(x, b1, c01);
            x = V.Broadcast(Unsafe.Add(ref ap, rowStep));
            c10 = V.Fma(x, b0, c10);
            c11 = V.Fma(x, b1, c11);
            x = V.Broadcast(Unsafe.Add(ref ap, 2 * rowStep));
            c20 = V.Fma(x, b0, c20);
            c21 = V.Fma(x, b1, c21);
            x = V.Broadcast(Unsafe.Add(ref ap, 3 * rowStep));
            c30 = V.Fma(x, b0, c30);
            c31 = V.Fma(x, b1, c31);
        }
        c00.Store(ref c, 0); c01.Store(ref c, lanes);
        ref double cr = ref Unsafe.Add(ref c, cs);
        c10.Store(ref cr, 0); c11.Store(ref cr, lanes);
        cr = ref Unsafe.Add(ref c, 2 * cs);
        c20.Store(ref cr, 0); c21.Store(ref cr, lanes);
        cr = ref Unsafe.Add(ref c, 3 * cs);
        c30.Store(ref cr, 0); c31.Store(ref cr, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x1<V>(ref double a, int rowStep, int innerStep, int k, ref double b, int bs, ref double c, int cs)
        where V : struct, ILanes<V>
    {
        V c0 = V.Zero, c1 = V.Zero, c2 = V.Zero, c3 = V.Zero;
        for (int p = 0; p < k; p++)
        {
            var bv = V.Load(ref Unsafe.Add(ref b, p * bs), 0);
            ref double ap = ref Unsafe.Add(ref a, p * innerStep);
            c0 = V.Fma(V.Broadcast(ap), bv, c0);
            c1 = V.Fma(V.Broadcast(Unsafe.Add(ref ap, rowStep)), bv, c1);
            c2 = V.Fma(V.Broadcast(Unsafe.Add(ref ap, 2 * rowStep)), bv, c2);
            c3 = V.Fma(V.Broadcast(Unsafe.Add(ref ap, 3 * rowStep)), bv, c3);
        }
        c0.Store(ref c, 0);
        c1.Store(ref Unsafe.Add(ref c, cs), 0);
        c2.Store(ref Unsafe.Add(ref c, 2 * cs), 0);
        c3.Store(ref Unsafe.Add(ref c, 3 * cs), 0);
    }
}
