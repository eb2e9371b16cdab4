using System.Globalization;
using System.Text.Json;
using CsvHelper;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Reports.Experiments;

/// <summary>
/// Reads a reproduction output directory into an <see cref="ExperimentSection"/>: the manifest and every run
/// record (the sweep must be complete: a shard alone is refused), the directory's <c>results.json</c>, each run's
/// CSV trajectory, and the figures built from them. The summary is recomputed from the records, exactly as
/// <c>reproduce</c> and <c>merge</c> compute it, so the section always agrees with the records it shows. Those two
/// verbs hand over the sweep they have just summarised instead (<see cref="Load(ReproductionResult, int)"/>): one
/// read and one summary per run of a verb.
/// </summary>
public static class ExperimentLoader
{
    private static readonly CsvReaderOptions CsvOptions = new() { HasHeader = true };

    /// <summary>Loads <paramref name="directory"/> as section <paramref name="position"/> of a report.</summary>
    /// <exception cref="InvalidDataException">
    /// The directory does not hold one complete sweep of a known experiment with its results and trajectories;
    /// the message names the directory, what is missing and how to produce it.
    /// </exception>
    public static ExperimentSection Load(string directory, int position)
    {
        if (!Directory.Exists(directory))
            throw Bad(directory, "is not a directory; give the --out directory of 'implicitreg reproduce' or 'implicitreg merge'");
        SweepManifest manifest;
        IReadOnlyList<RunRecord> records;
        try
        {
            var (m, found) = SweepStore.Merge([directory]);
            (manifest, records) = (m, found.Select(r => r.Record).ToList());
        }
        catch (InvalidDataException e)
        {
            throw Bad(directory, $"does not hold a complete sweep: {e.Message} and merge them: implicitreg merge SHARD... --out DIR");
        }
        IReproduction experiment;
        try
        {
            experiment = Reproducer.Find(manifest.Experiment);
        }
        catch (ArgumentException e)
        {
            throw Bad(directory, $"{SweepStore.ManifestFile} names {e.Message}");
        }
        var resultsPath = Path.Combine(directory, Reproducer.ResultsFile);
        if (!File.Exists(resultsPath))
            throw Bad(directory, $"has every run but no {Reproducer.ResultsFile}; write it with 'implicitreg merge {directory} --out {directory}'");
        var results = File.ReadAllText(resultsPath);
        try
        {
            using var doc = JsonDocument.Parse(results);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("experiment", out var name) || name.GetString() != manifest.Experiment)
                throw Bad(directory, $"{Reproducer.ResultsFile} is not the results of this {manifest.Experiment} sweep; rewrite it with 'implicitreg merge {directory} --out {directory}'");
        }
        catch (JsonException e)
        {
            throw Bad(directory, $"{Reproducer.ResultsFile} is not JSON ({e.Message}); rewrite it with 'implicitreg merge {directory} --out {directory}'");
        }
        var trajectories = ReadTrajectories(directory, records);
        ReproductionSummary summary;
        try
        {
            summary = experiment.Summarise(manifest, records);
        }
        catch (InvalidDataException e)
        {
            throw Bad(directory, $"a run record lacks what {manifest.Experiment} needs: {e.Message}");
        }
        return WithFigures(new ExperimentSection(directory, position, experiment, manifest, records, trajectories, summary, results));
    }

    /// <summary>
    /// The section of a sweep that <see cref="Reproducer.Summarise"/> has just read, summarised and written (what
    /// <c>reproduce</c> and <c>merge</c> draw): only the trajectories are read from <see cref="ReproductionResult.Directory"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">A run's CSV, which a figure needs, is missing or malformed; the message names it.</exception>
    public static ExperimentSection Load(ReproductionResult result, int position) =>
        WithFigures(new ExperimentSection(result.Directory, position, result.Experiment, result.Manifest, result.Records,
            ReadTrajectories(result.Directory, result.Records), result.Summary, result.ResultsJson));

    /// <summary>Run index → the trajectory of every run of <paramref name="directory"/> that wrote a CSV.</summary>
    private static Dictionary<int, RunTrajectory> ReadTrajectories(string directory, IReadOnlyList<RunRecord> records)
    {
        var trajectories = new Dictionary<int, RunTrajectory>();
        foreach (var r in records)
        {
            var csv = CsvPath(directory, r);
            if (File.Exists(csv)) trajectories[r.Index] = ReadTrajectory(csv);
        }
        return trajectories;
    }

    /// <summary><paramref name="section"/> with its figures.</summary>
    private static ExperimentSection WithFigures(ExperimentSection section)
    {
        try
        {
            return section with { Figures = ExperimentFigures.For(section) };
        }
        catch (InvalidDataException e)
        {
            throw Bad(section.Directory, e.Message);
        }
    }

    /// <summary>The CSV file a run of <paramref name="directory"/> writes.</summary>
    public static string CsvPath(string directory, RunRecord record) =>
        Path.Combine(directory, SweepStore.RunsFolder, SweepStore.FileStem(record.Index, record.Id) + ".csv");

    /// <summary>Reads a per-run CSV: a header, then numbers (<c>NaN</c> and <c>Infinity</c> allowed).</summary>
    /// <exception cref="InvalidDataException">A row is short or a field is not a number; the message names the file and row.</exception>
    public static RunTrajectory ReadTrajectory(string path)
    {
        using var csv = CsvReader.FromFile(path, CsvOptions);
        var header = csv.Headers.ToArray();
        var rows = new List<double[]>();
        while (csv.Read())
        {
            if (csv.FieldCount != header.Length)
                throw new InvalidDataException($"{path}: row {rows.Count + 1} has {csv.FieldCount} fields, the header {header.Length}");
            var row = new double[header.Length];
            for (int i = 0; i < row.Length; i++)
            {
                var text = csv.GetString(i);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out row[i]))
                    throw new InvalidDataException($"{path}: row {rows.Count + 1}, column '{header[i]}': '{text}' is not a number");
            }
            rows.Add(row);
        }
        return new RunTrajectory(header, rows);
    }

    private static InvalidDataException Bad(string directory, string what) => new($"--experiments {directory}: {what}");
}
