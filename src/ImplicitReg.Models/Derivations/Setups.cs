using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Models.Problems;

namespace ImplicitReg.Models.Derivations;

/// <summary>Turns <see cref="DerivationOptions"/> into models and losses, with each derivation's defaults and clear errors.</summary>
public static class Setups
{
    /// <summary>The options most messages name, spelled per input (<see cref="DerivationOptionException.About"/>).</summary>
    public static readonly OptionName Depth = new("depth"), Dims = new("dims"), Order = new("order");

    /// <summary>
    /// A deep matrix factorization: <c>--dims</c> gives d_0..d_N (and must have depth + 1 entries when <c>--depth</c>
    /// is also given); otherwise <c>--depth</c> (default <paramref name="defaultDepth"/>) square layers of size
    /// <paramref name="defaultSize"/>.
    /// </summary>
    public static DeepMatrixFactorization DeepModel(DerivationOptions o, int defaultDepth, int defaultSize, int maxDepth = 12)
    {
        if (o.Dims is { } dims)
        {
            if (o.Depth is { } d && d != dims.Count - 1)
                throw DerivationOptionException.About($"{Dims} lists {dims.Count} sizes d_0..d_N, so the depth is {dims.Count - 1}, but {Depth} is {d}; give depth + 1 sizes");
            if (dims.Count < 2) throw DerivationOptionException.About($"{Dims} needs at least two sizes d_0,d_1");
            if (dims.Any(x => x < 1 || x > 16)) throw DerivationOptionException.About($"{Dims} sizes must be between 1 and 16");
            if (dims.Count - 1 > maxDepth) throw new DerivationOptionException($"depth {dims.Count - 1} is above this derivation's limit {maxDepth}");
            return new DeepMatrixFactorization(dims);
        }
        int depth = o.Depth ?? defaultDepth;
        if (depth < 1 || depth > maxDepth) throw DerivationOptionException.About($"{Depth} must be between 1 and {maxDepth}, got {depth}");
        return DeepMatrixFactorization.Square(depth, defaultSize);
    }

    /// <summary>
    /// The loss of a deep-factorization derivation: without <c>--loss</c> any differentiable loss (through the
    /// symbols G[r,c]); with it, a completion loss with that constant on
    /// <see cref="RazinCohenConstruction.DefaultObservations"/>.
    /// </summary>
    public static Loss DeepLoss(DerivationOptions o, int rows, int cols) =>
        o.Loss is { } scale ? new CompletionLoss(rows, cols, RazinCohenConstruction.DefaultObservations(rows, cols), scale) : new GenericLoss(rows, cols);

    /// <summary>A positive option with a default and bounds.</summary>
    public static int Bounded(int? value, int fallback, int min, int max, string option)
    {
        int v = value ?? fallback;
        if (v < min || v > max) throw DerivationOptionException.About($"{new OptionName(option)} must be between {min} and {max}, got {v}");
        return v;
    }
}
