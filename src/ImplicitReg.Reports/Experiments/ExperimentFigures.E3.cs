using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

public static partial class ExperimentFigures
{
    /// <summary>Components drawn beyond the target's rank: enough to show that the rest stay small.</summary>
    private const int ExtraComponentsShown = 3;

    /// <summary>
    /// E3: per main run, the largest component norms over iterations; the main runs' reconstruction error by
    /// initialization scale; the 8×8×8 rank-1 sweep's error against the number of observations, one line per std.
    /// </summary>
    private static List<Figure> E3(ExperimentSection section)
    {
        var figures = new List<Figure>();
        var main = section.Records.Where(r => r.Text("sweep") == "main").ToList();
        var rank1 = section.Records.Where(r => r.Text("sweep") == "rank1").ToList();
        foreach (var run in main)
        {
            var t = Trajectory(section, run);
            var columns = t.Header.Where(h => h.StartsWith("component", StringComparison.Ordinal)).Select(t.IndexOf).ToArray();
            var norms = t.Rows.Select(row => columns.Select(c => row[c]).ToArray()).ToList();
            int shown = Math.Min(columns.Length, (int)run.Number("rank") + ExtraComponentsShown);
            var figure = ReviewerFigures.ComponentNorms(Id(section, $"norms-{run.Id}"), t.Column("step"), norms, shown,
                $"run {run.Id}: {run.Text("sizes")} target of CP rank {run.Number("rank")}, {run.Number("observed")} observed, " +
                $"{run.Number("components")} components, factor std {F(run.Number("std"))}, seed {run.Seed}");
            var switchOn = run.Numbers("switchOnSteps");
            figures.Add(figure with
            {
                Title = $"Component norms over iterations, std {F(run.Number("std"))}",
                Caption = figure.Caption + $" The {switchOn.Length} leading components reach half their final norm at steps " +
                          $"{string.Join(", ", switchOn)}; one at a time (each reaches half its final norm while every later one is below a " +
                          $"tenth of its own): {(run.Number("oneAtATime") == 1 ? "yes" : "no")}. Run {run.Text("status")} after {run.Number("steps")} steps, " +
                          $"loss {G(run.Number("loss"))}.",
            });
        }
        if (main.Count > 0)
        {
            var stds = main.Select(r => r.Number("std")).Distinct().Order().ToArray();
            var errors = stds.Select(s => RunMedian.OfErrors(main.Where(r => r.Number("std") == s))).ToArray();
            figures.Add(new Figure(Id(section, "error-vs-std"), "Reconstruction error by initialization scale",
                "Reconstruction error ‖𝒲 − 𝒲*‖_F / ‖𝒲*‖_F of the main runs (median over seeds) against the standard deviation of the " +
                "initial factors, log–log. Razin, Maman and Cohen (2021) find that the smaller the initialization, the stronger the " +
                "bias towards low tensor rank and the better a low-rank target is recovered from the same observations: the error " +
                "should fall as the std falls (right to left)." + NotConverged(main) +
                NoMedian(stds.Where((_, i) => double.IsNaN(errors[i])).Select(s => $"std {F(s)}")),
                new PlotAxis("initial factor std σ", "entry units of the factors", AxisScale.Logarithmic),
                new PlotAxis("reconstruction error", "relative Frobenius error", AxisScale.Logarithmic),
                [new PlotSeries("main runs", stds, errors, SeriesKind.MeasuredPoints)], []));
        }
        if (rank1.Count > 0)
        {
            var undrawn = new List<string>();
            var series = rank1.Select(r => r.Number("std")).Distinct().OrderDescending().Select(s =>
            {
                var group = rank1.Where(r => r.Number("std") == s).ToList();
                var counts = group.Select(r => r.Number("observed")).Distinct().Order().ToArray();
                var errors = counts.Select(n => RunMedian.OfErrors(group.Where(r => r.Number("observed") == n))).ToArray();
                undrawn.AddRange(counts.Where((_, i) => double.IsNaN(errors[i])).Select(n => $"std {F(s)}, {n} observed"));
                return new PlotSeries($"std {F(s)}", counts, errors, SeriesKind.MeasuredPoints);
            }).ToList();
            var sizes = rank1[0].Text("sizes");
            figures.Add(new Figure(Id(section, "rank1-error-vs-observed"), $"{sizes} rank-1 sweep: error against the number of observations",
                $"Reconstruction error of CP factorizations of {sizes} rank-1 targets (median over seeds) against the number of observed " +
                $"entries, one line per initial factor std. Razin, Maman and Cohen (2021) report that from a small initialization a " +
                "rank-1 tensor is recovered from far fewer observations than it has entries: the error should drop sharply once the " +
                "observations pass a threshold, and earlier for the smaller std." + NotConverged(rank1) + NoMedian(undrawn),
                new PlotAxis("observed entries", "count"),
                new PlotAxis("reconstruction error", "relative Frobenius error", AxisScale.Logarithmic),
                series, []));
        }
        return figures;
    }
}
