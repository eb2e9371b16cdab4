using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// Runs a reproduction into an output directory and summarises complete sweeps: <c>sweep.json</c>, one record
/// and one CSV per run under <c>runs/</c>, and for a complete sweep <c>results.json</c> and <c>summary.txt</c>.
/// The summary is always computed from the records read back from disk, for a whole run and for a merge alike.
/// </summary>
public static class Reproducer
{
    /// <summary>The name of the machine-readable results of a complete sweep, in the output directory.</summary>
    public const string ResultsFile = "results.json";
    /// <summary>The name of the text summary of a complete sweep (setup, results, claim checks), in the output directory.</summary>
    public const string SummaryFile = "summary.txt";

    /// <summary>All experiments, by name.</summary>
    public static IReadOnlyList<IReproduction> Experiments { get; } =
        [new E1DeepMatrixCompletion(), new E2TwoByTwo(), new E3TensorCompletion(), new E4Gunasekar()];

    /// <summary>The experiment called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such experiment; the message lists them.</exception>
    public static IReproduction Find(string name) =>
        Experiments.FirstOrDefault(e => e.Name == name.ToLowerInvariant())
        ?? throw new ArgumentException($"unknown experiment '{name}'; choose one of {string.Join(", ", Experiments.Select(e => e.Name))}");

    /// <summary>Executes <paramref name="shard"/> of the plan into <paramref name="outDirectory"/> (clearing run files left there before).</summary>
    public static IReadOnlyList<RunRecord> Execute(IReproduction experiment, ReproductionPlan plan, string outDirectory, Shard shard, int jobs,
        Action<RunRecord>? onDone, CancellationToken cancel)
    {
        var runs = SweepStore.RunsDirectory(outDirectory);
        foreach (var stale in Directory.GetFiles(runs, "*.json").Concat(Directory.GetFiles(runs, "*.csv"))) File.Delete(stale);
        File.Delete(Path.Combine(outDirectory, ResultsFile));
        File.Delete(Path.Combine(outDirectory, SummaryFile));
        SweepStore.WriteManifest(outDirectory, new SweepManifest(experiment.Name, plan.Setup, plan.RunCount, shard));
        return plan.Execute(runs, shard, jobs, record =>
        {
            SweepStore.WriteRecord(outDirectory, record);
            onDone?.Invoke(record);
        }, cancel);
    }

    /// <summary>
    /// Summarises the complete sweep held by <paramref name="directories"/> into <paramref name="outDirectory"/>
    /// (copying the run files when they live elsewhere, after removing the run files of an earlier sweep there) and returns the sweep with its summary and the text of the
    /// summary, as <paramref name="render"/> lays it out (the report layer's text report: this layer computes, it does
    /// not typeset). The result carries everything the report page needs, so the sweep is read and summarised once.
    /// </summary>
    /// <exception cref="InvalidDataException">The directories do not hold one complete sweep.</exception>
    public static ReproductionResult Summarise(IReadOnlyList<string> directories, string outDirectory,
        Func<IReproduction, SweepManifest, ReproductionSummary, string> render)
    {
        var (manifest, records) = SweepStore.Merge(directories);
        var experiment = Find(manifest.Experiment);
        var outRuns = SweepStore.RunsDirectory(outDirectory);
        // Merging into a directory that is not one of the shards (a new one, or an earlier sweep's): its old run files
        // would mix with the merged ones and leave a directory that no longer holds one sweep, so they go first.
        if (!directories.Any(d => SameDirectory(d, outDirectory)))
            foreach (var stale in Directory.GetFiles(outRuns, "*.json").Concat(Directory.GetFiles(outRuns, "*.csv"))) File.Delete(stale);
        foreach (var (record, dir) in records)
        {
            var fromRuns = Path.Combine(Path.GetFullPath(dir), SweepStore.RunsFolder);
            if (string.Equals(fromRuns.TrimEnd('/'), outRuns.TrimEnd('/'), StringComparison.Ordinal)) continue;
            foreach (var f in Directory.GetFiles(fromRuns, SweepStore.FileStem(record.Index, record.Id) + ".*"))
                File.Copy(f, Path.Combine(outRuns, Path.GetFileName(f)), overwrite: true);
        }
        SweepStore.WriteManifest(outDirectory, manifest);
        var list = records.Select(r => r.Record).ToList();
        var summary = experiment.Summarise(manifest, list);
        var text = render(experiment, manifest, summary);
        var json = Json(experiment, manifest, summary);
        File.WriteAllText(Path.Combine(outDirectory, ResultsFile), json);
        File.WriteAllText(Path.Combine(outDirectory, SummaryFile), text);
        return new ReproductionResult(outDirectory, experiment, manifest, list, summary, text, json);
    }

    private static bool SameDirectory(string a, string b) => string.Equals(
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>results.json: experiment, title, setup, the experiment's body, claims.</summary>
    public static string Json(IReproduction experiment, SweepManifest manifest, ReproductionSummary summary) => JsonText.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("experiment", experiment.Name);
        w.WriteString("title", experiment.Title);
        w.WriteStartArray("setup");
        foreach (var s in manifest.Settings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteNumber("runCount", manifest.RunCount);
        summary.WriteBody(w);
        w.WriteStartArray("claims");
        foreach (var c in summary.Claims)
        {
            w.WriteStartObject();
            w.WriteString("claim", c.Claim);
            w.WriteString("support", c.SupportName);
            w.WriteString("evidence", c.Evidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes each record's fields as one JSON object per run, under <paramref name="property"/> (<c>runs[]</c> by default).</summary>
    public static void WriteRuns(System.Text.Json.Utf8JsonWriter w, IEnumerable<RunRecord> records, string property = "runs")
    {
        w.WriteStartArray(property);
        foreach (var r in records)
        {
            w.WriteStartObject();
            w.WriteNumber("index", r.Index);
            w.WriteString("id", r.Id);
            w.WriteNumber("seed", r.Seed);
            r.WriteFields(w);
            w.WritePropertyName("seconds");
            RunRecord.WriteDouble(w, r.Seconds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
