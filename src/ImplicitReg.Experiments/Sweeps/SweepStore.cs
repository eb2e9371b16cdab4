using System.Text.Json;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Sweeps;

/// <summary>
/// The files of a sweep in an output directory: <c>sweep.json</c> (the manifest: experiment, settings, total
/// run count, shard), <c>runs/&lt;index&gt;-&lt;id&gt;.json</c> (one record per run) and whatever per-run files the
/// experiment writes beside them. Merging reads the records of several directories, checks that they come from
/// the same sweep and cover it exactly once, and returns them in sweep order: it only concatenates and sorts.
/// </summary>
public static class SweepStore
{
    /// <summary>The name of the manifest file in an output directory.</summary>
    public const string ManifestFile = "sweep.json";
    /// <summary>The name of the folder of per-run files in an output directory.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The folder holding a directory's per-run files (created).</summary>
    public static string RunsDirectory(string directory) => Directory.CreateDirectory(Path.Combine(directory, RunsFolder)).FullName;

    /// <summary>The base name of run <paramref name="index"/>'s files: the index padded so names sort in sweep order.</summary>
    public static string FileStem(int index, string id) => $"{index:D4}-{id}";

    /// <summary>
    /// What is wrong with <paramref name="directory"/> as the output of a sweep, completing "--out 'DIR' …", or null when
    /// it may be written: a new or empty directory, or one a sweep wrote before (its <c>sweep.json</c> is there; its run
    /// files are replaced). Anything else is refused, because writing a sweep clears <c>runs/*.json</c> and
    /// <c>runs/*.csv</c> and replaces <c>results.json</c>, <c>summary.txt</c> and the report: a directory of the user's
    /// own files must not lose them. Nothing may be written inside <paramref name="protectedDirectories"/> (the claim
    /// catalogue, whose files <c>verify</c> reads).
    /// </summary>
    public static string? OutputProblem(string directory, IEnumerable<string?> protectedDirectories)
    {
        if (string.IsNullOrWhiteSpace(directory)) return "is empty; name a directory, e.g. --out repro-e1";
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is not a usable path ({e.Message})";
        }
        foreach (var p in protectedDirectories)
        {
            if (p is null) continue;
            var guarded = Path.TrimEndingDirectorySeparator(Path.GetFullPath(p));
            if (full == guarded || full.StartsWith(guarded + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return $"is inside the claim catalogue {p} (verify reads every file there); choose a directory outside it";
        }
        if (File.Exists(full)) return "is a file; choose a directory (new or empty, or one a sweep wrote before)";
        if (Directory.Exists(full) && !File.Exists(Path.Combine(full, ManifestFile)) && Directory.EnumerateFileSystemEntries(full).Any())
            return $"already holds files and no {ManifestFile}, so it is not an output directory of 'implicitreg reproduce' or 'merge' " +
                   $"(writing a sweep there would delete {RunsFolder}/*.json and {RunsFolder}/*.csv); choose a new or empty directory";
        return null;
    }

    /// <summary>Writes <c>sweep.json</c> into <paramref name="directory"/> (created).</summary>
    public static void WriteManifest(string directory, SweepManifest manifest)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ManifestFile), manifest.ToJson());
    }

    /// <summary>Writes a run's record as <c>runs/&lt;index&gt;-&lt;id&gt;.json</c> under <paramref name="directory"/>.</summary>
    public static void WriteRecord(string directory, RunRecord record) =>
        File.WriteAllText(Path.Combine(RunsDirectory(directory), FileStem(record.Index, record.Id) + ".json"), record.ToJson());

    /// <summary>Reads a directory's manifest.</summary>
    /// <exception cref="InvalidDataException">Missing or unreadable; the message names the file.</exception>
    public static SweepManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no sweep manifest here; is '{directory}' an output directory of 'implicitreg reproduce'?");
        return SweepManifest.FromJson(File.ReadAllText(path), path);
    }

    /// <summary>The run records of one directory, in sweep order.</summary>
    public static IReadOnlyList<RunRecord> ReadRecords(string directory)
    {
        var runs = Path.Combine(directory, RunsFolder);
        if (!Directory.Exists(runs)) return [];
        return Directory.GetFiles(runs, "*.json").Order(StringComparer.Ordinal)
            .Select(f => RunRecord.FromJson(File.ReadAllText(f), f)).OrderBy(r => r.Index).ToList();
    }

    /// <summary>
    /// The records of <paramref name="directories"/> combined: same experiment and settings in every manifest,
    /// no run twice, every run of the sweep present. Returns the common manifest (as for the whole sweep) and
    /// the records in sweep order, with the directory each came from.
    /// </summary>
    /// <exception cref="InvalidDataException">The directories do not hold one complete sweep; the message says what differs or is missing.</exception>
    public static (SweepManifest Manifest, IReadOnlyList<(RunRecord Record, string Directory)> Records) Merge(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new InvalidDataException("no directories to merge");
        SweepManifest? first = null;
        string firstDir = "";
        var byIndex = new SortedDictionary<int, (RunRecord, string)>();
        foreach (var dir in directories)
        {
            var m = ReadManifest(dir);
            if (first is null)
            {
                first = m;
                firstDir = dir;
            }
            else if (!first.SameSweep(m, out var why))
                throw new InvalidDataException($"{dir} and {firstDir} come from different sweeps: {why}");
            foreach (var r in ReadRecords(dir))
            {
                if (r.Index < 0 || r.Index >= m.RunCount)
                    throw new InvalidDataException($"{dir}: run {r.Index} ({r.Id}) is outside the sweep's {m.RunCount} runs");
                if (byIndex.TryGetValue(r.Index, out var earlier))
                    throw new InvalidDataException($"run {r.Index} ({r.Id}) is in both {earlier.Item2} and {dir}; give each shard its own directory");
                byIndex[r.Index] = (r, dir);
            }
        }
        var missing = Enumerable.Range(0, first!.RunCount).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"the sweep has {first.RunCount} runs but {missing.Count} of them {(missing.Count == 1 ? "is" : "are")} in none of the directories " +
                $"(indices {string.Join(",", missing.Take(12))}{(missing.Count > 12 ? ",..." : "")}); run the missing shards first");
        return (first with { Shard = Shard.All }, byIndex.Values.ToList());
    }
}

/// <summary>What identifies a sweep: the experiment, its settings as text, the number of runs; and which shard a directory holds.</summary>
/// <param name="Experiment">e.g. <c>e1</c>.</param>
/// <param name="Settings">Every setting that changes the run list or a run (quick, seeds, selectors, stopping rule), one per entry.</param>
/// <param name="RunCount">Runs in the whole sweep.</param>
/// <param name="Shard">The slice this directory holds.</param>
public sealed record SweepManifest(string Experiment, IReadOnlyList<string> Settings, int RunCount, Shard Shard)
{
    /// <summary>True when <paramref name="other"/> is a slice of the same sweep; otherwise <paramref name="why"/> says what differs.</summary>
    public bool SameSweep(SweepManifest other, out string why)
    {
        why = "";
        if (Experiment != other.Experiment) why = $"experiment {Experiment} against {other.Experiment}";
        else if (RunCount != other.RunCount) why = $"{RunCount} runs against {other.RunCount}";
        else if (!Settings.SequenceEqual(other.Settings))
        {
            var a = Settings.Except(other.Settings).FirstOrDefault() ?? "(none)";
            var b = other.Settings.Except(Settings).FirstOrDefault() ?? "(none)";
            why = $"settings differ: '{a}' against '{b}'";
        }
        return why.Length == 0;
    }

    /// <summary>The manifest as the JSON of <c>sweep.json</c>.</summary>
    public string ToJson() => JsonText.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("experiment", Experiment);
        w.WriteStartArray("settings");
        foreach (var s in Settings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteNumber("runCount", RunCount);
        w.WriteString("shard", Shard.ToString());
        w.WriteEndObject();
    });

    /// <summary>Reads a manifest written by <see cref="ToJson"/>; throws <see cref="InvalidDataException"/> naming <paramref name="source"/> when the text is not one.</summary>
    public static SweepManifest FromJson(string text, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            return new SweepManifest(r.GetProperty("experiment").GetString()!,
                r.GetProperty("settings").EnumerateArray().Select(e => e.GetString()!).ToList(),
                r.GetProperty("runCount").GetInt32(), Shard.Parse(r.GetProperty("shard").GetString()!));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: not a sweep manifest ({e.Message})");
        }
    }
}
