using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;

namespace ImplicitReg.Cli.Tests.Documentation;

/// <summary>
/// The annotated claim file of proofs/README.md is what a reviewer copies to write a first claim, but it is YAML,
/// not a `$ implicitreg` example, so the documentation test does not run it. These tests do: the file loads without a
/// diagnostic, and its numerical checks come back as they expect (the simulate check once used a plain Gaussian start
/// whose det W crossed 0 by step 13000, so the documented example was refuted).
/// </summary>
public sealed class ClaimFormatExampleTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "implicitreg-annotated-" + Guid.NewGuid().ToString("N")[..12]);

    public ClaimFormatExampleTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The first ```yaml block of proofs/README.md, with its comments, exactly as the page shows it.</summary>
    private static string AnnotatedExample()
    {
        var lines = File.ReadAllLines(Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "proofs", "README.md"));
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "```yaml");
        Assert.True(start >= 0, "proofs/README.md has no ```yaml block");
        var end = Array.FindIndex(lines, start + 1, l => l.TrimEnd() == "```");
        return string.Join("\n", lines[(start + 1)..end]) + "\n";
    }

    private string WriteExample()
    {
        var path = Path.Combine(_dir, "m6-norms-grow.yaml");
        File.WriteAllText(path, AnnotatedExample());
        return path;
    }

    [Fact]
    public void TheAnnotatedClaimFileLoadsWithoutADiagnostic()
    {
        var loaded = ClaimLoader.Load(AnnotatedExample(), "m6-norms-grow.yaml", "m6-norms-grow");
        Assert.True(loaded.Ok, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(["flow", "bound", "too-strong", "gd-tracks-gf", "e2-run"], loaded.Claim!.Checks.Select(c => c.Id));
    }

    [Theory]
    [InlineData("e2-run")]
    [InlineData("gd-tracks-gf")]
    public void ItsNumericalChecksComeBackAsTheyExpect(string check)
    {
        var result = ClaimRunner.Run([WriteExample()], new RunnerOptions { Jobs = 1, Select = (_, id) => id == check });
        var only = Assert.Single(result.Checks);
        Assert.True(only.Passed, $"{check}: {only.Verdict}: {only.Reason}");
        Assert.Equal(CheckVerdict.Verified, only.Verdict);
    }

    [Fact]
    public void ThePlainGaussianStartOfTheSameSeedIsRefutedSoTheBalancedStartMatters()
    {
        // Negative control: the example with `init: balanced` removed is the one the page used to show.
        var path = WriteExample();
        var text = File.ReadAllText(path);
        Assert.Contains("init: balanced, ", text);
        File.WriteAllText(path, text.Replace("init: balanced, ", ""));
        var result = ClaimRunner.Run([path], new RunnerOptions { Jobs = 1, Select = (_, id) => id == "e2-run" });
        var only = Assert.Single(result.Checks);
        Assert.Equal(CheckVerdict.Refuted, only.Verdict);
        Assert.Contains("det-keeps-sign", only.Reason);
    }
}
