using System.Diagnostics;

namespace ImplicitReg.Testing.Peers;

/// <summary>
/// Runs the first <c>python3</c> on PATH (the one with SymPy here) with a script and stdin text, for
/// differential tests that batch all their cases into one process.
/// </summary>
public static class PythonRunner
{
    public const string Executable = "python3";

    /// <summary>Runs <c>python3 -c code</c> (or a script path) with the given stdin; returns stdout, throws on failure or timeout.</summary>
    public static string Run(IReadOnlyList<string> arguments, string stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start python3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 did not finish within {timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python3 exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>True when <c>python3 -c "import module"</c> succeeds (and the version starts with <paramref name="versionPrefix"/> if given).</summary>
    public static bool HasModule(string module, string? versionPrefix, out string reason)
    {
        try
        {
            var version = Run(["-c", $"import {module}; print(getattr({module}, '__version__', ''))"], "", TimeSpan.FromSeconds(60)).Trim();
            if (versionPrefix is not null && !version.StartsWith(versionPrefix, StringComparison.Ordinal))
            {
                reason = $"{module} {version} found, {versionPrefix}.x required";
                return false;
            }
            reason = $"{module} {version}";
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            reason = $"python3 with {module} is not available: {e.Message.Split('\n')[0]}";
            return false;
        }
    }
}
