using ImplicitReg.Models.Losses;

namespace ImplicitReg.Experiments.Simulators.Cp;

/// <summary>
/// Tensor completion for a CP factorization: mode sizes, observed entries (multi-indices, 0-based) with
/// targets, the loss constant, and the ground-truth tensor (dense, row-major over the modes) when known.
/// </summary>
public sealed class CpProblem
{
    /// <summary>Checks the problem (at least two modes, at least one observed entry, each index inside its mode, one target per entry) and fixes the loss constant from <paramref name="scale"/> and the number of observations.</summary>
    public CpProblem(string name, int[] sizes, int[][] observedIndices, double[] targets, LossScale scale, double[]? groundTruth)
    {
        if (sizes.Length < 2) throw new ArgumentException("a tensor needs at least two modes");
        if (observedIndices.Length != targets.Length) throw new ArgumentException("one target per observed entry is needed");
        if (observedIndices.Length == 0) throw new ArgumentException("at least one entry must be observed");
        foreach (var idx in observedIndices)
        {
            if (idx.Length != sizes.Length) throw new ArgumentException($"an observed index has {idx.Length} coordinates for an order-{sizes.Length} tensor");
            for (int n = 0; n < sizes.Length; n++)
                if (idx[n] < 0 || idx[n] >= sizes[n]) throw new ArgumentException($"index {idx[n] + 1} of mode {n + 1} is outside 1..{sizes[n]}");
        }
        Name = name;
        Sizes = sizes;
        ObservedIndices = observedIndices;
        Targets = targets;
        Scale = scale;
        Constant = LossScales.Constant(scale, targets.Length).ToDouble();
        GroundTruth = groundTruth;
    }

    /// <summary>One line naming the problem in outputs.</summary>
    public string Name { get; }
    /// <summary>Mode sizes d_1, …, d_N.</summary>
    public int[] Sizes { get; }
    /// <summary>The order N of the tensor.</summary>
    public int Order => Sizes.Length;
    /// <summary>The observed multi-indices, 0-based, one array of N coordinates each.</summary>
    public int[][] ObservedIndices { get; }
    /// <summary>The target of each observed entry, in the order of <see cref="ObservedIndices"/>.</summary>
    public double[] Targets { get; }
    /// <summary>Which constant c multiplies the sum of squared residuals (½, mean or 1).</summary>
    public LossScale Scale { get; }
    /// <summary>The numeric c of <c>c·Σ residual²</c>.</summary>
    public double Constant { get; }
    /// <summary>The full tensor the targets were sampled from (dense, row-major over the modes), or null when unknown; used for the reconstruction error.</summary>
    public double[]? GroundTruth { get; }

    /// <summary>Number of entries of the full tensor.</summary>
    public long EntryCount => Sizes.Aggregate(1L, (a, b) => a * b);

    /// <summary>
    /// E3 (Razin, Maman, Cohen 2021): a random CP-rank-<paramref name="rank"/> target with i.i.d. N(0, 1) factors,
    /// scaled to ‖𝒲*‖_F = 1, and <paramref name="observed"/> entries drawn uniformly without replacement.
    /// </summary>
    public static CpProblem RandomCompletion(int[] sizes, int rank, int observed, LossScale scale, SeededRandom random)
    {
        var total = sizes.Aggregate(1L, (a, b) => a * b);
        if (total > 50_000_000) throw new ArgumentException($"the full tensor has {total} entries; at most 5e7 are supported");
        if (observed < 1 || observed > total) throw new ArgumentException($"observed count {observed} must be between 1 and {total}");
        var factors = sizes.Select(n => Enumerable.Range(0, n * rank).Select(_ => random.Normal()).ToArray()).ToArray();
        var tensor = new double[total];
        var idx = new int[sizes.Length];
        for (long flat = 0; flat < total; flat++)
        {
            Unflatten(flat, sizes, idx);
            double v = 0;
            for (int r = 0; r < rank; r++)
            {
                double p = 1;
                for (int n = 0; n < sizes.Length; n++) p *= factors[n][idx[n] * rank + r];
                v += p;
            }
            tensor[flat] = v;
        }
        var norm = Math.Sqrt(tensor.Sum(x => x * x));
        for (long i = 0; i < total; i++) tensor[i] /= norm;
        var picks = random.Distinct(checked((int)total), observed);
        var indices = picks.Select(f => { var a = new int[sizes.Length]; Unflatten(f, sizes, a); return a; }).ToArray();
        return new CpProblem($"random CP-rank-{rank} {string.Join("x", sizes)} tensor, {observed} observed", sizes, indices,
            picks.Select(f => tensor[f]).ToArray(), scale, tensor);
    }

    /// <summary>Writes into <paramref name="index"/> the 0-based multi-index of the row-major position <paramref name="flat"/> in a tensor of mode sizes <paramref name="sizes"/>.</summary>
    public static void Unflatten(long flat, int[] sizes, int[] index)
    {
        for (int n = sizes.Length - 1; n >= 0; n--)
        {
            index[n] = (int)(flat % sizes[n]);
            flat /= sizes[n];
        }
    }
}
