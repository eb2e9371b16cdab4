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

    [Fact]
    public void AFileThatIsNoLibraryOrADirectoryIsNotReportedAsMissing()
    {
        // /etc/passwd is on every Linux machine and is text: the loader's reason is quoted, not "not found".
        Assert.True(File.Exists("/etc/passwd"));
        var text = Z3Library.Probe("/etc/passwd");
        Assert.False(text.IsAvailable);
        Assert.DoesNotContain("not found", text.Message);
        Assert.Contains("/etc/passwd (the file exists but is not a loadable shared library: ", text.Message);
        var directory = Z3Library.Probe(Path.GetTempPath().TrimEnd('/'));
        Assert.False(directory.IsAvailable);
        Assert.Contains("(a directory, not a library file)", directory.Message);
    }

    [Fact]
    public void RequireRefusesAMissingLibraryWithTheMessageThatNamesTheFix()
    {
        var e = Assert.Throws<SolverUnavailableException>(() => Z3Library.Require("/nonexistent/dir/libz3.so.4"));
        Assert.Equal(Z3Library.Probe("/nonexistent/dir/libz3.so.4").Message, e.Message);
        Assert.Contains("sudo apt-get install libz3-4", e.Message);
    }

    [RequiresZ3Fact]
    public void RequireRefusesALibraryThatIsNotZ3AndAcceptsTheInstalledOne()
    {
        Assert.Contains("not the Z3 C library", Assert.Throws<SolverUnavailableException>(() => Z3Library.Require("libm.so.6")).Message);
        var z3 = Z3Library.Require();
        Assert.True(z3.IsAvailable);
        Assert.Equal(Z3Context.Version, z3.Version);
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
