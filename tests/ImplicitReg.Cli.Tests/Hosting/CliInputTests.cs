using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Hosting;

/// <summary>
/// A directory where a file is expected, read or written, is bad input whose message says so: .NET's own words
/// ("Access to the path is denied") send the user to the permissions, which are fine.
/// </summary>
public sealed class CliInputTests
{
    [Theory]
    [InlineData("cannot read expression file", "expr", "expand", "@DIR")]
    [InlineData("cannot read equations file", "ode", "solve", "--equations", "@DIR", "--init", "x=1", "--t1", "1")]
    [InlineData("cannot read statement file", "prove", "@DIR")]
    [InlineData("cannot write the certificate", "prove", "x^2 >= 0", "--smt2", "DIR")]
    [InlineData("cannot write the --json file", "verify", "CLAIM", "--json", "DIR")]
    public void ADirectoryGivenAsAFileIsNamedAsADirectory(string message, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("implicitreg-dir-as-file-").FullName;
        try
        {
            var claim = Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "proofs", "arora2019", "m3-end-to-end-flow.yaml");
            var io = CliIO.ForStrings("", out var stdout, out var stderr);
            var code = CliHost.Run(args.Select(a => a.Replace("DIR", dir, StringComparison.Ordinal).Replace("CLAIM", claim, StringComparison.Ordinal)).ToArray(), io);
            var err = stderr.ToString();
            Assert.True(code == ExitCodes.BadInput, $"exit {code}\n{err}");
            Assert.Contains(message, err);
            Assert.Contains("it is a directory; give a file path", err);
            Assert.DoesNotContain("Access to the path", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
