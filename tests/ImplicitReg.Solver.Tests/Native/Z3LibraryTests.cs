using ImplicitReg.Solver.Native;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Native;

public sealed class Z3LibraryTests
{
    [Fact]
    public void AMissingLibraryIsReportedWithTheInstallCommandNotACrash()
    {
        var a = Z3Library.Probe("/nonexistent/dir/libz3.so.4");
        Assert.False(a.IsAvailable);
        Assert.Contains("sudo apt-get install libz3-4", a.Message);
        Assert.Contains("bash scripts/setup.sh", a.Message);
        Assert.Contains("/nonexistent/dir/libz3.so.4", a.Message);
    }

    [RequiresZ3Fact]
    public void ALibraryThatIsNotZ3IsRecognisedAsSuch()
    {
        // libm loads everywhere glibc does, and has no Z3 entry points.
        var a = Z3Library.Probe("libm.so.6");
        Assert.False(a.IsAvailable);
        Assert.Contains("not the Z3 C library", a.Message);
    }

    [RequiresZ3Fact]
    public void TheInstalledLibraryLoadsAndReportsItsVersion()
    {
        var a = Z3Library.Probe();
        Assert.True(a.IsAvailable, a.Message);
        Assert.Matches(@"^4\.\d+\.\d+$", a.Version);
        Assert.Equal(a.Version, Z3Context.Version);
    }
}
