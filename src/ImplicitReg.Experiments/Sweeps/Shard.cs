using System.Globalization;

namespace ImplicitReg.Experiments.Sweeps;

/// <summary>
/// Slice <see cref="Index"/> of <see cref="Count"/> of a sweep: the runs whose index ≡ Index (mod Count), both
/// numbered from 0 (the convention of Slurm job arrays, <c>--array=0-(n−1)</c>). Every run belongs to exactly one
/// shard, and which one depends only on its index, so the union of all shards is the sweep.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole sweep (shard 0 of 1).</summary>
    public static Shard All => new(0, 1);

    /// <summary>True for shard 0 of 1, the whole sweep.</summary>
    public bool IsAll => Count == 1;

    /// <summary>Whether run <paramref name="runIndex"/> belongs to this shard.</summary>
    public bool Contains(int runIndex) => runIndex % Count == Index;

    /// <summary>The runs of this shard, in sweep order.</summary>
    public IReadOnlyList<SweepRun<T>> Select<T>(IReadOnlyList<SweepRun<T>> runs)
    {
        var shard = this;
        return runs.Where(r => shard.Contains(r.Index)).ToList();
    }

    /// <summary>Parses <c>i/n</c> with 0 ≤ i &lt; n.</summary>
    /// <exception cref="ArgumentException">The text is not of that form; the message says what is expected.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i < n)
            return new Shard(i, n);
        throw new ArgumentException($"--shard must be i/n with 0 <= i < n (shards are numbered from 0, as in a Slurm array 0-(n-1)), got '{text}'");
    }

    /// <summary><c>index/count</c>, the form <c>--shard</c> parses.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
