using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Tests.Experiments;

/// <summary>
/// The E3 figures of sections built in memory, where a group of seeds holds a diverged run: the figure and the table
/// agree that it has no median (<see cref="RunMedian"/>), and the caption names it. The figures of a real quick run are
/// checked in <see cref="ExperimentFiguresTests"/>.
/// </summary>
public sealed class ExperimentFiguresE3Tests
{
    private static Figure Find(ExperimentSection s, string suffix) => Assert.Single(s.Figures, f => f.Id == $"{s.FigurePrefix}-{suffix}");

    [Fact]
    public void E3ErrorByStdLeavesAStdWithADivergedMainRunUndrawnAndNamesIt()
    {
        // Main runs at std 1e-3 and 1e-2, three seeds each; seed 1 at 1e-2 diverged. No median there (not 0.35 from the
        // surviving seeds), and the caption names the std; the other std keeps its median.
        var s = SyntheticE3Main(new() { [1e-3] = [0.02, 0.01, 0.03], [1e-2] = [0.3, double.PositiveInfinity, 0.4] });
        var figure = Find(s, "error-vs-std");
        var series = Assert.Single(figure.Series);
        Assert.Equal([1e-3, 1e-2], series.X);
        Assert.Equal(0.02, series.Y[0]);
        Assert.True(double.IsNaN(series.Y[1]), $"the diverged std has no median, not {series.Y[1]}");
        Assert.Contains("Not drawn: no median where a run diverged (a non-finite error; NaN in the table): std 1e-2.", figure.Caption, StringComparison.Ordinal);
        // Control: every run finite, every std drawn at its median, and no group named.
        var control = Find(SyntheticE3Main(new() { [1e-3] = [0.02, 0.01, 0.03], [1e-2] = [0.3, 0.5, 0.4] }), "error-vs-std");
        Assert.Equal([0.02, 0.4], Assert.Single(control.Series).Y);
        Assert.DoesNotContain("Not drawn", control.Caption, StringComparison.Ordinal);
    }

    /// <summary>An E3 section built in memory: main runs only (one error per seed for each std, a non-finite error being a
    /// diverged run) of a rank-1 target with two components, each with a two-row trajectory of its component norms.</summary>
    private static ExperimentSection SyntheticE3Main(Dictionary<double, double[]> errorsByStd)
    {
        var e3 = Reproducer.Find("e3");
        var records = new List<RunRecord>();
        var trajectories = new Dictionary<int, RunTrajectory>();
        foreach (var (std, errors) in errorsByStd)
            for (int seed = 0; seed < errors.Length; seed++)
            {
                var e = errors[seed];
                var record = new RunRecord(records.Count, $"main-s{std}-seed{seed}", seed).Set("sweep", "main").Set("sizes", "4x4x4").Set("rank", 1)
                    .Set("observed", 40).Set("components", 2).Set("std", std).Set("status", double.IsFinite(e) ? "converged" : "diverged").Set("steps", 100)
                    .Set("loss", double.IsFinite(e) ? 1e-6 : e).Set("reconstruction", e).Set("oneAtATime", 1).Set("switchOnSteps", [50.0]).Set("topNorms", [1.0]);
                trajectories[record.Index] = new RunTrajectory(["step", "loss", "component1", "component2"], [[0, 1, std, std], [100, 1e-6, 1, std]]);
                records.Add(record);
            }
        var manifest = new SweepManifest("e3", ["synthetic"], records.Count, Shard.All);
        var section = new ExperimentSection("synthetic", 1, e3, manifest, records, trajectories, e3.Summarise(manifest, records), "{}");
        return section with { Figures = ExperimentFigures.For(section) };
    }

    [Fact]
    public void E3Rank1TableAndFigureAgreeOnAGroupWithADivergedRunAndTheCaptionNamesIt()
    {
        // Three seeds at std 1e-3 for 50 and 200 observations; seed 0 at 200 diverged. The table prints NaN there and the
        // figure draws no number for it (not the median 0.02 of the surviving seeds), and its caption says why.
        var s = SyntheticE3Rank1(new() { [50] = [0.9, 0.8, 0.7], [200] = [double.NaN, 0.01, 0.03] });
        var table = s.Summary.Parts.OfType<SummaryTable>().Single(t => t.Columns[0] == "std");
        Assert.Equal(["1e-3", "0.8", "NaN"], table.Rows.Single());
        var figure = Find(s, "rank1-error-vs-observed");
        var series = Assert.Single(figure.Series);
        Assert.Equal([50.0, 200.0], series.X);
        Assert.Equal(0.8, series.Y[0]);
        Assert.True(double.IsNaN(series.Y[1]), $"the diverged group has no median, not {series.Y[1]}");
        Assert.Contains("Not drawn: no median where a run diverged (a non-finite error; NaN in the table): std 1e-3, 200 observed.",
            figure.Caption, StringComparison.Ordinal);
        // Control: the same runs with seed 0 converged are all drawn, at the table's medians, and the caption names none.
        var control = SyntheticE3Rank1(new() { [50] = [0.9, 0.8, 0.7], [200] = [0.02, 0.01, 0.03] });
        var drawn = Find(control, "rank1-error-vs-observed");
        Assert.Equal([0.8, 0.02], Assert.Single(drawn.Series).Y);
        Assert.DoesNotContain("Not drawn", drawn.Caption, StringComparison.Ordinal);
    }

    /// <summary>An E3 section built in memory: the rank-1 sweep only (one error per seed for each observed count, a
    /// non-finite error being a diverged run) at std 1e-3, no main run (so no trajectory is needed).</summary>
    private static ExperimentSection SyntheticE3Rank1(Dictionary<int, double[]> errorsByObserved)
    {
        var e3 = Reproducer.Find("e3");
        var records = new List<RunRecord>();
        foreach (var (observed, errors) in errorsByObserved)
            for (int seed = 0; seed < errors.Length; seed++)
            {
                var e = errors[seed];
                records.Add(new RunRecord(records.Count, $"rank1-n{observed}-s1e-3-seed{seed}", seed).Set("sweep", "rank1").Set("sizes", "8x8x8")
                    .Set("std", 1e-3).Set("observed", observed).Set("status", double.IsFinite(e) ? "converged" : "diverged").Set("steps", 100)
                    .Set("loss", double.IsFinite(e) ? 1e-6 : e).Set("reconstruction", e));
            }
        var manifest = new SweepManifest("e3", ["synthetic"], records.Count, Shard.All);
        var section = new ExperimentSection("synthetic", 1, e3, manifest, records, new Dictionary<int, RunTrajectory>(), e3.Summarise(manifest, records), "{}");
        return section with { Figures = ExperimentFigures.For(section) };
    }
}
