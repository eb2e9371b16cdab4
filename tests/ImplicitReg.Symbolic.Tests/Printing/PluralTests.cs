using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "claim", "0 claims")]
    [InlineData(1, "claim", "1 claim")]
    [InlineData(2, "claim", "2 claims")]
    [InlineData(1, "claim file", "1 claim file")]
    [InlineData(12345, "run record", "12345 run records")]
    [InlineData(-1, "step", "-1 steps")]
    public void ACountTakesTheSingularOnlyForExactlyOne(int count, string noun, string expected) =>
        Assert.Equal(expected, Plural.Count(count, noun));

    [Theory]
    [InlineData(0, "certificates")]
    [InlineData(1, "certificate")]
    [InlineData(2, "certificates")]
    public void TheNounAloneFollowsTheSameRule(int count, string expected) =>
        Assert.Equal(expected, Plural.Noun(count, "certificate"));

    [Theory]
    [InlineData(1L, "step")]
    [InlineData(10000L, "steps")]
    [InlineData(4_294_967_297L, "steps")]   // 2^32 + 1: a truncation to int would make it 1, "step"
    public void ALongCountFollowsTheSameRule(long count, string expected) =>
        Assert.Equal(expected, Plural.Noun(count, "step"));

    [Fact]
    public void DigitsAreNeverGroupedWhateverTheCulture()
    {
        // Negative control against a culture-dependent ToString: thousands separators would change report bytes.
        Assert.Equal("1000000 records", Plural.Count(1_000_000, "record"));
    }
}
