using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The model options of a deep matrix factorization run, shared by <c>simulate dmf</c> and
/// <c>compare flow-vs-gd</c>: the problem, depth and shapes, loss constant, initialization and seed.
/// </summary>
public sealed class DmfOptions
{
    public const string Help =
        """
          --problem random|2x2|generalized   E1's random low-rank target, M6's 2x2 construction, or its d x d' form
          --depth N              layers (default 3)
          --shape RxC            end-to-end size (random: 100x100; generalized: 3x3)
          --hidden H             width of the hidden layers (default min(R, C))
          --rank R               rank of the random target (default 5)
          --observed M           observed entries of the random target (default 2000)
          --sensing M            use M Gaussian measurements (matrix sensing) instead of observed entries
          --loss half-sse|mse|sse  the constant c of the loss (default mse for random, half-sse otherwise)
          --init gaussian|balanced|identity|orthogonal   (default gaussian)
          --init-scale S         E1's end-to-end scale: layers N(0, (S^(1/N)/sqrt(H))^2); alpha for identity/orthogonal
          --init-std SD          per-layer standard deviation (overrides --init-scale for gaussian/balanced)
          --positive-det         resample the initialization until det W(0) > 0
          --seed K               seed of every random choice (default 0)
        """;

    public required DmfProblem Problem { get; init; }
    public required MatrixBuffer[] InitialLayers { get; init; }
    public required InitSpec Init { get; init; }
    public required int Draws { get; init; }
    public required int Seed { get; init; }

    /// <summary>Reads the options; <paramref name="defaults"/> gives the verb's defaults (problem, std, positive det).</summary>
    public static DmfOptions Read(CliArgs a, string defaultProblem, double? defaultStd, bool defaultPositiveDet, int maxEntries = int.MaxValue)
    {
        var problemKind = a.Choice("problem", defaultProblem, "random", "2x2", "generalized");
        int seed = a.Int("seed", 0);
        int depth = a.Int("depth", 3);
        if (depth < 1 || depth > 50) throw new CliUsageException($"--depth must be between 1 and 50, got {depth}");
        var shapeText = a.Option("shape");
        var (rows, cols) = shapeText is null ? problemKind == "generalized" ? (3, 3) : (100, 100) : Shape(shapeText);
        int? hidden = a.Option("hidden") is null ? null : a.Int("hidden", 0);
        if (hidden is < 1) throw new CliUsageException("--hidden must be positive");
        int rank = a.Int("rank", 5);
        int observed = a.Int("observed", 2000);
        int? sensing = a.Option("sensing") is null ? null : a.Int("sensing", 0);
        var scale = ModelOptions.Loss(a, problemKind == "random" ? "mse" : "half-sse");
        var initKind = a.Choice("init", "gaussian", "gaussian", "balanced", "identity", "orthogonal") switch
        {
            "balanced" => InitKind.Balanced,
            "identity" => InitKind.Identity,
            "orthogonal" => InitKind.Orthogonal,
            _ => InitKind.Gaussian,
        };
        double? initScale = a.Option("init-scale") is null ? null : a.Double("init-scale", 0);
        double? initStd = a.Option("init-std") is null ? null : a.Double("init-std", 0);
        bool positiveDet = a.Flag("positive-det") || defaultPositiveDet;

        var random = new SeededRandom(seed);
        DmfProblem problem;
        try
        {
            if (problemKind == "2x2")
            {
                if (shapeText is not null || sensing is not null) throw new CliUsageException("--problem 2x2 is the fixed 2x2 completion of M6; drop --shape/--sensing");
                problem = DmfProblem.TwoByTwo(depth, scale, hidden);
            }
            else if (problemKind == "generalized")
                problem = DmfProblem.Generalized(rows, cols, depth, scale, hidden);
            else if (sensing is { } m)
                problem = DmfProblem.RandomSensing(rows, cols, rank, m, depth, scale, random, hidden);
            else
                problem = DmfProblem.RandomCompletion(rows, cols, rank, observed, depth, scale, random, hidden);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        long entries = Enumerable.Range(1, problem.Depth).Sum(j => (long)problem.Dimensions[j] * problem.Dimensions[j - 1]);
        if (entries > maxEntries)
            throw new CliUsageException($"the layers have {entries} entries; this command handles at most {maxEntries} (use a smaller --shape, --hidden or --depth)");

        int width = problem.Dimensions.Length > 2 ? problem.Dimensions[1] : Math.Min(problem.Dimensions[0], problem.Dimensions[^1]);
        double scaleValue = initKind switch
        {
            InitKind.Gaussian or InitKind.Balanced => initStd ?? (initScale is { } s
                ? InitSpec.StdForEndToEndScale(s, problem.Depth, width)
                : defaultStd ?? InitSpec.StdForEndToEndScale(1e-3, problem.Depth, width)),
            _ => initScale ?? initStd ?? 1,
        };
        var spec = new InitSpec(initKind, scaleValue, positiveDet);
        MatrixBuffer[] layers;
        int draws;
        try
        {
            layers = LayerInitializer.Create(problem.Dimensions, spec, random, out draws);
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

    /// <summary>One line describing the initialization.</summary>
    public string DescribeInit() =>
        $"{Init.Kind.ToString().ToLowerInvariant()} {(Init.Kind is InitKind.Gaussian or InitKind.Balanced ? "std" : "alpha")} {Numbers.Short(Init.Scale)}" +
        (Init.PositiveDeterminant ? $", det W(0) > 0 after {Draws} draw{(Draws == 1 ? "" : "s")}" : "");

    /// <summary>One line describing the problem and its loss constant.</summary>
    public string DescribeProblem() =>
        $"{Problem.Name}; loss {LossScales.Name(Problem.Loss.Scale)} (c = {Numbers.Short(Problem.Loss.Constant)}); layers {string.Join(",", Problem.Dimensions)} (depth {Problem.Depth})";
}
