using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>The run options shared by every <c>simulate</c> model, read into the <see cref="RunSpec"/>, and the outputs.</summary>
public sealed class RunSettings
{
    public const string Help =
        """
          --optimizer gd|normalized  plain GD, or E1's normalized GD (lr / (sqrt(EMA of |g|^2) + 1e-4))
          --lr ETA               learning rate
          --steps K              most iterations (default 10000)
          --stop-loss L          stop when the loss is at or below L
          --record-every K       metrics every K iterations (default: about 200 records per run)
          --top K                singular values / component norms / alignments reported (default 5)
          --out FILE             write the recorded metrics as CSV (first line: '# seed=...')
          --format text|json     what is printed at the end (default text)
        """;

    public required string? OutPath { get; init; }
    public required bool Json { get; init; }

    /// <summary>Reads the run options into <paramref name="spec"/> and the output options into the settings.</summary>
    public static (RunSpec Spec, RunSettings Settings) Read(CliArgs a, RunSpec spec, string defaultOptimizer)
    {
        spec = spec with
        {
            Optimizer = a.Choice("optimizer", defaultOptimizer, "gd", "normalized"),
            LearningRate = a.Option("lr") is null ? null : a.Double("lr", 0),
            Steps = a.Option("steps") is null ? null : a.Long("steps", 0),
            StopLoss = a.Option("stop-loss") is null ? null : a.Double("stop-loss", 0),
            RecordEvery = a.Option("record-every") is null ? null : a.Long("record-every", 0),
            Top = a.Option("top") is null ? null : a.Int("top", 0),
        };
        return (spec, new RunSettings
        {
            OutPath = a.Option("out"),
            Json = a.Choice("format", "text", "text", "json") == "json",
        });
    }
}
