using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// The trajectory one run of a reproduction wrote to its CSV file (<c>runs/&lt;index&gt;-&lt;id&gt;.csv</c>): the column
/// names and one row of numbers per recording point.
/// </summary>
/// <param name="Header">Column names, e.g. <c>step, loss, absW11, …</c>.</param>
/// <param name="Rows">One array per recording point, as long as the header.</param>
public sealed record RunTrajectory(IReadOnlyList<string> Header, IReadOnlyList<double[]> Rows)
{
    /// <summary>Whether the run recorded <paramref name="name"/>.</summary>
    public bool Has(string name) => Header.Contains(name);

    /// <summary>The values of column <paramref name="name"/>, one per row.</summary>
    /// <exception cref="InvalidDataException">The run did not record that column.</exception>
    public double[] Column(string name)
    {
        var at = IndexOf(name);
        return Rows.Select(r => r[at]).ToArray();
    }

    /// <summary>The position of column <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">The run did not record that column.</exception>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Header.Count; i++)
            if (Header[i] == name) return i;
        throw new InvalidDataException($"the run's CSV has no column '{name}' (columns: {string.Join(", ", Header)})");
    }
}

/// <summary>
/// One reproduction output directory (written by <c>reproduce … --out</c> or <c>merge … --out</c>) as a section of
/// the report: its complete sweep, the summary recomputed from the run records (exactly as <c>reproduce</c> and
/// <c>merge</c> compute it), the content of its <c>results.json</c>, the per-run trajectories and the figures.
/// </summary>
/// <param name="Directory">The directory as the user named it.</param>
/// <param name="Position">1-based place among the report's experiment sections (keeps anchors and figure ids unique).</param>
/// <param name="Experiment">Which experiment (e1, e2, …).</param>
/// <param name="Manifest">The sweep's manifest: settings (setup, seeds, stopping rule) and run count.</param>
/// <param name="Records">Every run record, in sweep order.</param>
/// <param name="Trajectories">Run index → its CSV trajectory (runs without a CSV, such as E1's convex baseline, are absent).</param>
/// <param name="Summary">The results lines and the claim checks.</param>
/// <param name="ResultsJson">The text of the directory's <c>results.json</c>.</param>
public sealed record ExperimentSection(
    string Directory,
    int Position,
    IReproduction Experiment,
    SweepManifest Manifest,
    IReadOnlyList<RunRecord> Records,
    IReadOnlyDictionary<int, RunTrajectory> Trajectories,
    ReproductionSummary Summary,
    string ResultsJson)
{
    /// <summary>The figures of this section (built once the section is loaded).</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>The HTML id of the section, e.g. <c>experiment-1-e2</c>.</summary>
    public string Anchor => $"experiment-{Position}-{Experiment.Name}";

    /// <summary>The prefix of this section's figure ids (figure ids are file names in <c>data/</c>): <c>x1-e2</c>.</summary>
    public string FigurePrefix => $"x{Position}-{Experiment.Name}";

    /// <summary>How many claims came back supported, not supported and undecided.</summary>
    public (int Supported, int NotSupported, int Undecided) Verdicts =>
        (Summary.Claims.Count(c => c.Support == Support.Supported), Summary.Claims.Count(c => c.Support == Support.NotSupported),
         Summary.Claims.Count(c => c.Support == Support.Undecided));

    /// <summary>The trajectory of run <paramref name="index"/>, or null when it wrote none.</summary>
    public RunTrajectory? TrajectoryOf(int index) => Trajectories.TryGetValue(index, out var t) ? t : null;
}
