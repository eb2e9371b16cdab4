using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// The register widths (bits) the width-generic kernels can run at on this machine, and the one they run at by
/// default: the widest the runtime accelerates (512 with AVX-512, 256 with AVX2, 128 with SSE or NEON). The sparse
/// products and the managed dense product give bitwise the same result at every width.
/// </summary>
public static class RegisterWidths
{
    /// <summary>The widest accelerated width, the kernels' default.</summary>
    public static int Widest { get; } = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>Every width the machine accelerates, narrowest first (128 is always there).</summary>
    public static IReadOnlyList<int> Accelerated { get; } =
        [128, .. Vector256.IsHardwareAccelerated ? [256] : Array.Empty<int>(), .. Vector512.IsHardwareAccelerated ? [512] : Array.Empty<int>()];

    /// <summary>
    /// <paramref name="laneBits"/> if the machine accelerates it (128, 256 or 512), <see cref="Widest"/> for 0.
    /// </summary>
    /// <exception cref="ArgumentException">any other width.</exception>
    internal static int Checked(int laneBits) => laneBits == 0 ? Widest
        : Accelerated.Contains(laneBits) ? laneBits
        : throw new ArgumentException($"{laneBits}-bit registers are not accelerated on this machine (it has up to {Widest})");
}

/// <summary>
/// One SIMD register of doubles at a fixed width, so that a kernel is written once as a generic method and the JIT
/// compiles it for 128, 256 or 512 bits (the runtime's own width-generic vector interface is internal, and
/// <see cref="System.Numerics.Vector{T}"/> stays at 256 bits on AVX-512 hardware). Each implementation is a
/// single-field struct over the runtime's vector type; the JIT specialises the kernel per struct and inlines these.
/// </summary>
internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Doubles per register.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes zero.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>The register at <paramref name="origin"/> + <paramref name="offset"/> doubles (unaligned).</summary>
    static abstract TSelf Load(ref double origin, nuint offset);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>a·b + c, fused, lane by lane.</summary>
    static abstract TSelf Fma(TSelf a, TSelf b, TSelf c);

    /// <summary>a + b, lane by lane.</summary>
    static abstract TSelf Add(TSelf a, TSelf b);

    /// <summary>Writes the register at <paramref name="origin"/> + <paramref name="offset"/> doubles.</summary>
    void Store(ref double origin, nuint offset);
}

/// <summary>128-bit registers (SSE, NEON): two doubles.</summary>
internal readonly struct Lanes128(Vector128<double> v) : ILanes<Lanes128>
{
    private readonly Vector128<double> _v = v;
    public static int Count { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector128<double>.Count; }
    public static Lanes128 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => default; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes128 Load(ref double origin, nuint offset) => new(Vector128.LoadUnsafe(ref origin, offset));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes128 Broadcast(double value) => new(Vector128.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes128 Fma(Lanes128 a, Lanes128 b, Lanes128 c) => new(Vector128.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes128 Add(Lanes128 a, Lanes128 b) => new(a._v + b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double origin, nuint offset) => _v.StoreUnsafe(ref origin, offset);
}

/// <summary>256-bit registers (AVX2): four doubles.</summary>
internal readonly struct Lanes256(Vector256<double> v) : ILanes<Lanes256>
{
    private readonly Vector256<double> _v = v;
    public static int Count { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector256<double>.Count; }
    public static Lanes256 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => default; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Load(ref double origin, nuint offset) => new(Vector256.LoadUnsafe(ref origin, offset));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Broadcast(double value) => new(Vector256.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Fma(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes256 Add(Lanes256 a, Lanes256 b) => new(a._v + b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double origin, nuint offset) => _v.StoreUnsafe(ref origin, offset);
}

/// <summary>512-bit registers (AVX-512): eight doubles.</summary>
internal readonly struct Lanes512(Vector512<double> v) : ILanes<Lanes512>
{
    private readonly Vector512<double> _v = v;
    public static int Count { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512<double>.Count; }
    public static Lanes512 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => default; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Load(ref double origin, nuint offset) => new(Vector512.LoadUnsafe(ref origin, offset));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Broadcast(double value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Fma(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes512 Add(Lanes512 a, Lanes512 b) => new(a._v + b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double origin, nuint offset) => _v.StoreUnsafe(ref origin, offset);
}
