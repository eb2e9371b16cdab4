using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Verify;

/// <summary>
/// --filter matches ids and files by substring but a claim's theory only as a whole (M6 is not M66 or 6); the help
/// of verify and report once said "id, file or theory … contains TEXT".
/// </summary>
public sealed class VerifyFilterTests : IDisposable
{
    // Hexadecimal digits with the 6 replaced, so that no part of the path contains the filters below.
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vf-" + Guid.NewGuid().ToString("N").Replace('6', 'g'));

    public VerifyFilterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private string Claim()
    {
        var path = Path.Combine(_dir, "k.yaml");
        File.WriteAllText(path, "id: k\ntitle: t\ntheory: M6\nchecks:\n  - id: c\n    kind: simulate\n    expect: holds\n" +
                                "    run: {model: dmf, depth: 2, steps: 20, lr: 1e-3, seed: 1}\n" +
                                "    predicates: [{name: p, at: end, holds: \"loss >= 0\"}]\n");
        return path;
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("report")]
    public void TheHelpSaysTheTheoryMustBeTheWholeText(string verb)
    {
        var help = string.Join(' ', Run(verb, "--help").Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("only checks whose claim/check id or file contains TEXT (case-insensitive), or whose claim's theory is TEXT", help);
    }

    [Fact]
    public void TheTheoryIsMatchedWholeAndIdsBySubstring()
    {
        var path = Claim();
        Assert.DoesNotContain("6", path);
        Assert.Equal(ExitCodes.Ok, Run("verify", path, "--filter", "m6", "--jobs", "1").Code);
        Assert.Equal(ExitCodes.Ok, Run("verify", path, "--filter", "k/c", "--jobs", "1").Code);
        // Negative control: part of the theory selects nothing (exit 2, the message names the filter).
        var (code, _, err) = Run("verify", path, "--filter", "6", "--jobs", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no check matches --filter '6'", err);
    }
}
