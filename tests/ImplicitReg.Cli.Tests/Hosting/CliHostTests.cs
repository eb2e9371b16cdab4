using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Hosting;

public sealed class CliHostTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void HelpListsEveryDiscoveredVerb()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var verb in CliHost.Verbs) Assert.Contains(verb.Name, output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void RootHelpEndsWithAnExampleAndTheExitCodes(string flag)
    {
        // README: every command prints an example and its exit codes, the root included.
        var (code, output, _) = Run(flag);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Example:\n  implicitreg verify proofs/\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("Exit codes:\n  0 ok/proved, 1 refuted/not equal, 2 bad input", output.ReplaceLineEndings("\n"));
        Assert.Contains("4 diverged", output);
    }

    [Fact]
    public void NoArgumentsPrintsHelpAndExitsTwo() => Assert.Equal(ExitCodes.BadInput, Run().Code);

    [Fact]
    public void AnUnknownCommandExitsTwoWithAMessage()
    {
        var (code, _, err) = Run("frobnicate");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown command 'frobnicate'", err);
        Assert.DoesNotContain("   at ", err); // never a stack trace
    }

    /// <summary>Every command line of the tree: each verb and each sub-verb.</summary>
    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        void Walk(System.CommandLine.Command c, string path)
        {
            foreach (var sub in c.Subcommands)
            {
                data.Add((path + " " + sub.Name).Trim());
                Walk(sub, path + " " + sub.Name);
            }
        }
        Walk(CliHost.BuildRoot(CliIO.ForStrings("", out _, out _)), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void EveryCommandAnswersHelpWithOptionsDefaultsAndAnExample(string command)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (code, output, err) = Run([.. command.Split(' '), flag]);
            Assert.True(code == ExitCodes.Ok, $"{command} {flag}: exit {code}\n{err}");
            Assert.Contains("Usage:", output);
            Assert.Contains("Example:", output);
            Assert.Contains("  implicitreg " + command.Split(' ')[0], output);
            Assert.Contains("Exit codes:", output);
        }
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void EveryCommandNamesAnUnknownOptionAsUnknown(string command)
    {
        var (code, _, err) = Run([.. command.Split(' '), "--frobnicate"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown option '--frobnicate'", err);
    }

    [Fact]
    public void AnOptionOfAnotherSubVerbIsRejectedNotIgnored()
    {
        var (code, _, err) = Run("derive", "balancedness", "--order", "3");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown option '--order' for 'derive balancedness'", err);
        Assert.DoesNotContain("'3'", err); // the value of the unknown option is not reported as a second error
    }

    [Theory]
    [InlineData("--depth", "three", "option --depth expects an integer, got 'three'")]
    [InlineData("--depth", "0", "option --depth must be between 1 and 64, got 0")]
    public void MalformedNumbersAreUsageErrors(string option, string value, string message)
    {
        var (code, _, err) = Run("derive", "layer-flow", option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
    }

    /// <summary>Stands in for <c>prove</c> and fails the way a solver call deep inside any verb fails without libz3.</summary>
    private sealed class SolverlessVerb : ICliVerb
    {
        public string Name => "prove";

        public string Summary => "requires a libz3 that is not there";

        public System.CommandLine.Command Build(CliIO io)
        {
            var command = new System.CommandLine.Command(Name, Summary);
            command.SetAction(_ => Solver.Native.Z3Library.Require("/nonexistent/lib/libz3.so.4").IsAvailable ? ExitCodes.Ok : ExitCodes.InternalError);
            return command;
        }
    }

    [Fact]
    public void AMissingSolverLibraryIsBadInputWhereverItSurfacesNotABug()
    {
        var io = CliIO.ForStrings("", out _, out var stderr);
        Assert.Equal(ExitCodes.BadInput, CliHost.Run(["prove"], io, [new SolverlessVerb()]));
        Assert.StartsWith("error: the Z3 solver library (libz3) could not be loaded; install it with `sudo apt-get install libz3-4`", stderr.ToString());
        Assert.DoesNotContain("internal error", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public void ControlCharactersInEchoedInputAreEscaped()
    {
        var (code, _, err) = Run("expr", "expand", "x + \u001b[31m");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.DoesNotContain("\u001b", err);
        Assert.Contains("\\x1B", err);
    }

    [Fact]
    public void TheMemoryBudgetOptionIsCheckedAndApplies()
    {
        var (code, _, err) = Run("derive", "layer-flow", "--max-memory", "lots");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--max-memory expects a size", err);
        (code, _, err) = Run("derive", "layer-flow", "--max-memory", "1k");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("over the memory budget of 1 KB (--max-memory 1k)", err);
        Assert.Equal(ExitCodes.Ok, Run("derive", "layer-flow", "--max-memory", "1G").Code);
    }

    [Fact]
    public void TextArgumentsComeFromStdinOrFiles()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "x + 1");
            var io = new CliIO(new StringReader("y^2"), TextWriter.Null, TextWriter.Null);
            Assert.Equal("y^2", CliInput.ReadText("-", io));
            Assert.Equal("x + 1", CliInput.ReadText("@" + path, io));
            Assert.Equal("z", CliInput.ReadText("z", io));
            var e = Assert.Throws<CliUsageException>(() => CliInput.ReadText("@/nonexistent/file.txt", io));
            Assert.Contains("/nonexistent/file.txt", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
