using System.Text.Json;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Derive;

public sealed class DeriveVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(["derive", .. args]);

    [Fact]
    public void ListNamesEveryRegisteredDerivation()
    {
        var (code, output, _) = Run("--list");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.All(DerivationRegistry.All, d => Assert.Contains(d.Name, output));
        foreach (var name in new[] { "layer-flow", "balancedness", "scalar-chain", "diagonal-dynamics", "closed-forms", "determinant", "tensor-norms", "symmetric-flow", "commuting-closed-form", "nonneg-flow" })
            Assert.Contains(name, output);
    }

    [Fact]
    public void AProvedDerivationExitsZeroAndEndsWithItsVerdict()
    {
        var (code, output, _) = Run("balancedness", "--depth", "3");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("verdict: proved", output);
    }

    [Fact]
    public void ADisprovedDerivationExitsOneAndPrintsTheWitness()
    {
        var (code, output, _) = Run("determinant", "--depth", "1");
        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Contains("witness:", output);
    }

    [Fact]
    public void JsonListsLhsRhsAndVerdictOfEveryEquation()
    {
        var (code, output, _) = Run("layer-flow", "--depth", "3", "--dims", "2,3,3,2", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        var flows = doc.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "layer flows");
        var equations = flows.GetProperty("equations").EnumerateArray().ToList();
        Assert.Equal(6 + 9 + 6, equations.Count);
        Assert.All(equations, e =>
        {
            Assert.StartsWith("d/dt W", e.GetProperty("lhs").GetString());
            Assert.Equal("derived", e.GetProperty("verdict").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("rhs").GetString()));
        });
        Assert.Equal("proved", doc.RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData(new[] { "nope" }, "unknown subcommand 'nope' of 'derive'")]
    [InlineData(new[] { "balancedness", "--depth", "3", "--dims", "2,2" }, "--dims lists 2 sizes")]
    [InlineData(new[] { "balancedness", "--dims", "2,x,2" }, "item 2 is 'x'")]
    [InlineData(new[] { "layer-flow", "--loss", "l2" }, "option --loss must be one of half-sse|mse|sse")]
    [InlineData(new[] { "layer-flow", "--format", "yaml" }, "option --format must be one of")]
    [InlineData(new[] { "layer-flow", "--depht", "2" }, "unknown option '--depht'")]
    [InlineData(new[] { "balancedness", "--depth", "1" }, "at least 2")]
    [InlineData(new[] { "balancedness", "--depth", "13" }, "error: balancedness: --depth must be between 1 and 12, got 13 (options: --depth N")] // a claim file says options.depth
    [InlineData(new string[0], "name a derivation")]
    public void BadOptionsExitTwoWithAMessageNamingTheFix(string[] args, string message)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        Assert.DoesNotContain("   at ", err); // no stack trace
    }

    [Fact]
    public void EveryRegisteredDerivationRunsWithItsDefaults()
    {
        foreach (var d in DerivationRegistry.All)
        {
            var (code, output, err) = Run(d.Name);
            Assert.True(code == ExitCodes.Ok, $"{d.Name}: exit {code}\n{err}\n{output}");
            Assert.Contains("verdict: proved", output);
        }
    }

    // Each sub-verb has exactly the options of its registry entry's list: a listed one is in its help, any other of the
    // knobs is an unknown option (not silently ignored).
    [Fact]
    public void EverySubVerbTakesExactlyTheOptionsItsDerivationLists()
    {
        foreach (var d in DerivationRegistry.All)
        {
            var (_, help, _) = Run(d.Name, "--help");
            Assert.Contains($"Options of this derivation: {d.OptionsLine}.", help);
            foreach (var key in DerivationOption.Keys)
            {
                var (code, _, err) = Run(d.Name, "--" + key, "--help");
                bool listed = d.OptionKeys.Contains(key);
                Assert.True(listed == !err.Contains($"unknown option '--{key}'", StringComparison.Ordinal), $"{d.Name} --{key}: exit {code}, {err}");
            }
        }
    }
}
