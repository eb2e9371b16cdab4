using System.CommandLine;
using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The model options of a deep matrix factorization run, shared by <c>simulate dmf</c> and the <c>compare</c>
/// sub-verbs: the problem, depth and shapes (or <c>--dims</c>), loss constant, initialization and seed. One
/// instance per command (System.CommandLine options belong to one command).
/// </summary>
/// <param name="defaultProblem">--problem when absent.</param>
/// <param name="defaultStdAll">--init-std when neither it nor --init-scale is given (null: E1's end-to-end scale 1e-3).</param>
/// <param name="defaultPositiveDet">--positive-det when absent.</param>
/// <param name="defaultInit">--init when absent.</param>
/// <param name="constructionStd">replaces <paramref name="defaultStdAll"/> for the 2x2 and generalized constructions.</param>
public sealed class DmfOptionSet(string defaultProblem, double? defaultStdAll, bool defaultPositiveDet, string defaultInit = "gaussian", double? constructionStd = null)
{
    private readonly Option<string> _problem = CliOptions.Choice("--problem",
        "E1's random low-rank target, M6's 2x2 construction, or its d x d' form", defaultProblem, "random", "2x2", "generalized");
    private readonly Option<int> _depth = CliOptions.Int("--depth", "layers N", 3, min: 1, max: 50);
    private readonly Option<string?> _dims = CliOptions.Text("--dims",
        "layer sizes d0,...,dN: layer j is d_j x d_(j-1), W = WN...W1 is dN x d0 (instead of --shape/--depth/--hidden)", "d0,...,dN");
    private readonly Option<string?> _shape = CliOptions.Text("--shape", "end-to-end size RxC (random: 100x100; generalized: 3x3)", "RxC");
    private readonly Option<int?> _hidden = CliOptions.OptionalInt("--hidden", "width of the hidden layers (default min(R, C))", min: 1);
    private readonly Option<int> _rank = CliOptions.Int("--rank", "rank of the random target", 5, min: 1);
    private readonly Option<int> _observed = CliOptions.Int("--observed", "observed entries of the random target", 2000, min: 1);
    private readonly Option<int?> _sensing = CliOptions.OptionalInt("--sensing", "use M Gaussian measurements (matrix sensing) instead of observed entries", min: 1);
    private readonly Option<string?> _loss = CliOptions.OptionalChoice("--loss", "the constant c of the loss (default mse for random, half-sse otherwise)",
        [.. LossScales.Names]);
    private readonly Option<string> _init = CliOptions.Choice("--init", "initialization of the layers", defaultInit, "gaussian", "balanced", "identity", "orthogonal");
    private readonly Option<double?> _initScale = CliOptions.OptionalDouble("--init-scale",
        "E1's end-to-end scale: layers N(0, (S^(1/N)/sqrt(H))^2); alpha for identity/orthogonal", v => v >= 0, "non-negative");
    private readonly Option<double?> _initStd = CliOptions.OptionalDouble("--init-std",
        $"per-layer standard deviation (overrides --init-scale for gaussian/balanced){(defaultStdAll is { } s ? $" [default: {Numbers.Short(s)}]" : constructionStd is { } c ? $" [default: {Numbers.Short(c)} for 2x2 and generalized]" : "")}", v => v >= 0, "non-negative");
    private readonly Option<bool> _positiveDet = CliOptions.Switch("--positive-det",
        "resample the initialization until det W(0) > 0 (square W only; '--positive-det false' turns it off)", defaultPositiveDet);
    private readonly Option<int> _seed = CliOptions.Int("--seed", "seed of every random choice", 0);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _problem, _depth, _dims, _shape, _hidden, _rank, _observed, _sensing, _loss, _init, _initScale, _initStd, _positiveDet, _seed })
            command.Options.Add(o);
    }

    /// <summary>
    /// Reads the options, checks the memory the sizes imply against <paramref name="budget"/> (before anything is
    /// allocated), builds the problem and draws the initial layers.
    /// </summary>
    public DmfOptions Read(ParseResult r, Budget budget, int maxEntries = int.MaxValue)
    {
        var problemKind = r.GetValue(_problem)!;
        var defaultStd = problemKind is "2x2" or "generalized" && constructionStd is not null ? constructionStd : defaultStdAll;
        int seed = r.GetValue(_seed);
        int depth = r.GetValue(_depth);
        var shapeText = r.GetValue(_shape);
        int? hidden = r.GetValue(_hidden);
        int[]? dims = r.GetValue(_dims) is { } dimsText ? Dims(dimsText) : null;
        if (dims is not null && (shapeText is not null || hidden is not null || r.WasGiven(_depth)))
            throw new CliUsageException("--dims gives every layer size; drop --shape, --hidden and --depth");
        if (dims is not null) depth = dims.Length - 1;
        var (rows, cols) = dims is not null ? (dims[^1], dims[0]) : shapeText is null ? problemKind is "generalized" ? (3, 3) : problemKind == "2x2" ? (2, 2) : (100, 100) : Shape(shapeText);
        int rank = r.GetValue(_rank);
        int observed = r.GetValue(_observed);
        int? sensing = r.GetValue(_sensing);
        var scale = ModelOptions.Loss(r.GetValue(_loss), problemKind == "random" ? "mse" : "half-sse");
        var initKind = r.GetValue(_init) switch
        {
            "balanced" => InitKind.Balanced,
            "identity" => InitKind.Identity,
            "orthogonal" => InitKind.Orthogonal,
            _ => InitKind.Gaussian,
        };
        if (problemKind == "2x2" && (shapeText is not null || sensing is not null || (dims is not null && (rows, cols) != (2, 2))))
            throw new CliUsageException("--problem 2x2 is the fixed 2x2 completion of M6; drop --shape/--sensing (--dims must start and end with 2)");

        var layerDims = dims ?? DmfProblem.LayerDimensions(rows, cols, depth, hidden);
        bool random = problemKind == "random";
        budget.Require(dims is not null ? "--dims" : "--shape/--hidden", DmfCost.EstimateBytes(layerDims, random && sensing is null ? observed : rows * (long)cols,
            random ? sensing ?? 0 : 0, random ? rank : 0), "the layers, the target and the observations");
        long entries = (long)DmfCost.LayerEntries(layerDims);
        if (entries > maxEntries)
            throw new CliUsageException($"the layers have {entries} entries; this command handles at most {maxEntries} (use a smaller --shape, --hidden, --depth or --dims)");

        var randomSource = new SeededRandom(seed);
        DmfProblem problem = ModelOptions.Problem(() =>
            problemKind == "2x2" ? DmfProblem.TwoByTwo(depth, scale, hidden)
            : problemKind == "generalized" ? DmfProblem.Generalized(rows, cols, depth, scale, hidden)
            : sensing is { } m ? DmfProblem.RandomSensing(rows, cols, rank, m, depth, scale, randomSource, hidden)
            : DmfProblem.RandomCompletion(rows, cols, rank, observed, depth, scale, randomSource, hidden));
        if (dims is not null) problem = problem with { Dimensions = dims };

        int width = problem.Dimensions.Length > 2 ? problem.Dimensions[1] : Math.Min(problem.Dimensions[0], problem.Dimensions[^1]);
        double? initScale = r.GetValue(_initScale), initStd = r.GetValue(_initStd);
        double scaleValue = initKind switch
        {
            InitKind.Gaussian or InitKind.Balanced => initStd ?? (initScale is { } s
                ? InitSpec.StdForEndToEndScale(s, problem.Depth, width)
                : defaultStd ?? InitSpec.StdForEndToEndScale(1e-3, problem.Depth, width)),
            _ => initScale ?? initStd ?? 1,
        };
        bool positiveDet = r.GetValue(_positiveDet);
        if (positiveDet && problem.Dimensions[0] != problem.Dimensions[^1])
        {
            if (r.WasGiven(_positiveDet))
                throw new CliUsageException($"--positive-det needs a square end-to-end matrix, not {problem.Dimensions[^1]}x{problem.Dimensions[0]}");
            positiveDet = false; // the default of compare, which has no meaning for a non-square W
        }
        var spec = new InitSpec(initKind, scaleValue, positiveDet);
        MatrixBuffer[] layers;
        int draws;
        try
        {
            layers = LayerInitializer.Create(problem.Dimensions, spec, randomSource, out draws);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new CliUsageException(e.Message);
        }
        return new DmfOptions { Problem = problem, InitialLayers = layers, Init = spec, Draws = draws, Seed = seed };
    }

    /// <summary>"RxC" → (R, C).</summary>
    public static (int Rows, int Cols) Shape(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && r > 0 && c > 0)
            return (r, c);
        throw new CliUsageException($"--shape expects ROWSxCOLUMNS such as 100x100, got '{text}'");
    }

    /// <summary>"4,3,5" → [4, 3, 5]: at least two positive sizes.</summary>
    public static int[] Dims(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1)
                throw new CliUsageException($"--dims expects positive integers separated by commas (e.g. 2,3,3,2); item {i + 1} is '{parts[i]}'");
        if (dims.Length < 2) throw new CliUsageException("--dims needs at least two sizes, d0 and d1 (one layer)");
        if (dims.Length > 51) throw new CliUsageException($"--dims gives {dims.Length - 1} layers; at most 50");
        return dims;
    }
}

/// <summary>The model of a deep matrix factorization run, read from <see cref="DmfOptionSet"/>.</summary>
public sealed class DmfOptions
{
    /// <summary>The problem (loss, sizes, ground truth).</summary>
    public required DmfProblem Problem { get; init; }

    /// <summary>The initial layers W1..WN.</summary>
    public required MatrixBuffer[] InitialLayers { get; init; }

    /// <summary>How they were drawn.</summary>
    public required InitSpec Init { get; init; }

    /// <summary>Draws needed for det W(0) &gt; 0 (1 without that condition).</summary>
    public required int Draws { get; init; }

    /// <summary>The seed of every random choice.</summary>
    public required int Seed { get; init; }

    /// <summary>One line describing the initialization.</summary>
    public string DescribeInit() =>
        $"{Init.Kind.ToString().ToLowerInvariant()} {(Init.Kind is InitKind.Gaussian or InitKind.Balanced ? "std" : "alpha")} {Numbers.Short(Init.Scale)}" +
        (Init.PositiveDeterminant ? $", det W(0) > 0 after {Draws} draw{(Draws == 1 ? "" : "s")}" : "");

    /// <summary>One line describing the problem and its loss constant.</summary>
    public string DescribeProblem() =>
        $"{Problem.Name}; loss {LossScales.Name(Problem.Loss.Scale)} (c = {Numbers.Short(Problem.Loss.Constant)}); layers {string.Join(",", Problem.Dimensions)} (depth {Problem.Depth})";
}
