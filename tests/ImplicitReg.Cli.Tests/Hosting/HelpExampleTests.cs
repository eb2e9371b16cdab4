using System.Text.RegularExpressions;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Hosting;

/// <summary>
/// The example each <c>--help</c> prints is what a newcomer copies first: a claim file it names must exist in the
/// repository, or the first command a user tries fails with "no such file".
/// </summary>
public sealed partial class HelpExampleTests
{
    [Theory]
    [MemberData(nameof(CliHostTests.EveryCommand), MemberType = typeof(CliHostTests))]
    public void EveryCatalogueFileAnExampleNamesExists(string command)
    {
        var io = CliIO.ForStrings("", out var stdout, out _);
        Assert.Equal(ExitCodes.Ok, CliHost.Run([.. command.Split(' '), "--help"], io));
        var help = stdout.ToString();
        var example = help[(help.IndexOf("Example:", StringComparison.Ordinal) + "Example:".Length)..];
        example = example[..example.IndexOf("Exit codes:", StringComparison.Ordinal)];
        foreach (Match m in CataloguePath().Matches(example))
        {
            var path = Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, m.Value);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"'{command} --help' shows an example with {m.Value}, which does not exist");
        }
    }

    [GeneratedRegex(@"proofs/[A-Za-z0-9_./-]+")]
    private static partial Regex CataloguePath();
}
