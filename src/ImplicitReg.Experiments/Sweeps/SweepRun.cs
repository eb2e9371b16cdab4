namespace ImplicitReg.Experiments.Sweeps;

/// <summary>
/// One independent run of a sweep: its position in the sweep's fixed order, a file-safe name, the seed every
/// random choice of the run is drawn from, and what to run.
/// </summary>
/// <typeparam name="TSpec">The experiment's description of one run (depth, scale, …).</typeparam>
/// <param name="Index">Position in the sweep, from 0; shards and merges are defined by it.</param>
/// <param name="Id">Name of the run's files (letters, digits, '-', '.', '_').</param>
/// <param name="Seed">The run's seed (printed and recorded).</param>
/// <param name="Spec">The settings of this run.</param>
public sealed record SweepRun<TSpec>(int Index, string Id, int Seed, TSpec Spec);

/// <summary>Builds the ordered run list of a sweep.</summary>
public static class SweepPlan
{
    /// <summary>Numbers <paramref name="runs"/> 0, 1, … in the order given; ids must be distinct and file-safe.</summary>
    public static IReadOnlyList<SweepRun<TSpec>> Number<TSpec>(IEnumerable<(string Id, int Seed, TSpec Spec)> runs)
    {
        var list = new List<SweepRun<TSpec>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, seed, spec) in runs)
        {
            if (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
                throw new ArgumentException($"run id '{id}' must be non-empty and use only letters, digits, '-', '.', '_'");
            if (!ids.Add(id)) throw new ArgumentException($"run id '{id}' appears twice in the sweep");
            list.Add(new SweepRun<TSpec>(list.Count, id, seed, spec));
        }
        return list;
    }
}
