using System.Globalization;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>What the user chose for a reproduction: quick or the authors' scale, seeds, and the selectors that pick part of a sweep.</summary>
public sealed class ReproductionOptions
{
    /// <summary>The reduced version that finishes in under a minute (for CI and documentation).</summary>
    public bool Quick { get; init; }

    /// <summary>Seeds 0 … K−1; null for the experiment's default.</summary>
    public int? Seeds { get; init; }

    /// <summary>Depths to run (E1, E2); null for all of the experiment's.</summary>
    public IReadOnlyList<int>? Depths { get; init; }

    /// <summary>Observation counts to run (E1, E3's order-3 sweep); null for all.</summary>
    public IReadOnlyList<int>? Observed { get; init; }

    /// <summary>Initialization scales to run (E1: end-to-end scale s; E3: factor std σ); null for all.</summary>
    public IReadOnlyList<double>? Scales { get; init; }

    /// <summary>Leave out the convex baselines (they are runs of the sweep otherwise).</summary>
    public bool NoBaseline { get; init; }

    /// <summary>Most iterations per run; null for the experiment's stopping rule.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>The values of <paramref name="selected"/> that are in <paramref name="all"/>, in the order of <paramref name="all"/>.</summary>
    /// <exception cref="ArgumentException">A selected value is not part of the experiment; the message lists the valid ones.</exception>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> all, IReadOnlyList<T>? selected, string option)
    {
        if (selected is null) return all;
        foreach (var s in selected)
            if (!all.Contains(s))
                throw new ArgumentException($"--{option} {Format(s)} is not part of this experiment; choose from {string.Join(",", all.Select(Format))}");
        return all.Where(selected.Contains).ToList();
    }

    /// <summary>Text of a selector value as the user would type it (<c>1e-3</c>, <c>2000</c>).</summary>
    public static string Format<T>(T value) => value switch
    {
        double d => d.ToString("0.###E+0", CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E-", "e-").Replace("E", "e"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
