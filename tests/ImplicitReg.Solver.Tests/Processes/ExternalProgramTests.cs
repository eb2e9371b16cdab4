using System.Diagnostics;
using ImplicitReg.Processes;

namespace ImplicitReg.Solver.Tests.Processes;

/// <summary>
/// The one process runner (git for the report's provenance, z3 and cvc5 for certificates): a hung program is killed
/// with its children at the timeout, a missing one is an outcome, large output on both pipes does not deadlock, and
/// exit codes, arguments, input, directory and environment reach the program as given. POSIX tools (sh, sleep, cat)
/// stand in for the real programs.
/// </summary>
public sealed class ExternalProgramTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void AProgramStillRunningAtTheTimeoutIsKilledAndSaysSo()
    {
        var clock = Stopwatch.StartNew();
        var run = ExternalProgram.Run("sleep", ["30"], TimeSpan.FromSeconds(1));
        Assert.Equal(ProgramOutcome.TimedOut, run.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void TheTimeoutKillsTheChildrenTooNotOnlyTheProgram()
    {
        var dir = Directory.CreateTempSubdirectory("runner-tree-").FullName;
        try
        {
            var pidFile = Path.Combine(dir, "child.pid");
            // The shell starts a child and waits for it: killing the shell alone would leave the sleep running.
            var run = ExternalProgram.Run("sh", ["-c", $"sleep 30 & echo $! > '{pidFile}'; wait"], TimeSpan.FromSeconds(1));
            Assert.Equal(ProgramOutcome.TimedOut, run.Outcome);
            var child = File.ReadAllText(pidFile).Trim();
            var gone = Stopwatch.StartNew();
            while (IsRunning(child) && gone.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(50);
            Assert.False(IsRunning(child), $"the child sleep (pid {child}) survived the timeout");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // A killed process not yet reaped is a zombie ("Z"): it runs no more.
    private static bool IsRunning(string pid)
    {
        var stat = Path.Combine("/proc", pid, "stat");
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("/nonexistent/program")]
    [InlineData("implicitreg-no-such-program-on-the-path")]
    [InlineData("")]
    public void AMissingProgramIsAnOutcomeWithTheReasonNotAnException(string program)
    {
        var run = ExternalProgram.Run(program, ["x"], Generous);
        Assert.Equal(ProgramOutcome.NotStarted, run.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(run.StartFailure));
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void AFileThatIsNotExecutableIsNotStartedEither()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(ProgramOutcome.NotStarted, ExternalProgram.Run(file, [], Generous).Outcome);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SeveralMegabytesOnBothPipesDoNotDeadlock()
    {
        // Standard error is filled first: a runner that read standard output to the end before standard error would
        // wait for output while the program waits for room in the error pipe (64 KiB), until the timeout.
        const int size = 6_000_000;
        var script = $"head -c {size} /dev/zero | tr '\\0' e >&2; head -c {size} /dev/zero | tr '\\0' o";
        var run = ExternalProgram.Run("sh", ["-c", script], Generous);
        Assert.Equal(ProgramOutcome.Exited, run.Outcome);
        Assert.Equal((size, size), (run.Output.Length, run.Error.Length));
        Assert.True(run.Output.All(c => c == 'o') && run.Error.All(c => c == 'e'));
    }

    [Fact]
    public void SeveralMegabytesOfInputReachTheProgramAndItsEchoComesBack()
    {
        var input = string.Concat(Enumerable.Range(0, 400_000).Select(i => $"{i:D7}\n"));
        var run = ExternalProgram.Run("cat", [], Generous, input);
        Assert.True(run.Succeeded);
        Assert.Equal(input, run.Output);
    }

    [Fact]
    public void AProgramThatIgnoresItsInputStillFinishes()
    {
        var run = ExternalProgram.Run("true", [], TimeSpan.FromSeconds(20), new string('x', 4_000_000));
        Assert.Equal((ProgramOutcome.Exited, 0), (run.Outcome, run.ExitCode));
    }

    [Fact]
    public void WithoutInputTheProgramReadsEndOfFileAtOnceNotAHang()
    {
        var run = ExternalProgram.Run("cat", [], TimeSpan.FromSeconds(20));
        Assert.Equal((ProgramOutcome.Exited, 0, ""), (run.Outcome, run.ExitCode, run.Output));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(125)]
    public void TheExitCodeAndStandardErrorArePassedThrough(int code)
    {
        var run = ExternalProgram.Run("sh", ["-c", $"echo out; echo err >&2; exit {code}"], Generous);
        Assert.Equal((ProgramOutcome.Exited, code, "out\n", "err\n"), (run.Outcome, run.ExitCode, run.Output, run.Error));
        Assert.Equal(code == 0, run.Succeeded);
    }

    [Fact]
    public void ArgumentsArePassedVerbatimWithoutAShell()
    {
        var run = ExternalProgram.Run("printf", ["%s|", "a b", "$HOME", "'q'", "*"], Generous);
        Assert.Equal("a b|$HOME|'q'|*|", run.Output);
    }

    [Fact]
    public void TheWorkingDirectoryAndTheEnvironmentAreThoseGiven()
    {
        var dir = Directory.CreateTempSubdirectory("runner-cwd-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["IMPLICITREG_RUNNER_TEST"] = "set here" };
            var run = ExternalProgram.Run("sh", ["-c", "pwd -P; echo \"$IMPLICITREG_RUNNER_TEST\""], Generous, workingDirectory: dir, environment: env);
            Assert.Equal($"{new DirectoryInfo(dir).ResolveLinkTarget(true)?.FullName ?? dir}\nset here\n", run.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CancellationKillsTheProgramAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => ExternalProgram.Run("sleep", ["30"], Generous, cancel: cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
