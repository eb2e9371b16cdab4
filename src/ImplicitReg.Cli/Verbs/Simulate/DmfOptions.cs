using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The model options of a deep matrix factorization run, shared by <c>simulate dmf</c> and
/// <c>compare flow-vs-gd</c>: the problem, depth and shapes, loss constant, initialization and seed.
/// </summary>
public static class DmfOptions
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

    /// <summary>
    /// Reads the options into a <see cref="RunSpec"/> and builds the setup in ImplicitReg.Experiments;
    /// <paramref name="defaults"/> gives the verb's defaults (problem, std, positive det).
    /// </summary>
    public static DmfSetup Read(CliArgs a, string defaultProblem, double? defaultStd, bool defaultPositiveDet, int maxEntries = int.MaxValue)
    {
        var spec = ReadSpec(a, defaultProblem);
        return RunOptionErrors.Guard(() => DmfSetup.Build(spec, new DmfDefaults(defaultProblem, defaultStd, defaultPositiveDet, maxEntries)));
    }

    /// <summary>The dmf options of the command line as a <see cref="RunSpec"/> (choices validated here).</summary>
    public static RunSpec ReadSpec(CliArgs a, string defaultProblem, RunSpec? baseSpec = null)
    {
        var problemKind = a.Choice("problem", defaultProblem, "random", "2x2", "generalized");
        var spec = (baseSpec ?? new RunSpec { Model = "dmf" }) with
        {
            Problem = problemKind,
            Seed = a.Int("seed", 0),
            Depth = a.Int("depth", 3),
            Shape = a.Option("shape"),
            Hidden = a.Option("hidden") is null ? null : a.Int("hidden", 0),
            Rank = a.Int("rank", 5),
            Observed = a.Int("observed", 2000),
            Sensing = a.Option("sensing") is null ? null : a.Int("sensing", 0),
            Loss = a.Option("loss"),
            Init = a.Choice("init", "gaussian", "gaussian", "balanced", "identity", "orthogonal"),
            InitScale = a.Option("init-scale") is null ? null : a.Double("init-scale", 0),
            InitStd = a.Option("init-std") is null ? null : a.Double("init-std", 0),
            PositiveDet = a.Flag("positive-det"),
        };
        if (spec.Depth is < 1 or > 50) throw new CliUsageException($"--depth must be between 1 and 50, got {spec.Depth}");
        if (spec.Shape is not null) Shape(spec.Shape);
        return spec;
    }

    /// <summary>"RxC" → (R, C).</summary>
    public static (int Rows, int Cols) Shape(string text) => RunOptionErrors.Guard(() => RunSpec.ParseShape(text));
}
