using System.Diagnostics;
using System.Globalization;
using ImplicitReg.Processes;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Translation;

namespace ImplicitReg.Solver.Certificates;

/// <summary>
/// A solver run as a separate process on the SMT-LIB certificate (z3 or cvc5 as installed by
/// <c>scripts/setup.sh</c>): the replay a reviewer would do by hand. Only the verdict line is read.
/// A solver that is missing, crashes or times out answers <see cref="SolverOutcome.Unknown"/> with the reason.
/// </summary>
public sealed class CommandLineSolver : ISolverBackend
{
    /// <summary>How long past its own limit a solver process may run before it is killed.</summary>
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);

    private readonly Func<TimeSpan, string, string[]> _arguments;

    private CommandLineSolver(string name, string executable, Func<TimeSpan, string, string[]> arguments)
    {
        Name = name;
        Executable = executable;
        _arguments = arguments;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The executable run (a name looked up on PATH, or a path).</summary>
    public string Executable { get; }

    /// <summary>The z3 command-line solver (<c>z3 -T:seconds file</c>).</summary>
    public static CommandLineSolver Z3(string executable = "z3") =>
        new("z3", executable, (t, f) => [$"-T:{Math.Max(1, (int)Math.Ceiling(t.TotalSeconds))}", f]);

    /// <summary>The cvc5 command-line solver (<c>cvc5 --tlimit=ms file</c>).</summary>
    public static CommandLineSolver Cvc5(string executable = "cvc5") =>
        new("cvc5", executable, (t, f) => [$"--tlimit={Math.Max(1, (long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}", "--lang=smt2", f]);

    /// <inheritdoc/>
    public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
        Replay(SmtLibCertificate.Write(problem), timeout, cancel);

    /// <summary>Runs the solver on a certificate's text.</summary>
    public SolverAnswer Replay(string script, TimeSpan timeout, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.Combine(Path.GetTempPath(), $"implicitreg-{Guid.NewGuid():N}.smt2");
        File.WriteAllText(file, script);
        try
        {
            var run = ExternalProgram.Run(Executable, _arguments(timeout, file), timeout + KillGrace, cancel: cancel);
            return run.Outcome switch
            {
                ProgramOutcome.NotStarted => SolverAnswer.Unknown($"{Executable} could not be started ({run.StartFailure}); install it with `sudo apt-get install {Name}`", clock.Elapsed, Name),
                ProgramOutcome.TimedOut => SolverAnswer.Unknown("timeout (process killed)", clock.Elapsed, Name),
                _ => Interpret(run.Output, run.Error, run.ExitCode, clock.Elapsed),
            };
        }
        finally
        {
            File.Delete(file);
        }
    }

    private SolverAnswer Interpret(string stdout, string stderr, int exitCode, TimeSpan elapsed)
    {
        var first = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        switch (first)
        {
            case "unsat": return new SolverAnswer(SolverOutcome.Unsat, null, null, elapsed, Name);
            case "sat": return new SolverAnswer(SolverOutcome.Sat, null, null, elapsed, Name);
            case "unknown": return SolverAnswer.Unknown("the solver answered unknown", elapsed, Name);
            case "timeout": return SolverAnswer.Unknown("timeout", elapsed, Name);
        }
        var detail = (stderr.Trim().Length > 0 ? stderr : stdout).Trim();
        if (detail.Contains("timeout", StringComparison.OrdinalIgnoreCase)) return SolverAnswer.Unknown("timeout", elapsed, Name);
        var line = detail.Split('\n').FirstOrDefault() ?? "";
        return SolverAnswer.Unknown($"no verdict (exit code {exitCode}: {line})", elapsed, Name);
    }
}
