using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// Vector kernels on rows (any length; padded rows are multiples of 8), written once on <see cref="Vector{T}"/>
/// so they run at the machine's vector width (AVX2, AVX-512 or ARM) with a scalar tail.
/// </summary>
public static class RowKernels
{
    /// <summary>Σ x_i·y_i over equal-length rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0, lanes = Vector<double>.Count;
        Vector<double> acc0 = default, acc1 = default;
        // Two chains: one FMA chain alone is bound by its latency.
        for (; i + 2 * lanes <= n; i += 2 * lanes)
        {
            acc0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref xr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i), acc0);
            acc1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref xr, (nuint)(i + lanes)), Vector.LoadUnsafe(ref yr, (nuint)(i + lanes)), acc1);
        }
        for (; i + lanes <= n; i += lanes)
            acc0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref xr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i), acc0);
        double s = Vector.Sum(acc0 + acc1);
        for (; i < n; i++) s += Unsafe.Add(ref xr, i) * Unsafe.Add(ref yr, i);
        return s;
    }

    /// <summary>y += a·x over equal-length rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0, lanes = Vector<double>.Count;
        var va = new Vector<double>(a);
        for (; i + lanes <= n; i += lanes)
            Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref xr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref yr, i) = Math.FusedMultiplyAdd(a, Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i));
    }

    /// <summary>z = x ⊙ y (elementwise product; z may be x or y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int n = x.Length, i = 0, lanes = Vector<double>.Count;
        for (; i + lanes <= n; i += lanes)
            (Vector.LoadUnsafe(ref xr, (nuint)i) * Vector.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref zr, i) = Unsafe.Add(ref xr, i) * Unsafe.Add(ref yr, i);
    }

    /// <summary>z += a·(x ⊙ y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledProduct(double a, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int n = x.Length, i = 0, lanes = Vector<double>.Count;
        var va = new Vector<double>(a);
        for (; i + lanes <= n; i += lanes)
            Vector.FusedMultiplyAdd(va * Vector.LoadUnsafe(ref xr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i),
                Vector.LoadUnsafe(ref zr, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref zr, i) = Math.FusedMultiplyAdd(a * Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i), Unsafe.Add(ref zr, i));
    }

    /// <summary>Σ x_i.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0, lanes = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        for (; i + lanes <= n; i += lanes) acc += Vector.LoadUnsafe(ref xr, (nuint)i);
        double s = Vector.Sum(acc);
        for (; i < n; i++) s += Unsafe.Add(ref xr, i);
        return s;
    }
}
