using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Runs;

/// <summary>The defaults a deep-matrix-factorization setup falls back on; <c>simulate dmf</c> and <c>compare</c> differ.</summary>
/// <param name="Problem">random, 2x2 or generalized.</param>
/// <param name="Std">Per-layer standard deviation when neither init-std nor init-scale is given (null: E1's end-to-end scale 1e-3).</param>
/// <param name="PositiveDet">Whether det W(0) &gt; 0 is required even without the option.</param>
/// <param name="MaxEntries">Most layer entries accepted.</param>
public sealed record DmfDefaults(string Problem, double? Std, bool PositiveDet, int MaxEntries = int.MaxValue)
{
    /// <summary>The defaults of <c>simulate dmf</c>: the random problem, or std 8e-3 for the 2x2 and generalized constructions.</summary>
    public static DmfDefaults Simulate(RunSpec spec) =>
        new("random", spec.Problem is "2x2" or "generalized" ? 8e-3 : null, false);
}

/// <summary>
/// A deep matrix factorization problem with its initial layers, built from a <see cref="RunSpec"/>: the problem,
/// depth and shapes, loss constant, initialization and seed (shared by <c>simulate dmf</c>, <c>compare</c> and the
/// claims' simulate and compare checks).
/// </summary>
public sealed class DmfSetup
{
    /// <summary>The problem (observations, targets, loss, layer shapes).</summary>
    public required DmfProblem Problem { get; init; }

    /// <summary>W_1 … W_N at t = 0.</summary>
    public required MatrixBuffer[] InitialLayers { get; init; }

    /// <summary>How they were drawn.</summary>
    public required InitSpec Init { get; init; }

    /// <summary>Draws needed to get det W(0) &gt; 0 (1 without that requirement).</summary>
    public required int Draws { get; init; }

    /// <summary>The seed of every random choice.</summary>
    public required int Seed { get; init; }

    /// <summary>
    /// Builds the setup; every invalid option is a <see cref="RunSpecException"/> naming it. <paramref name="limits"/>
    /// sees the memory the sizes imply before anything is allocated, and <paramref name="sized"/> the layer sizes
    /// d0..dN (a caller that predicts the work of its run from them refuses it before minutes of building).
    /// </summary>
    public static DmfSetup Build(RunSpec spec, DmfDefaults defaults, RunLimits? limits = null, Action<IReadOnlyList<int>>? sized = null)
    {
        var problemKind = spec.Problem ?? defaults.Problem;
        if (problemKind is not ("random" or "2x2" or "generalized"))
            throw new RunSpecException("problem", $"must be random, 2x2 or generalized, got '{problemKind}'");
        int seed = RunSeed.Of(spec);
        int depth = spec.Depth ?? 3;
        if (depth < 1 || depth > 50) throw new RunSpecException("depth", $"must be between 1 and 50, got {depth}");
        int[]? dims = spec.Dims is { } dimsText ? RunSpec.ParseDims(dimsText) : null;
        if (dims is not null && (spec.Shape is not null || spec.Hidden is not null || spec.Depth is not null))
            throw new RunSpecException(null, "--dims gives every layer size; drop --shape, --hidden and --depth");
        if (dims is not null) depth = dims.Length - 1;
        var (rows, cols) = dims is not null ? (dims[^1], dims[0])
            : spec.Shape is null ? problemKind == "generalized" ? (3, 3) : problemKind == "2x2" ? (2, 2) : (100, 100)
            : RunSpec.ParseShape(spec.Shape);
        if (spec.Hidden is < 1) throw new RunSpecException("hidden", "must be positive");
        int rank = spec.Rank ?? 5;
        int observed = spec.Observed ?? 2000;
        var scale = LossOf(spec, problemKind == "random" ? "mse" : "half-sse");
        var initKind = (spec.Init ?? "gaussian") switch
        {
            "gaussian" => InitKind.Gaussian,
            "balanced" => InitKind.Balanced,
            "identity" => InitKind.Identity,
            "orthogonal" => InitKind.Orthogonal,
            var other => throw new RunSpecException("init", $"must be gaussian, balanced, identity or orthogonal, got '{other}'"),
        };
        if (problemKind == "2x2" && (spec.Shape is not null || spec.Sensing is not null || (dims is not null && (rows, cols) != (2, 2))))
            throw new RunSpecException("problem", "2x2 is the fixed 2x2 completion of M6; drop --shape/--sensing (--dims must start and end with 2)");

        int[] layerDims;
        try
        {
            layerDims = dims ?? DmfProblem.LayerDimensions(rows, cols, depth, spec.Hidden);
        }
        catch (ArgumentException e) when (e is not RunSpecException)
        {
            throw new RunSpecException(null, e.Message);
        }
        bool random = problemKind == "random";
        limits?.Memory?.Invoke(dims is not null ? "--dims" : "--shape/--hidden",
            DmfCost.EstimateBytes(layerDims, random && spec.Sensing is null ? observed : rows * (long)cols, random ? spec.Sensing ?? 0 : 0, random ? rank : 0),
            "the layers, the target and the observations");
        sized?.Invoke(layerDims);
        double entries = DmfCost.LayerEntries(layerDims);
        if (entries > defaults.MaxEntries)
            throw new RunSpecException(null, $"the layers have {(long)entries} entries; this command handles at most {defaults.MaxEntries} (use a smaller --shape, --hidden, --depth or --dims)");

        var randomSource = new SeededRandom(seed);
        DmfProblem problem;
        try
        {
            problem = problemKind == "2x2" ? DmfProblem.TwoByTwo(depth, scale, spec.Hidden)
                : problemKind == "generalized" ? DmfProblem.Generalized(rows, cols, depth, scale, spec.Hidden)
                : spec.Sensing is { } m ? DmfProblem.RandomSensing(rows, cols, rank, m, depth, scale, randomSource, spec.Hidden)
                : DmfProblem.RandomCompletion(rows, cols, rank, observed, depth, scale, randomSource, spec.Hidden);
        }
        catch (ArgumentException e) when (e is not RunSpecException)
        {
            throw new RunSpecException(null, e.Message);
        }
        if (dims is not null) problem = problem with { Dimensions = dims };

        int width = problem.Dimensions.Length > 2 ? problem.Dimensions[1] : Math.Min(problem.Dimensions[0], problem.Dimensions[^1]);
        double scaleValue = initKind switch
        {
            InitKind.Gaussian or InitKind.Balanced => spec.InitStd ?? (spec.InitScale is { } s
                ? InitSpec.StdForEndToEndScale(s, problem.Depth, width)
                : defaults.Std ?? InitSpec.StdForEndToEndScale(1e-3, problem.Depth, width)),
            _ => spec.InitScale ?? spec.InitStd ?? 1,
        };
        bool positiveDet = spec.PositiveDet ?? defaults.PositiveDet;
        if (positiveDet && problem.Dimensions[0] != problem.Dimensions[^1])
        {
            if (spec.PositiveDet is true)
                throw new RunSpecException("positive-det", $"needs a square end-to-end matrix, not {problem.Dimensions[^1]}x{problem.Dimensions[0]}");
            positiveDet = false; // a default that has no meaning for a non-square W
        }
        var init = new InitSpec(initKind, scaleValue, positiveDet);
        MatrixBuffer[] layers;
        int draws;
        try
        {
            layers = LayerInitializer.Create(problem.Dimensions, init, randomSource, out draws);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new RunSpecException(null, e.Message);
        }
        return new DmfSetup { Problem = problem, InitialLayers = layers, Init = init, Draws = draws, Seed = seed };
    }

    /// <summary>The loss scale of <paramref name="spec"/>, <paramref name="defaultName"/> when absent.</summary>
    public static LossScale LossOf(RunSpec spec, string defaultName)
    {
        var text = spec.Loss ?? defaultName;
        if (!LossScales.TryParse(text, out var scale))
            throw new RunSpecException("loss", $"must be one of {string.Join("|", LossScales.Names)}, got '{text}'");
        return scale;
    }

    /// <summary>One line describing the initialization.</summary>
    public string DescribeInit() =>
        $"{Init.Kind.ToString().ToLowerInvariant()} {(Init.Kind is InitKind.Gaussian or InitKind.Balanced ? "std" : "alpha")} {RunText.Short(Init.Scale)}" +
        (Init.PositiveDeterminant ? $", det W(0) > 0 after {Plural.Count(Draws, "draw")}" : "");

    /// <summary>One line describing the problem and its loss constant.</summary>
    public string DescribeProblem() =>
        $"{Problem.Name}; loss {LossScales.Name(Problem.Loss.Scale)} (c = {RunText.Short(Problem.Loss.Constant)}); layers {string.Join(",", Problem.Dimensions)} (depth {Problem.Depth})";
}
