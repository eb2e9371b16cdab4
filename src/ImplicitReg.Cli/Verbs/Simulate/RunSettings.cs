using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Dmf;
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
        Description = "metrics every K iterations (default: about 200 records per run)",
        HelpName = "K",
        CustomParser = r => long.TryParse(r.Tokens[^1].Value, out var v) && v >= 1 ? v : Fail(r),
    };
    private readonly Option<int> _top = CliOptions.Int("--top", "singular values / component norms / alignments reported", 5, min: 1, max: 1000);
    private readonly Option<string?> _out = CliOptions.Text("--out", "write the recorded metrics as CSV (first line: '# seed=...')", "FILE");
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

    /// <summary>
    /// Reads the settings and refuses (exit 2) a run whose predictable work, <paramref name="workPerStep"/> times
    /// <c>--steps</c>, is over <see cref="DmfCost.WorkLimit"/>.
    /// </summary>
    public RunSettings Read(ParseResult r, double workPerStep)
    {
        var lr = r.GetValue(_lr);
        long steps = r.GetValue(_steps);
        Budget.RequireWork("--steps", steps * workPerStep, DmfCost.WorkLimit, "multiply-adds");
        // Records are kept for the CSV only, but one per step of a long run would still flood the disk.
        long every = r.GetValue(_recordEvery) ?? Math.Max(1, steps / 200);
        return new RunSettings
        {
            Optimizer = Optimizer.Create(r.GetValue(_optimizer)!, lr, r.GetValue(_eps)),
            Steps = steps,
            StopLoss = r.GetValue(_stopLoss),
            RecordEvery = every,
            Top = r.GetValue(_top),
            OutPath = r.GetValue(_out),
            Json = r.GetValue(_format) == "json",
        };
    }
}

/// <summary>The optimizer, stopping rules and outputs of one run.</summary>
public sealed class RunSettings
{
    /// <summary>The optimizer with its learning rate.</summary>
    public required Optimizer Optimizer { get; init; }

    /// <summary>Most iterations.</summary>
    public required long Steps { get; init; }

    /// <summary>Stop at or below this loss.</summary>
    public required double StopLoss { get; init; }

    /// <summary>Record metrics every this many steps.</summary>
    public required long RecordEvery { get; init; }

    /// <summary>How many singular values / norms are reported.</summary>
    public required int Top { get; init; }

    /// <summary>The CSV path, or null.</summary>
    public required string? OutPath { get; init; }

    /// <summary>JSON instead of text at the end.</summary>
    public required bool Json { get; init; }

    /// <summary>"gd lr 0.003".</summary>
    public string DescribeOptimizer() => Optimizer is GroupRmsprop g
        ? $"{g.Name} lr {Numbers.Short(g.LearningRate)} eps {Numbers.Short(g.Epsilon)} (bias-corrected, alpha {Numbers.Short(g.Decay)})"
        : $"{Optimizer.Name} lr {Numbers.Short(Optimizer.LearningRate)}";
}
