using ImplicitReg.Numerics.LinearAlgebra.Backends;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

/// <summary>The backends tests run through, by name (theory data must be serialisable).</summary>
internal static class Backends
{
    public static LinearAlgebraBackend Get(string name) => name switch
    {
        "managed" => LinearAlgebraBackend.Managed,
        "openblas" => LinearAlgebraBackend.OpenBlas,
        _ => throw new ArgumentException($"unknown backend {name}"),
    };
}
