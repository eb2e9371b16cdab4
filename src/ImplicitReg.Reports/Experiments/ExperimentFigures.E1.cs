using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

public static partial class ExperimentFigures
{
    /// <summary>Singular values drawn per representative run: the target's rank is at most 5, one more shows the gap.</summary>
    private const int SingularValuesShown = 6;

    /// <summary>
    /// E1: the reconstruction error against the depth, one line per observed count and scale, with the
    /// minimum-nuclear-norm baseline of each observed count as a dashed reference; then, per depth, the singular
    /// values over time of a representative run (fewest observations, largest scale, first seed).
    /// </summary>
    private static List<Figure> E1(ExperimentSection section)
    {
        var runs = section.Records.Where(r => !E1DeepMatrixCompletion.IsBaseline(r)).ToList();
        var baselines = section.Records.Where(E1DeepMatrixCompletion.IsBaseline).ToList();
        var figures = new List<Figure>();
        if (runs.Count == 0) return figures;
        var depths = runs.Select(r => (int)r.Number("depth")).Distinct().Order().ToList();
        var observed = runs.Select(r => (int)r.Number("observed")).Distinct().Order().ToList();
        var scales = runs.Select(r => r.Number("scale")).Distinct().OrderDescending().ToList();
        var series = new List<PlotSeries>();
        var undrawn = new List<string>();
        foreach (var n in observed)
            foreach (var s in scales)
            {
                var all = depths.Select(d => (Depth: d, Group: E1DeepMatrixCompletion.Group(runs, n, s, d)))
                    .Where(g => g.Group.Count > 0).Select(g => (g.Depth, Error: RunMedian.OfErrors(g.Group))).ToList();
                undrawn.AddRange(all.Where(p => double.IsNaN(p.Error)).Select(p => $"{n} observed, scale {F(s)}, depth {p.Depth}"));
                var points = all.Where(p => !double.IsNaN(p.Error)).ToList();
                if (points.Count > 0)
                    series.Add(new PlotSeries($"{n} observed, scale {F(s)}", points.Select(p => (double)p.Depth).ToArray(), points.Select(p => p.Error).ToArray(),
                        SeriesKind.MeasuredPoints));
            }
        foreach (var n in observed)
        {
            var converged = baselines.Where(b => (int)b.Number("observed") == n && E1DeepMatrixCompletion.IsConverged(b)).ToList();
            if (converged.Count == 0) continue;
            var level = RunMedian.OfErrors(converged);
            double lo = depths[0], hi = depths[^1] == depths[0] ? depths[0] + 1 : depths[^1];
            series.Add(new PlotSeries($"{n} observed: minimum nuclear norm", [lo, hi], [level, level], SeriesKind.Prediction));
        }
        var unconverged = baselines.Where(b => !E1DeepMatrixCompletion.IsConverged(b)).Select(b => b.Id).ToList();
        figures.Add(new Figure(Id(section, "error-vs-depth"), "Reconstruction error against depth, with the nuclear-norm baseline",
            "Reconstruction error ‖W − W*‖²_F / ‖W*‖²_F of the end-to-end matrix (median over seeds) against the depth N of the " +
            "factorization, one line per observed count and end-to-end initialization scale; dashed: the minimum-nuclear-norm " +
            "completion of the same targets and observed sets (converged ADMM solves only). Arora, Cohen, Hu and Luo (2019) " +
            "report that with few observations deeper factorizations (N ≥ 3) reconstruct better than depth 2 and than minimum " +
            "nuclear norm — the implicit bias of depth is not a nuclear-norm bias — while with enough observations every method " +
            "recovers the matrix: the line of the smallest observed count should fall with depth and end below its dashed line." +
            NotConverged(runs) + NoMedian(undrawn) + (unconverged.Count > 0 ? $" Baseline solves without a converged certificate (not drawn): {string.Join(", ", unconverged)}." : ""),
            new PlotAxis("depth N", "layers"),
            new PlotAxis("reconstruction error", "relative squared Frobenius error", AxisScale.Logarithmic),
            series, []));
        foreach (var d in depths)
        {
            var representative = runs.Where(r => (int)r.Number("depth") == d)
                .OrderBy(r => r.Number("observed")).ThenByDescending(r => r.Number("scale")).ThenBy(r => r.Seed).First();
            figures.Add(SingularValues(section, representative, d));
        }
        return figures;
    }

    private static Figure SingularValues(ExperimentSection section, RunRecord run, int depth)
    {
        var t = Trajectory(section, run);
        var columns = Enumerable.Range(1, SingularValuesShown).Select(i => $"sigma{i}").Where(t.Has).Select(t.IndexOf).ToArray();
        var values = t.Rows.Select(row => columns.Select(c => row[c]).ToArray()).ToList();
        var setting = $"run {run.Id}: depth {depth}, {(int)run.Number("observed")} observed, scale {F(run.Number("scale"))}, seed {run.Seed}, " +
                      $"{run.Text("status")} after {run.Number("steps")} steps; error {G(run.Number("reconstruction"))}";
        var figure = ReviewerFigures.SingularValuesByDepth(Id(section, $"singular-values-d{depth}"), [new RecordedRun($"depth {depth}", t.Column("time"), values)], setting);
        return figure with
        {
            Title = $"Singular values of W over time, depth {depth}",
            Caption = figure.Caption + $" Shown: the {columns.Length} largest; compare the figures of the other depths: the deeper the " +
                      "factorization, the longer the small singular values stay near zero while the large ones grow (Arora, Cohen, Hu, Luo 2019).",
        };
    }
}
