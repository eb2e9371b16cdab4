using System.Diagnostics;

namespace ImplicitReg.Solver.Tests.Testing;

/// <summary>
/// Replays a certificate file with a command-line solver (z3, cvc5) as a reviewer would, independently of the
/// product's own replayer (CrossCheck), so that the tests do not check the replayer with itself.
/// </summary>
internal static class ReplayProcess
{
    /// <summary>The solver's first output line (sat, unsat, unknown), or "timeout" after 20 s.</summary>
    public static string Replay(string solver, string file)
    {
        using var p = Process.Start(new ProcessStartInfo(solver, [file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        // Drained so that a solver writing much to stderr cannot block on a full pipe.
        _ = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return "timeout";
        }
        return output.Result.Split('\n')[0].Trim();
    }
}
