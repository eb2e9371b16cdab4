using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Verify;

/// <summary>
/// verify's --json, --junit and --certificates are checked before any check runs: a bad --json path used to fail
/// after the whole run, and a file in the way of --certificates turned every prove check into an error verdict
/// (exit 1, as if the mathematics had failed) instead of bad input (exit 2).
/// </summary>
public sealed class VerifyOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    // A simulate check of 20 steps: it needs no solver, and a progress line on stderr shows whether it ran.
    private string Claim()
    {
        var path = Path.Combine(_dir, "k.yaml");
        File.WriteAllText(path, "id: k\ntitle: t\nchecks:\n  - id: c\n    kind: simulate\n    expect: holds\n" +
                                "    run: {model: dmf, depth: 2, steps: 20, lr: 1e-3, seed: 1}\n" +
                                "    predicates: [{name: p, at: end, holds: \"loss >= 0\"}]\n");
        return path;
    }

    [Theory]
    [InlineData("--json", "missing/x.json", "cannot write the --json file", "does not exist; create it or give another path")]
    [InlineData("--junit", "missing/x.xml", "cannot write the --junit file", "does not exist; create it or give another path")]
    [InlineData("--json", ".", "cannot write the --json file", "it is a directory; give a file path")]
    [InlineData("--certificates", "in-the-way", "--certificates: cannot write into", "is a file, not a directory; give a directory")]
    [InlineData("--certificates", "in-the-way/sub", "--certificates: cannot write into", "in-the-way' is a file, not a directory")]
    public void AnOutputThatCannotBeWrittenIsRefusedBeforeAnyCheckRuns(string option, string relative, string start, string reason)
    {
        var claim = Claim();
        File.WriteAllText(Path.Combine(_dir, "in-the-way"), "");
        var (code, output, err) = Run("verify", claim, option, Path.Combine(_dir, relative), "--jobs", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(start, err);
        Assert.Contains(reason, err);
        Assert.DoesNotContain("[1/1]", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void WritableOutputsAreWrittenAfterTheRun()
    {
        // Negative control: a new --certificates directory is created, an existing --json file is replaced.
        var claim = Claim();
        var json = Path.Combine(_dir, "results.json");
        File.WriteAllText(json, "old");
        var certificates = Path.Combine(_dir, "new", "certs");
        var (code, _, err) = Run("verify", claim, "--json", json, "--junit", Path.Combine(_dir, "r.xml"), "--certificates", certificates, "--jobs", "1");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("[1/1]", err);
        Assert.StartsWith("{", File.ReadAllText(json));
        Assert.True(File.Exists(Path.Combine(_dir, "r.xml")));
        Assert.True(Directory.Exists(certificates));
        Assert.Empty(Directory.GetFiles(certificates, ".implicitreg-write-test*"));
    }
}
