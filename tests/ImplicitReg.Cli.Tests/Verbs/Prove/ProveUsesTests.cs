using ImplicitReg.Testing.Conditions;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Prove;

/// <summary>The <c>[uses 1,7]</c> prefix of <c>prove</c>'s statement and lemmas.</summary>
public sealed class ProveUsesTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(["prove", .. args]);

    [RequiresZ3Fact]
    public void EachStepAssumesOnlyTheLemmasItsPrefixNamesAndItsCertificateSaysSo()
    {
        var dir = Directory.CreateTempSubdirectory("implicitreg-uses-");
        try
        {
            var path = Path.Combine(dir.FullName, "c.smt2");
            var (code, output, err) = Run("[uses 2] y >= 3", "--assume", "y >= 7", "--lemma", "y >= 6", "--lemma", "[uses none] y >= 5",
                "--lemma", "[uses 1, 2] y >= 4", "--smt2", path);
            Assert.True(code == ExitCodes.Ok, $"exit {code}\n{output}\n{err}");
            Assert.Contains("\n  lemma 1: proved: y >= 6\n", output);
            Assert.Contains("\n  lemma 2 (uses none): proved: y >= 5\n", output);
            Assert.Contains("\n  lemma 3: proved: y >= 4\n", output); // uses 1,2 is every earlier lemma
            Assert.Contains("\n  statement under lemma 2:\n", output);
            var main = File.ReadAllText(path);
            Assert.Contains(";   lemma 2: y >= 5 (c-lemma2.smt2)", main);
            Assert.DoesNotContain(";   lemma 1", main);
            Assert.DoesNotContain(";   lemma 3", main);
            Assert.DoesNotContain("assumes lemmas", File.ReadAllText(Path.Combine(dir.FullName, "c-lemma2.smt2")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [RequiresZ3Fact]
    public void TheJsonReportCarriesWhatEachStepUsed()
    {
        var (code, output, _) = Run("[uses 2] y >= 3", "--assume", "y >= 7", "--lemma", "y >= 6", "--lemma", "[uses none] y >= 5", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var lemmas = doc.RootElement.GetProperty("lemmas");
        Assert.Equal(0, lemmas[0].GetProperty("uses").GetArrayLength());
        Assert.Equal(0, lemmas[1].GetProperty("uses").GetArrayLength());
        Assert.Equal([2], doc.RootElement.GetProperty("uses").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    [InlineData(new[] { "y >= 3", "--lemma", "[uses 1] y >= 6" }, "bad lemma chain: lemma 1 uses lemma 1, but no lemma comes before it")]
    [InlineData(new[] { "[uses 2] y >= 3", "--lemma", "y >= 6" }, "bad lemma chain: the statement uses lemma 2, but only lemmas 1 to 1 come before it")]
    [InlineData(new[] { "y >= 3", "--lemma", "y >= 6", "--lemma", "[uses 1,1] y >= 5" }, "bad lemma chain: lemma 2 names lemma 1 twice")]
    [InlineData(new[] { "y >= 3", "--lemma", "[uses one] y >= 6" }, "cannot read the uses list of the --lemma 1: 'one' is not a lemma number")]
    [InlineData(new[] { "[used 1] y >= 3" }, "cannot read the statement: a leading '[' must be a uses list")]
    public void ABadUsesListExitsTwoNamingTheStepWithoutAStackTrace(string[] args, string message)
    {
        var (code, output, err) = Run([.. args, "--assume", "y >= 7"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        Assert.DoesNotContain("   at ", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void TheHelpExplainsThePrefix()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("'[uses 1,7]'", output);
    }
}
