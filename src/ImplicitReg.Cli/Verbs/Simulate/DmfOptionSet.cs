using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Models.Losses;

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
    private readonly Option<int> _depth = CliOptions.Int("--depth", "layers N, 1 to 50", 3, min: 1, max: 50);
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
    private readonly Option<int> _seed = CliOptions.Seed("seed of every random choice", 0);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _problem, _depth, _dims, _shape, _hidden, _rank, _observed, _sensing, _loss, _init, _initScale, _initStd, _positiveDet, _seed })
            command.Options.Add(o);
    }

    /// <summary>The model options as a <see cref="RunSpec"/> of <paramref name="model"/> (an option left at its default is null where the default depends on others).</summary>
    public RunSpec ToSpec(ParseResult r, string model = "dmf") => new()
    {
        Model = model,
        Problem = r.GetValue(_problem),
        Depth = r.WasGiven(_depth) ? r.GetValue(_depth) : null,
        Dims = r.GetValue(_dims),
        Shape = r.GetValue(_shape),
        Hidden = r.GetValue(_hidden),
        Rank = r.GetValue(_rank),
        Observed = r.GetValue(_observed),
        Sensing = r.GetValue(_sensing),
        Loss = r.GetValue(_loss),
        Init = r.GetValue(_init),
        InitScale = r.GetValue(_initScale),
        InitStd = r.GetValue(_initStd),
        PositiveDet = r.WasGiven(_positiveDet) ? r.GetValue(_positiveDet) : null,
        Seed = r.GetValue(_seed),
    };

    /// <summary>This command's defaults for <paramref name="spec"/>'s problem.</summary>
    public DmfDefaults Defaults(RunSpec spec, int maxEntries = int.MaxValue) => new(defaultProblem,
        spec.Problem is "2x2" or "generalized" && constructionStd is not null ? constructionStd : defaultStdAll, defaultPositiveDet, maxEntries);

    /// <summary>
    /// Reads the options, checks the memory the sizes imply against <paramref name="budget"/> (before anything is
    /// allocated), builds the problem and draws the initial layers.
    /// </summary>
    public DmfSetup Read(ParseResult r, Budget budget, int maxEntries = int.MaxValue)
    {
        var spec = ToSpec(r);
        return SimulateRun.Usage(() => DmfSetup.Build(spec, Defaults(spec, maxEntries), SimulateRun.Limits(budget)));
    }
}
