using System.Text.RegularExpressions;
using ImplicitReg.Models.Derivations;

namespace ImplicitReg.Models.Tests.Derivations;

/// <summary>
/// A derivation's options are a list (<see cref="DerivationInfo.Options"/>): its options line is written from it, and
/// it names exactly the options the derivation reads.
/// </summary>
public sealed class DerivationOptionTests
{
    public static TheoryData<string> Names() => new(DerivationRegistry.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void TheOptionsLineNamesTheListedKeysInTheirOrder(string name)
    {
        var info = DerivationRegistry.Find(name)!;
        var named = Regex.Matches(info.OptionsLine, "--([a-z]+)").Select(m => m.Groups[1].Value);
        Assert.Equal(info.OptionKeys, named);
        Assert.Equal(info.Options.Count, info.OptionKeys.Distinct().Count());
        Assert.All(info.OptionKeys, k => Assert.Contains(k, DerivationOption.Keys));
        Assert.Equal(info.Options.Count == 0, info.OptionsLine.StartsWith("none", StringComparison.Ordinal));
    }

    // The lines derive --list and the messages have always printed: written from the list, byte for byte.
    [Theory]
    [InlineData("layer-flow", "--depth N (default 2) --dims d0,...,dN (default all 2) --loss half-sse|mse|sse (default: any loss, via G)")]
    [InlineData("balancedness", "--depth N (default 3) --dims d0,...,dN (default all 2) --loss half-sse|mse|sse (default: any loss, via G)")]
    [InlineData("scalar-chain", "none (N is a symbol)")]
    [InlineData("diagonal-dynamics", "--depth N (default 3) --dims d,d,...,d (square layers, default 2x2)")]
    [InlineData("closed-forms", "none (N = 1, 2 and a symbolic N)")]
    [InlineData("determinant", "--depth N (default 2) --dims d,...,d (square, default 2)")]
    [InlineData("tensor-norms", "--order N (default 3) --dims d1,...,dN (default all 2) --components R (default 2)")]
    [InlineData("symmetric-flow", "--dims d (default 2) --components m measurements (default 2) --loss half-sse|mse|sse (default half-sse)")]
    [InlineData("commuting-closed-form", "--dims d (default 2) --components m measurements (default 2) --loss half-sse|mse|sse (default half-sse)")]
    [InlineData("nonneg-flow", "--dims n (default 2 unknowns) --components m measurements (default 2) --loss half-sse|mse|sse (default half-sse)")]
    public void TheOptionsLineIsWrittenFromTheList(string name, string line)
    {
        Assert.Equal(line, DerivationRegistry.Find(name)!.OptionsLine);
        Assert.Equal(10, DerivationRegistry.All.Count); // a new derivation gets a row here
    }

    [Fact]
    public void TheKeysAreTheKnobsOfDerivationOptions()
    {
        // Every knob a user sets, lower-cased; the published formulas are data of their own (published: in a claim file).
        var knobs = typeof(DerivationOptions).GetProperties().Select(p => p.Name).Where(n => n != nameof(DerivationOptions.Published));
        Assert.Equal(knobs.Select(n => n.ToLowerInvariant()).Order(), DerivationOption.Keys.Order());
    }

    [Fact]
    public void ALineWithoutOptionsSaysWhyWhenItCan()
    {
        var none = LayerFlowDerivation.Info with { Options = [] };
        Assert.Equal("none", (none with { WhyNoOptions = null }).OptionsLine);
        Assert.Equal("none (no sizes)", (none with { WhyNoOptions = "no sizes" }).OptionsLine);
        Assert.Equal("--depth N", (none with { Options = [new("depth", "N")], WhyNoOptions = "ignored" }).OptionsLine);
    }

    /// <summary>
    /// The list says what the derivation reads: a value far outside every derivation's limits is refused by
    /// <see cref="DerivationInfo.Check"/> exactly when the option is listed, and ignored when it is not (a derivation
    /// that read an unlisted option, or listed one it ignores, fails here). The loss has no such value and is left out.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void ExactlyTheListedSizeOptionsAreRead(string name)
    {
        var info = DerivationRegistry.Find(name)!;
        var outOfRange = new Dictionary<string, DerivationOptions>
        {
            ["depth"] = new() { Depth = 1000 },
            ["dims"] = new() { Dims = [100, 100] },
            ["order"] = new() { Order = 1000 },
            ["components"] = new() { Components = 10_000 },
        };
        foreach (var (key, options) in outOfRange)
        {
            if (info.OptionKeys.Contains(key)) Assert.Throws<DerivationOptionException>(() => info.Check(options));
            else info.Check(options);
        }
    }
}
