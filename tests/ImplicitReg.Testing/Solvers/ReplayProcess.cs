using System.Diagnostics;

namespace ImplicitReg.Testing.Solvers;

/// <summary>What a command-line solver did with a certificate file.</summary>
/// <param name="Answer">The first line of its output (sat, unsat, unknown) when it exited with 0; otherwise what went
/// wrong, as <c>unsat (exit 1)</c> or <c>nothing within 20 s</c>, so that it never equals an expected answer.</param>
/// <param name="ExitCode">Its exit code; null when it was stopped at the time limit.</param>
/// <param name="Output">Its whole standard output (a model or an error after the answer).</param>
/// <param name="Elapsed">Wall time from start to exit.</param>
public sealed record SolverReplay(string Answer, int? ExitCode, string Output, TimeSpan Elapsed);

/// <summary>
/// Replays a certificate file with a command-line solver (z3, cvc5) as a reviewer would, independently of the
/// product's own replayer (CrossCheck), so that the tests do not check the replayer with itself. The one way the
/// test projects run a solver program.
/// </summary>
public static class ReplayProcess
{
    /// <summary>How long a replay may take unless the test says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="solver"/> on <paramref name="file"/>, stopping it (and its children) after
    /// <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</summary>
    public static SolverReplay Run(string solver, string file, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(new ProcessStartInfo(solver, [file]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"cannot start {solver}: run bash scripts/setup.sh");
        var stdout = p.StandardOutput.ReadToEndAsync();
        // Drained so that a solver writing much to stderr cannot block on a full pipe.
        _ = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new SolverReplay($"nothing within {limit.TotalSeconds:0} s", null, "", clock.Elapsed);
        }
        var output = stdout.Result;
        var first = output.Split('\n')[0].Trim();
        return new SolverReplay(p.ExitCode == 0 ? first : $"{first} (exit {p.ExitCode})", p.ExitCode, output, clock.Elapsed);
    }

    /// <summary>The <see cref="SolverReplay.Answer"/> of <see cref="Run"/>.</summary>
    public static string Replay(string solver, string file, TimeSpan? timeout = null) => Run(solver, file, timeout).Answer;
}
