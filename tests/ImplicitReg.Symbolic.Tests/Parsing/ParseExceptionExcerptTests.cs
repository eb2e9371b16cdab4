using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

public sealed class ParseExceptionExcerptTests
{
    private static string Excerpt(string input) => Assert.Throws<ParseException>(() => Parser.Parse(input)).Excerpt(input);

    [Fact]
    public void TheCaretSitsUnderTheError() => Assert.Equal("x + * y\n    ^", Excerpt("x + * y"));

    [Fact]
    public void OnlyTheOffendingLineIsShown() => Assert.Equal("  + * y\n    ^", Excerpt("x\r\n  + * y\nz"));

    [Fact]
    public void TabsBeforeTheErrorAreKeptSoTheCaretLinesUp() => Assert.Equal("\tx +\t$\n\t   \t^", Excerpt("\tx +\t$"));

    [Fact]
    public void AnErrorAtTheEndPointsJustPastTheLastToken() => Assert.Equal("x +\n   ^", Excerpt("x +\n\n"));

    [Fact]
    public void ALongLineIsCutToAWindowAroundTheError()
    {
        var input = new string('(', 10_000) + "x";
        var lines = Excerpt(input).Split('\n');
        Assert.True(lines[0].Length <= ParseException.MaxExcerptWidth + 6, $"excerpt line has {lines[0].Length} characters");
        Assert.StartsWith("...", lines[0]);
        Assert.EndsWith("...", lines[0]);
        int caret = lines[1].IndexOf('^');
        Assert.Equal('(', lines[0][caret]);
        Assert.Equal(lines[1].Length - 1, caret);
    }
}
