using System.Runtime.Intrinsics;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

/// <summary>
/// The register widths this machine accelerates, read from the runtime independently of the code under test:
/// 128 always, 256 with AVX2 (or wider), 512 with AVX-512. The theory data of every width-generic kernel test.
/// </summary>
public static class AcceleratedWidths
{
    public static IReadOnlyList<int> Values { get; } =
        [128, .. Vector256.IsHardwareAccelerated ? [256] : Array.Empty<int>(), .. Vector512.IsHardwareAccelerated ? [512] : Array.Empty<int>()];

    public static TheoryData<int> All() => new(Values);
}
