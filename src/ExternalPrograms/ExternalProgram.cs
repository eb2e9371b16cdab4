using System.ComponentModel;
using System.Diagnostics;

namespace ImplicitReg.Processes;

/// <summary>How a run of an external program ended.</summary>
internal enum ProgramOutcome
{
    /// <summary>The program ran and exited on its own; its exit code and output are in the run.</summary>
    Exited,

    /// <summary>The operating system could not start it: no such program on the PATH, or not executable.</summary>
    NotStarted,

    /// <summary>It was still running when the time ran out and was killed with every process it started.</summary>
    TimedOut,
}

/// <summary>What one run of an external program gave.</summary>
/// <param name="Outcome">Exited, not started or timed out.</param>
/// <param name="ExitCode">The program's exit code (only meaningful when it <see cref="ProgramOutcome.Exited"/>).</param>
/// <param name="Output">Everything it wrote to standard output (empty unless it exited).</param>
/// <param name="Error">Everything it wrote to standard error (empty unless it exited).</param>
/// <param name="StartFailure">Why it could not be started, in the operating system's words (only when not started).</param>
internal sealed record ProgramRun(ProgramOutcome Outcome, int ExitCode, string Output, string Error, string? StartFailure)
{
    /// <summary>True when the program exited on its own with code 0.</summary>
    public bool Succeeded => Outcome == ProgramOutcome.Exited && ExitCode == 0;
}

/// <summary>
/// Runs an external program (git for the report's provenance, z3 and cvc5 replaying certificates) and never hangs or
/// throws for the program's sake: standard output and error are read concurrently (a program that fills one pipe while
/// the other is being read would otherwise block both sides forever), standard input is fed from another task and then
/// closed (a program waiting for input gets end-of-file, never a reader that is not there), a timeout kills the whole
/// process tree, and a missing program is an outcome, not an exception.
/// <para>
/// Hand-written over <see cref="Process"/> because none of the served packages runs processes. It is one source file
/// compiled into the two projects that start programs, the solver (layer 1) and the reports (layer 5), linked from
/// each csproj like <c>NativeInterop/NativeLoadFailure.cs</c>: a public type would have to live in the solver's public
/// API (running git has nothing to do with proving) or in the kernel (which does no I/O and depends on nothing), and
/// either would make one layer the owner of a concern that belongs to neither.
/// </para>
/// </summary>
internal static class ExternalProgram
{
    /// <summary>
    /// Runs <paramref name="program"/> (a name looked up on the PATH, or a path) with <paramref name="arguments"/>
    /// passed verbatim (no shell, no quoting). <paramref name="input"/> is written to its standard input, which is then
    /// closed (null: closed at once). After <paramref name="timeout"/> the program and its children are killed and the
    /// outcome is <see cref="ProgramOutcome.TimedOut"/>; a cancelled <paramref name="cancel"/> kills them likewise and
    /// throws <see cref="OperationCanceledException"/>. <paramref name="environment"/> adds or overrides variables.
    /// </summary>
    public static ProgramRun Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? input = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        // Process.Start throws InvalidOperationException (not Win32Exception) for an empty name: one outcome for both.
        if (string.IsNullOrWhiteSpace(program)) return new(ProgramOutcome.NotStarted, -1, "", "", "no program name given");
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new(ProgramOutcome.NotStarted, -1, "", "", e.Message);
        }
        // Dedicated threads, not the thread pool: a caller that blocks pool threads (parallel checks, test runners) must not
        // starve the reads that let the program finish, nor delay noticing that it has.
        var output = new Drain(process.StandardOutput);
        var error = new Drain(process.StandardError);
        Feed(process.StandardInput, input);
        var clock = Stopwatch.StartNew();
        if (!WaitForExit(process, timeout, cancel))
        {
            Kill(process);
            cancel.ThrowIfCancellationRequested();
            return new(ProgramOutcome.TimedOut, -1, "", "", null);
        }
        // The pipes reach end-of-file when the last writer closes them: a child the program left running in the
        // background may still hold them, so this wait is bounded too (the rest of the budget and a grace).
        var left = timeout - clock.Elapsed;
        var pipes = (left > TimeSpan.Zero ? left : TimeSpan.Zero) + PipeGrace;
        if (!output.Wait(pipes) || !error.Wait(pipes))
            return new(ProgramOutcome.TimedOut, -1, "", "", null);
        return new(ProgramOutcome.Exited, process.ExitCode, output.Text, error.Text, null);
    }

    /// <summary>How long past its exit (and its time budget) a program's pipes may stay open before the run gives up.</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(5);

    /// <summary>How often a wait that can be cancelled looks at its token.</summary>
    private static readonly TimeSpan CancelPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads one pipe to its end on a thread of its own.</summary>
    private sealed class Drain
    {
        private readonly Thread _thread;
        private string _text = "";

        public Drain(StreamReader reader)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    _text = reader.ReadToEnd();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The run ended (timeout, kill) and closed the pipe under the read: there is no output to report.
                }
            }) { IsBackground = true, Name = "external program output" };
            _thread.Start();
        }

        public bool Wait(TimeSpan timeout) => _thread.Join(timeout);

        /// <summary>Everything read (complete once <see cref="Wait"/> returned true).</summary>
        public string Text => _text;
    }

    // Written from another thread: a program that does not read its input while it writes output (or at all) must not
    // block this side; a program that exits without reading it closes the pipe, which is no failure of ours.
    private static void Feed(StreamWriter stdin, string? input) => new Thread(() =>
    {
        try
        {
            if (!string.IsNullOrEmpty(input)) stdin.Write(input);
            stdin.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Broken pipe: the program exited or closed its input first (or the run is over and its pipes are closed).
        }
    }) { IsBackground = true, Name = "external program input" }.Start();

    // A blocking wait on the process itself (no pool callback); with a token that can be cancelled, in short slices.
    private static bool WaitForExit(Process process, TimeSpan timeout, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero) return false;
            if (process.WaitForExit(cancel.CanBeCanceled && left > CancelPoll ? CancelPoll : left)) return true;
            if (cancel.IsCancellationRequested) return false;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It exited between the wait and the kill: nothing left to stop.
        }
        catch (Win32Exception)
        {
            // A child could not be signalled (it exited or changed owner); the program itself is gone or going.
        }
    }
}
