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

    [Fact]
    public void AFileThatIsNoLibraryIsNotReportedAsMissing()
    {
        // A file every Linux machine has, which is text, not a shared object.
        Assert.True(File.Exists("/etc/passwd"));
        var probe = OpenBlasLibrary.Probe("/etc/passwd");
        Assert.False(probe.IsAvailable);
        Assert.DoesNotContain("not found", probe.Message);
        Assert.Contains("/etc/passwd (the file exists but is not a loadable shared library: ", probe.Message);
        Assert.Contains("apt-get install libopenblas0-pthread", probe.Message);
    }

    [Fact]
    public void ADirectoryIsNamedAsADirectory()
    {
        var probe = OpenBlasLibrary.Probe(Path.GetTempPath().TrimEnd('/'));
        Assert.False(probe.IsAvailable);
        Assert.Contains("(a directory, not a library file)", probe.Message);
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
