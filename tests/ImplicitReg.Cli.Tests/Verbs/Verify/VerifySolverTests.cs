using System.Diagnostics;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Verify;

/// <summary>
/// <c>verify</c> without libz3: a file with a prove check is refused with exit 2 and the message of <c>prove</c>, as
/// README's exit-code table says of a missing native library. Run as a separate process, because the override
/// (<c>IMPLICITREG_Z3_LIBRARY</c>) is read from the environment and the library is bound once per process.
/// </summary>
public sealed class VerifySolverTests
{
    private static (int Code, string Out, string Err) Tool(string libz3, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "implicitreg.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var info = new ProcessStartInfo(string.IsNullOrEmpty(host) ? "dotnet" : host, [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ImplicitReg.Testing.RepositoryRoot.Path,
        };
        info.Environment["IMPLICITREG_Z3_LIBRARY"] = libz3;
        using var p = Process.Start(info) ?? throw new InvalidOperationException("could not start implicitreg");
        var output = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result, err);
    }

    [Fact]
    public void VerifyWithoutLibz3RefusesAFileWithAProveCheckWithExitTwoLikeProve()
    {
        var claim = Path.Combine("proofs", "razin2020", "m6-solutions-det.yaml");
        var (code, output, err) = Tool("/nonexistent/libz3.so", "verify", claim);
        Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{output}\n{err}");
        Assert.Contains("error: the Z3 solver library (libz3) could not be loaded; install it with `sudo apt-get install libz3-4`", err);
        Assert.DoesNotContain("verified", output);
        var (proveCode, _, proveErr) = Tool("/nonexistent/libz3.so", "prove", "x^2 >= 0");
        Assert.Equal(ExitCodes.BadInput, proveCode);
        Assert.Equal(err.Split('\n')[0], proveErr.Split('\n')[0]);
    }
}
