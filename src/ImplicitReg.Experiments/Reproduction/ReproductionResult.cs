using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// A complete sweep as <see cref="Reproducer.Summarise"/> read, summarised and wrote it: what the report layer needs
/// to draw the sweep's page without reading the records back and summarising them a second time.
/// </summary>
/// <param name="Directory">The output directory the sweep was summarised into, as the caller named it.</param>
/// <param name="Experiment">Which experiment (e1, e2, …).</param>
/// <param name="Manifest">The sweep's manifest (the whole sweep, not a shard).</param>
/// <param name="Records">Every run record, in sweep order.</param>
/// <param name="Summary">The results lines and the claim checks.</param>
/// <param name="Text">The text summary, as written to <see cref="Reproducer.SummaryFile"/>.</param>
/// <param name="ResultsJson">The machine-readable results, as written to <see cref="Reproducer.ResultsFile"/>.</param>
public sealed record ReproductionResult(
    string Directory,
    IReproduction Experiment,
    SweepManifest Manifest,
    IReadOnlyList<RunRecord> Records,
    ReproductionSummary Summary,
    string Text,
    string ResultsJson);
