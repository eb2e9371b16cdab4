using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Cli.Verbs.Reproduce;

/// <summary>The parsed options of <c>implicitreg reproduce</c>.</summary>
public sealed record ReproduceRequest(string Experiment, ReproductionOptions Options, int Jobs, Shard Shard, string? OutDirectory, bool Json)
{
    /// <summary>The output directory: <c>--out</c>, or <c>repro-e1</c> (<c>repro-e1-shard-0-of-4</c> for a shard) in the current directory.</summary>
    public string Directory => OutDirectory ?? (Shard.IsAll ? $"repro-{Experiment}" : $"repro-{Experiment}-shard-{Shard.Index}-of-{Shard.Count}");

    /// <summary>A comma-separated list of integers (<c>--depths 2,3</c>).</summary>
    public static IReadOnlyList<int>? Integers(string? text, string option) => text?.Split(',').Select(s =>
        int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new CliUsageException($"option --{option} expects integers separated by commas, got '{text}'")).ToList();

    /// <summary>A comma-separated list of numbers (<c>--scales 1e-3,1e-4</c>).</summary>
    public static IReadOnlyList<double>? Numbers(string? text, string option) => text?.Split(',').Select(s =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? v
            : throw new CliUsageException($"option --{option} expects positive numbers separated by commas, got '{text}'")).ToList();
}
