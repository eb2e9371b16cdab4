using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// Vector kernels on padded rows (lengths are multiples of 8): the sparse parts of a completion gradient
/// are one row dot product or one row update per observed entry.
/// </summary>
public static class RowKernels
{
    /// <summary>Σ x_i·y_i over equal-length padded rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var acc0 = Vector512<double>.Zero;
            var acc1 = Vector512<double>.Zero;
            for (; i + 16 <= n; i += 16)
            {
                acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i), acc0);
                acc1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, (nuint)(i + 8)), Vector512.LoadUnsafe(ref yr, (nuint)(i + 8)), acc1);
            }
            for (; i + 8 <= n; i += 8)
                acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i), acc0);
            double s = Vector512.Sum(acc0 + acc1);
            for (; i < n; i++) s += Unsafe.Add(ref xr, i) * Unsafe.Add(ref yr, i);
            return s;
        }
        var v = Vector<double>.Zero;
        for (; i + Vector<double>.Count <= n; i += Vector<double>.Count)
            v += new Vector<double>(x.Slice(i)) * new Vector<double>(y.Slice(i));
        double sum = Vector.Sum(v);
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += a·x over equal-length rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(a);
            for (; i + 8 <= n; i += 8)
                Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i))
                    .StoreUnsafe(ref yr, (nuint)i);
        }
        else
        {
            var va = new Vector<double>(a);
            for (; i + Vector<double>.Count <= n; i += Vector<double>.Count)
                (new Vector<double>(y.Slice(i)) + va * new Vector<double>(x.Slice(i))).CopyTo(y.Slice(i));
        }
        for (; i < n; i++) Unsafe.Add(ref yr, i) += a * Unsafe.Add(ref xr, i);
    }

    /// <summary>z = x ⊙ y (elementwise product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            ref double zr = ref MemoryMarshal.GetReference(z);
            for (; i + 8 <= n; i += 8)
                (Vector512.LoadUnsafe(ref xr, (nuint)i) * Vector512.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
        }
        for (; i < n; i++) z[i] = x[i] * y[i];
    }

    /// <summary>z += a·(x ⊙ y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledProduct(double a, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            ref double zr = ref MemoryMarshal.GetReference(z);
            var va = Vector512.Create(a);
            for (; i + 8 <= n; i += 8)
                Vector512.FusedMultiplyAdd(va * Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i),
                    Vector512.LoadUnsafe(ref zr, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
        }
        for (; i < n; i++) z[i] += a * x[i] * y[i];
    }

    /// <summary>Σ x_i.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        int n = x.Length, i = 0;
        double s = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            var acc = Vector512<double>.Zero;
            for (; i + 8 <= n; i += 8) acc += Vector512.LoadUnsafe(ref xr, (nuint)i);
            s = Vector512.Sum(acc);
        }
        for (; i < n; i++) s += x[i];
        return s;
    }
}
