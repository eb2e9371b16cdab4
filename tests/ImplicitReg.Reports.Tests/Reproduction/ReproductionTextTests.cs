using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Reproduction;

namespace ImplicitReg.Reports.Tests.Reproduction;

public sealed class ReproductionTextTests
{
    private static readonly SweepManifest Manifest = new("e2", ["setup: two runs"], 2, Shard.All);

    private static ReproductionSummary Summary() => new(
    [
        new SummaryLine("runs:"),
        new SummaryTable(["run", "steps", "status"], [["a", "7", "converged"], ["bb", "12345", "diverged"]], [1]),
        new SummaryLine("after the table  "),
    ], _ => { }, [new ClaimCheck("the claim", Support.Supported, "the evidence")]);

    [Fact]
    public void LinesTablesAndClaimsComeInOrderWithTheTableLaidOut()
    {
        var text = ReproductionText.Render(Reproducer.Find("e2"), Manifest, Summary());
        var lines = text.Split('\n');
        Assert.StartsWith("e2: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("  setup: two runs", lines[1]);
        Assert.Equal("runs:", lines[2]);
        Assert.Equal("  run │ steps │ status", lines[3]);
        Assert.Equal("  a   │     7 │ converged", lines[5]);
        Assert.Equal("  bb  │ 12345 │ diverged", lines[6]);
        Assert.Equal("after the table", lines[7]);
        Assert.Equal("claims:", lines[8]);
        Assert.Equal("  [supported] the claim", lines[9]);
        Assert.Equal("    the evidence", lines[10]);
        Assert.DoesNotContain('\u001b', text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ARowWithTheWrongNumberOfCellsIsRefused(int cells)
    {
        // A summary must never print a table whose cells sit under the wrong headers.
        var bad = new SummaryTable(["run", "steps"], [[.. Enumerable.Repeat("x", cells)]]);
        Assert.Contains("columns", Assert.Throws<ArgumentException>(() => ReproductionText.Table(bad)).Message);
        Assert.Contains("│ steps", ReproductionText.Table(new SummaryTable(["run", "steps"], [["a", "1"]])));
    }
}
