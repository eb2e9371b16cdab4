using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Optimizers;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>The optimizer, stopping rules and outputs every <c>simulate</c> model shares, as options of one command.</summary>
public sealed class RunOptionSet(string defaultOptimizer, double defaultLearningRate, double defaultStopLoss,
    double defaultEpsilon = GroupRmsprop.MatrixCompletionEpsilon)
{
    private readonly Option<string> _optimizer = CliOptions.Choice("--optimizer",
        "plain GD, or the authors' group RMSprop: every parameter moves by lr / (sqrt(v_k / (1 - 0.99^k)) + eps) times its gradient, " +
        "v_k = 0.99 v_(k-1) + 0.01 sum |g|^2 ('normalized' is its older name)", defaultOptimizer, "gd", GroupRmsprop.OptionName, GroupRmsprop.LegacyName);
    private readonly Option<double> _eps = CliOptions.Double("--eps", "epsilon of group RMSprop (the papers' values: 1e-4 for matrices, 1e-6 for tensors)",
        defaultEpsilon, v => v >= 0, "non-negative");
    private readonly Option<double> _lr = CliOptions.Double("--lr", "learning rate", defaultLearningRate, v => v > 0, "positive");
    private readonly Option<long> _steps = CliOptions.Long("--steps", "most iterations", 10_000, min: 0);
    private readonly Option<double> _stopLoss = CliOptions.Double("--stop-loss", "stop when the loss is at or below this", defaultStopLoss, v => v >= 0, "non-negative");
    private readonly Option<long?> _recordEvery = new("--record-every")
    {
        Description = "metrics every K iterations (default: --steps/200, about 200 records when the run takes all its steps; a run --stop-loss ends early has fewer)",
        HelpName = "K",
        CustomParser = r => long.TryParse(r.Tokens[^1].Value, out var v) && v >= 1 ? v : Fail(r),
    };
    private readonly Option<int> _top = CliOptions.Int("--top", "singular values / component norms / alignments reported, 1 to 1000", 5, min: 1, max: 1000);
    private readonly Option<string?> _out = CliOptions.Text("--out", "write the recorded metrics as CSV (first line: '# implicitreg simulate <model> seed=...', the seed and the whole setup)", "FILE");
    private readonly Option<string> _format = CliOptions.Choice("--format", "what is printed at the end", "text", "text", "json");

    private static long? Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError($"option --record-every expects an integer of at least 1, got '{SafeText.Escape(r.Tokens[^1].Value)}'");
        return null;
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _optimizer, _eps, _lr, _steps, _stopLoss, _recordEvery, _top, _out, _format }) command.Options.Add(o);
    }

    /// <summary>Fills the optimizer and stopping rules of <paramref name="spec"/> from the options.</summary>
    public RunSpec Apply(ParseResult r, RunSpec spec) => spec with
    {
        Optimizer = r.GetValue(_optimizer),
        Epsilon = r.GetValue(_eps),
        LearningRate = r.GetValue(_lr),
        Steps = r.GetValue(_steps),
        StopLoss = r.GetValue(_stopLoss),
        RecordEvery = r.GetValue(_recordEvery),
        Top = r.GetValue(_top),
    };

    /// <summary>The <c>--out</c> CSV path, or null.</summary>
    public string? OutPath(ParseResult r) => r.GetValue(_out);

    /// <summary>Whether <c>--format json</c> was asked for.</summary>
    public bool Json(ParseResult r) => r.GetValue(_format) == "json";
}
