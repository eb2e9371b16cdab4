using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Hosting;

public sealed class CliHostTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(args, io);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void HelpListsEveryDiscoveredVerb()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var verb in CliHost.Verbs) Assert.Contains(verb.Name, output);
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

    [Fact]
    public void ArgumentsParseOptionsFlagsAndPositionals()
    {
        var a = CliArgs.Parse(["expr", "--wrt", "x", "--wrt=y", "--numeric", "--", "--not-an-option"], ["numeric"]);
        Assert.Equal(["expr", "--not-an-option"], a.Positionals);
        Assert.Equal(["x", "y"], a.Options("wrt"));
        Assert.True(a.Flag("numeric"));
        a.EnsureAllUsed();
    }

    [Fact]
    public void AnOptionTheVerbNeverReadsIsRejected()
    {
        var a = CliArgs.Parse(["--tiemout", "5"]);
        var e = Assert.Throws<CliUsageException>(a.EnsureAllUsed);
        Assert.Contains("--tiemout", e.Message);
    }

    [Theory]
    [InlineData("--depth", "three", "expects an integer")]
    [InlineData("--rtol", "nan", "expects a finite number")]
    public void MalformedNumbersAreUsageErrors(string option, string value, string message)
    {
        var a = CliArgs.Parse([option, value]);
        var e = Assert.Throws<CliUsageException>(() =>
        {
            if (option == "--depth") a.Int("depth", 1);
            else a.Double("rtol", 1);
        });
        Assert.Contains(message, e.Message);
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
