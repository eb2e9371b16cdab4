using ImplicitReg.Reports.Tables;

namespace ImplicitReg.Reports.Tests.Tables;

public sealed class TextTableTests
{
    private static string Sample() => TextTable.Render(TextTable.Create(TextTable.Left("name"), TextTable.Right("value"))
        .Row("a", "1").Row("longer [x]", "12345"));

    [Fact]
    public void ColumnsAreAlignedUnderTheHeaderWithARuleAndNumbersToTheRight()
    {
        var lines = Sample().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("  name       │ value", lines[0]);
        Assert.Matches("^ ─+┼─+$", lines[1]);
        Assert.Equal("  a          │     1", lines[2]);
        Assert.Equal("  longer [x] │ 12345", lines[3]); // cells are text, not Spectre markup: [x] prints as itself
        // Every row has its separator at the same place.
        Assert.Single(lines.Where(l => !l.Contains('┼', StringComparison.Ordinal)).Select(l => l.IndexOf('│', StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void TheTextHasNoAnsiCodesNoTrailingSpacesAndEndsInOneLineFeed()
    {
        var text = Sample();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        Assert.All(text.Split('\n'), l => Assert.Equal(l.TrimEnd(), l));
        Assert.EndsWith("12345\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoColorOrAForcedTerminalChangesNothing()
    {
        // The rendering asks for no colour and no ANSI explicitly, so what the environment says cannot add escape codes.
        var before = Sample();
        var saved = (Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", null);
            Environment.SetEnvironmentVariable("TERM", "xterm-256color");
            Assert.Equal(before, Sample());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", saved.Item1);
            Environment.SetEnvironmentVariable("TERM", saved.Item2);
        }
    }

    [Fact]
    public void ACellWiderThanTheTableWrapsInsteadOfWideningIt()
    {
        var text = TextTable.Render(TextTable.Create(TextTable.Left("k"), TextTable.Left("v")).Row("a", new string('x', 300)));
        Assert.All(text.TrimEnd('\n').Split('\n'), l => Assert.True(l.Length <= TextTable.Width, $"{l.Length} characters"));
        Assert.Equal(300, text.Count(c => c == 'x'));
    }
}
