using System.Runtime.InteropServices;
using Xunit;

namespace ImplicitReg.Testing.Conditions;

/// <summary>
/// Whether a CBLAS library (OpenBLAS) loads in this process under the names the numerics layer tries (or the
/// <c>IMPLICITREG_BLAS_LIBRARY</c> override). Tests of the BLAS path skip with the install command when it does
/// not, except in CI (<c>CI=true</c>), where setup installs it and a missing library must fail the run.
/// </summary>
public static class NativeBlas
{
    public const string SkipReason =
        "OpenBLAS is not installed: install it with `sudo apt-get install libopenblas0-pthread` (or run `bash scripts/setup.sh`)";

    private static readonly Lazy<bool> Available = new(() =>
    {
        var overridden = Environment.GetEnvironmentVariable("IMPLICITREG_BLAS_LIBRARY");
        string[] names = overridden is { Length: > 0 } ? [overridden] : ["libopenblas.so.0", "libcblas.so.3", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll"];
        foreach (var name in names)
            if (NativeLibrary.TryLoad(name, out var handle) && NativeLibrary.TryGetExport(handle, "cblas_dgemm", out _)) return true;
        return false;
    });

    public static bool IsAvailable => Available.Value;

    /// <summary>The skip reason, or null when the BLAS tests must run (library present, or in CI).</summary>
    public static string? Skip => IsAvailable || Environment.GetEnvironmentVariable("CI") == "true" ? null : SkipReason;
}

/// <summary>A theory skipped (with the install command) when no BLAS loads, outside CI.</summary>
public sealed class RequiresBlasTheoryAttribute : TheoryAttribute
{
    public RequiresBlasTheoryAttribute() => Skip = NativeBlas.Skip;
}

/// <summary>A fact skipped (with the install command) when no BLAS loads, outside CI.</summary>
public sealed class RequiresBlasFactAttribute : FactAttribute
{
    public RequiresBlasFactAttribute() => Skip = NativeBlas.Skip;
}
