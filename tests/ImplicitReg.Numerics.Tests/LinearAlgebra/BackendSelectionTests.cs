using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

public sealed class BackendSelectionTests
{
    [Fact]
    public void ManagedCanBeForcedAndSaysSo()
    {
        var backend = LinearAlgebraBackend.Select("managed");
        Assert.False(backend.IsNative);
        Assert.StartsWith("managed (", backend.Description);
        Assert.Contains(LinearAlgebraBackend.SelectionVariable + "=managed", backend.Description);
    }

    [RequiresBlasFact]
    public void AutoPicksOpenBlasAndNamesItsVersion()
    {
        var backend = LinearAlgebraBackend.Select("auto");
        Assert.True(backend.IsNative);
        Assert.Matches(@"^OpenBLAS \d+\.\d+\.\d+ \(cblas_dgemm\)$", backend.Description);
        Assert.True(LinearAlgebraBackend.Select("OpenBLAS").IsNative); // case-insensitive
    }

    [Fact]
    public void AnUnknownSettingIsRefusedWithTheChoices()
    {
        var e = Assert.Throws<LinearAlgebraUnavailableException>(() => LinearAlgebraBackend.Select("mkl"));
        Assert.Contains("IMPLICITREG_LINEAR_ALGEBRA='mkl'", e.Message);
        Assert.Contains("auto, openblas or managed", e.Message);
    }

    [Fact]
    public void AMissingLibraryIsReportedWithTheInstallCommand()
    {
        var probe = OpenBlasLibrary.Probe("/nonexistent/libopenblas.so.0");
        Assert.False(probe.IsAvailable);
        Assert.Contains("apt-get install libopenblas0-pthread", probe.Message);
        Assert.Contains("/nonexistent/libopenblas.so.0 (not found)", probe.Message);
    }

    [RequiresBlasFact]
    public void OpenBlasRunsOneThreadPerProcess()
    {
        _ = LinearAlgebraBackend.OpenBlas;
        var probe = OpenBlasLibrary.Probe();
        Assert.True(probe.IsAvailable);
        Assert.Contains("1 thread", probe.Message);
    }
}
