using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Optimizers;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>The optimizer, stopping rules and outputs shared by every <c>simulate</c> model.</summary>
public sealed class RunSettings
{
    public const string Help =
        """
          --optimizer gd|group-rmsprop  plain GD, or the authors' group RMSprop: one step lr / (sqrt(v_k / (1 - 0.99^k)) + eps)
                                 for all parameters, v_k = 0.99 v_(k-1) + 0.01 sum |g|^2 ('normalized' is the older name)
          --eps E                epsilon of group RMSprop (default 1e-4 for dmf and sym, 1e-6 for cp: the papers' values)
          --lr ETA               learning rate
          --steps K              most iterations (default 10000)
          --stop-loss L          stop when the loss is at or below L
          --record-every K       metrics every K iterations (default: about 200 records per run)
          --top K                singular values / component norms / alignments reported (default 5)
          --out FILE             write the recorded metrics as CSV (first line: '# seed=...')
          --format text|json     what is printed at the end (default text)
        """;

    public required Optimizer Optimizer { get; init; }
    public required long Steps { get; init; }
    public required double StopLoss { get; init; }
    public required long RecordEvery { get; init; }
    public required int Top { get; init; }
    public required string? OutPath { get; init; }
    public required bool Json { get; init; }

    public static RunSettings Read(CliArgs a, string defaultOptimizer, double defaultLearningRate, double defaultStopLoss,
        double defaultEpsilon = GroupRmsprop.MatrixCompletionEpsilon)
    {
        var name = a.Choice("optimizer", defaultOptimizer, "gd", GroupRmsprop.OptionName, GroupRmsprop.LegacyName);
        var lr = a.Double("lr", defaultLearningRate);
        if (!(lr > 0)) throw new CliUsageException($"--lr must be positive, got {lr}");
        var eps = a.Double("eps", defaultEpsilon);
        if (!(eps >= 0) || !double.IsFinite(eps)) throw new CliUsageException($"--eps must be non-negative and finite, got {eps}");
        long steps = a.Long("steps", 10_000);
        if (steps < 0) throw new CliUsageException("--steps must be non-negative");
        var stopLoss = a.Double("stop-loss", defaultStopLoss);
        long every = a.Long("record-every", Math.Max(1, steps / 200));
        if (every < 1) throw new CliUsageException("--record-every must be at least 1");
        int top = a.Int("top", 5);
        if (top < 1) throw new CliUsageException("--top must be at least 1");
        return new RunSettings
        {
            Optimizer = Optimizer.Create(name, lr, eps),
            Steps = steps,
            StopLoss = stopLoss,
            RecordEvery = every,
            Top = top,
            OutPath = a.Option("out"),
            Json = a.Choice("format", "text", "text", "json") == "json",
        };
    }

    public string DescribeOptimizer() => Optimizer is GroupRmsprop g
        ? $"{g.Name} lr {Numbers.Short(g.LearningRate)} eps {Numbers.Short(g.Epsilon)} (bias-corrected, alpha {Numbers.Short(g.Decay)})"
        : $"{Optimizer.Name} lr {Numbers.Short(Optimizer.LearningRate)}";
}
