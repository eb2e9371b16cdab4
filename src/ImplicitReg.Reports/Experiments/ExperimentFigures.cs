using System.Globalization;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// The figures of an experiment section, built from its run records and per-run CSV trajectories only (so a
/// merged sweep draws exactly like a whole run). Each has axes with units, a legend, and a caption saying what it
/// shows and what the paper claims; the drawing and the CSV of each go through <see cref="SvgFigure"/> and
/// <see cref="FigureCsv"/> like every other figure of the report. An experiment without figure builders here (a
/// newer one) gets a section with its setup, tables and claims only.
/// </summary>
public static partial class ExperimentFigures
{
    /// <summary>The figures of <paramref name="section"/>, in reading order.</summary>
    /// <exception cref="InvalidDataException">A run's CSV, which a figure needs, is missing or lacks a column.</exception>
    public static IReadOnlyList<Figure> For(ExperimentSection section)
    {
        var figures = section.Experiment.Name switch
        {
            "e1" => E1(section),
            "e2" => E2(section),
            "e3" => E3(section),
            "e4" => E4(section),
            _ => [],
        };
        foreach (var f in figures) f.Validate();
        return figures;
    }

    /// <summary>The trajectory of <paramref name="record"/>; a missing CSV is an incomplete directory.</summary>
    private static RunTrajectory Trajectory(ExperimentSection section, RunRecord record) =>
        section.TrajectoryOf(record.Index)
        ?? throw new InvalidDataException($"the run {record.Id} has no trajectory file {ExperimentLoader.CsvPath(section.Directory, record)}; " +
                                          "re-run that run (or its shard) and merge again");

    private static string Id(ExperimentSection section, string name) => $"{section.FigurePrefix}-{EvidenceFigures.Slug(name)}";

    private static string F(double x) => ReproductionOptions.Format(x);

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// For a caption: the groups whose median is NaN because a run diverged (<see cref="RunMedian"/>), which a figure
    /// cannot draw ("" when there are none), so that a missing point is never mistaken for a missing run.
    /// </summary>
    private static string NoMedian(IEnumerable<string> groups)
    {
        var list = groups.ToList();
        return list.Count == 0 ? "" : $" Not drawn: no median where a run diverged (a non-finite error; NaN in the table): {string.Join("; ", list)}.";
    }

    /// <summary>The runs that did not reach their loss tolerance, for a caption ("" when every run did).</summary>
    private static string NotConverged(IEnumerable<RunRecord> runs)
    {
        var stopped = runs.Where(r => r.Has("status") && r.Text("status") != "converged").Select(r => $"{r.Id} ({r.Text("status")})").ToList();
        return stopped.Count == 0 ? "" : $" Runs that stopped before the loss tolerance: {string.Join(", ", stopped)}.";
    }
}
