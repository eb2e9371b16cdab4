using ImplicitReg.Models.Derivations;

namespace ImplicitReg.Models.Tests.Derivations;

/// <summary>A derivation names its options once; the command line and a claim file each spell them their own way.</summary>
public sealed class DerivationOptionExceptionTests
{
    [Fact]
    public void TheMessageSpellsOptionsAsTheCommandLineAndSpelledAsAnotherInput()
    {
        var e = Assert.Throws<DerivationOptionException>(() => DerivationRegistry.Find("balancedness")!.Check(new DerivationOptions { Depth = 13 }));
        Assert.Equal("--depth must be between 1 and 12, got 13", e.Message);
        Assert.True(e.NamesOption);
        Assert.Equal("options.depth must be between 1 and 12, got 13", e.Spelled(k => "options." + k));
    }

    [Fact]
    public void EveryOptionInATemplateIsRespelled()
    {
        var e = Assert.Throws<DerivationOptionException>(() => DerivationRegistry.Find("tensor-norms")!.Check(new DerivationOptions { Order = 3, Dims = [2, 2] }));
        Assert.Equal("--dims lists 2 mode sizes but --order is 3", e.Message);
        Assert.Equal("dims: lists 2 mode sizes but order: is 3", e.Spelled(k => k + ":"));
    }

    [Fact]
    public void AMessageNamingNoOptionIsTheSameForEveryInput()
    {
        // Negative control: nothing to respell.
        var e = new DerivationOptionException("published formula 'rate' = 'x' uses 'x'");
        Assert.False(e.NamesOption);
        Assert.Equal(e.Message, e.Spelled(k => "options." + k));
    }
}
