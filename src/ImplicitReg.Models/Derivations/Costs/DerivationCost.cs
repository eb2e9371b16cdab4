namespace ImplicitReg.Models.Derivations.Costs;

/// <summary>
/// Predicts, from the requested sizes alone, how much memory a derivation's expressions take, so that a caller can
/// refuse a request that cannot finish (<c>--depth 99999</c>, <c>--dims 50,50,50</c>) before the kernel allocates.
/// The estimates count monomials of the expanded products (the dominant objects) times a per-monomial size; they
/// are upper-end guesses within a small factor, not measurements.
/// </summary>
public static class DerivationCost
{
    /// <summary>Bytes of one monomial of n factors: the node, its factor array and the canonical-form caches.</summary>
    public static double BytesPerMonomial(int factors) => 96 + 16.0 * factors;

    /// <summary>
    /// How many copies of the end-to-end expansion a derivation keeps alive at once (the product, the loss gradient
    /// through it, the layer gradients and the published form being compared).
    /// </summary>
    public const double WorkingCopies = 8;

    /// <summary>
    /// Monomials of the expanded product W = WN…W1 of symbolic layers with sizes d0..dN:
    /// every one of the dN·d0 entries is a sum over the hidden indices, d1·…·d(N-1) monomials of N factors.
    /// </summary>
    public static double MatrixChainMonomials(IReadOnlyList<int> dims)
    {
        double count = (double)dims[0] * dims[^1];
        for (int j = 1; j < dims.Count - 1; j++) count *= dims[j];
        return count;
    }

    /// <summary>Bytes for a deep matrix factorization derivation with sizes d0..dN (N = dims.Count - 1 layers).</summary>
    public static double MatrixChainBytes(IReadOnlyList<int> dims)
    {
        int depth = dims.Count - 1;
        // Each layer's gradient is as large as the product itself, so there are depth + 1 expansions of this size.
        return MatrixChainMonomials(dims) * BytesPerMonomial(depth) * (depth + 1) * WorkingCopies;
    }

    /// <summary>Bytes for a CP factorization with the given mode sizes and R components (each entry: R monomials).</summary>
    public static double CpBytes(IReadOnlyList<int> sizes, int components)
    {
        double entries = 1;
        foreach (var s in sizes) entries *= s;
        return entries * components * BytesPerMonomial(sizes.Count) * (sizes.Count + 1) * WorkingCopies;
    }

    /// <summary>Bytes for the sensing derivations: d×d matrices, m measurements, each residual a sum of d² products.</summary>
    public static double SensingBytes(int size, int measurements)
    {
        double d2 = (double)size * size;
        return d2 * d2 * measurements * BytesPerMonomial(3) * WorkingCopies;
    }

    /// <summary>
    /// Work limit in expanded monomials (summed over the product and the layer gradients): measured on a 2-core
    /// machine, 2.8e5 (balancedness, depth 5, 6x6 layers) takes about half a minute, so 1e6 is a few minutes.
    /// </summary>
    public const double WorkLimit = 1e6;

    /// <summary>A depth (or order) beyond which the estimate is infinite without counting: far above every derivation's own limit.</summary>
    private const int MaxDepth = 10_000;

    /// <summary>Predictable work of the derivation in expanded monomials (product and layer gradients); 0 when fixed.</summary>
    public static double EstimateWork(string name, DerivationOptions options) =>
        EstimateBytes(name, options) / (BytesPerMonomial(1) * WorkingCopies);

    /// <summary>
    /// The estimate for the derivation <paramref name="name"/> of <see cref="DerivationRegistry"/> with these options
    /// (absent options take the derivation's defaults); 0 for derivations whose size is fixed.
    /// </summary>
    public static double EstimateBytes(string name, DerivationOptions options)
    {
        switch (name)
        {
            // A depth or order below 1 is the derivation's own error; one of millions is astronomically large, and
            // no array of its sizes is built to say so.
            case "layer-flow" or "balancedness" or "determinant" or "diagonal-dynamics":
                if (options.Dims is null && options.Depth is < 1 or > MaxDepth) return options.Depth < 1 ? 0 : double.PositiveInfinity;
                var dims = options.Dims ?? Enumerable.Repeat(2, (options.Depth ?? 3) + 1).ToArray();
                return dims.Count < 2 ? 0 : MatrixChainBytes(dims);
            case "tensor-norms":
                if (options.Dims is null && options.Order is < 1 or > MaxDepth) return options.Order < 1 ? 0 : double.PositiveInfinity;
                var sizes = options.Dims ?? Enumerable.Repeat(2, options.Order ?? 3).ToArray();
                return CpBytes(sizes, options.Components ?? 2);
            case "symmetric-flow" or "commuting-closed-form" or "nonneg-flow":
                var d = options.Dims is { Count: > 0 } given ? given.Max() : 2;
                return SensingBytes(d, options.Components ?? 2);
            default:
                return 0;
        }
    }
}
