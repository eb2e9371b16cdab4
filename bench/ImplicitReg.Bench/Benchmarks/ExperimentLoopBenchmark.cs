using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Optimizers;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// Shared driver of the e1-loop, e2-loop and e3-loop benchmarks: the descent loop of one experiment, our simulator
/// and optimiser (the objects `reproduce` runs) against an idiomatic NumPy loop on OpenBLAS (bench/peers/eN_numpy.py)
/// taking the same steps from the same start. Rounds alternate between the sides so background load hits both alike;
/// reported are the median steps per second of each side and the median of the per-round ratios. At the end both
/// have taken the same steps and their losses must agree (relative 1e-6), which shows the loops are the same loop.
/// Options: --steps K per round (default per experiment), --rounds R (default 7), --warmup-ms T (default 1000).
/// </summary>
public abstract class ExperimentLoopBenchmark : IBenchmark
{
    /// <summary>Relative loss agreement after the run: both sides do the same floating-point work in different orders.</summary>
    private const double LossAgreement = 1e-6;

    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Steps per round when --steps is not given (a round should take ~0.2–1 s on either side).</summary>
    protected abstract int DefaultSteps { get; }

    /// <summary>The peer script in bench/peers.</summary>
    protected abstract string PeerScript { get; }

    /// <summary>Builds our model and optimiser and the peer's problem JSON (same start, same data).</summary>
    protected abstract (GradientModel Model, Optimizer Optimizer, string ProblemJson, string Setup) Build();

    public int Run(string[] args, TextWriter output)
    {
        int steps = NumericsPeer.Option(args, "--steps", DefaultSteps);
        int rounds = NumericsPeer.Option(args, "--rounds", 7);
        int warmupMs = NumericsPeer.Option(args, "--warmup-ms", 1000);
        var (model, optimizer, json, setup) = Build();
        output.WriteLine($"{Name}: {setup}; optimizer {optimizer.Describe()}; {rounds} alternating rounds of {steps} steps per side");
        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-{Name}-{Environment.ProcessId}.json");
        File.WriteAllText(path, json);
        try
        {
            using var peer = new NumericsPeer.Server(NumericsPeer.FindPeer(PeerScript), $"\"{path}\"");
            using (model)
            {
                var (ours, theirs, warm) = NumericsPeer.AlternatingRounds(peer, () => Step(model, optimizer), steps, rounds, warmupMs, minWarm: 10);
                var oursLoss = model.ComputeLossAndGradient();
                var peerLoss = peer.Ask("loss").GetProperty("loss").GetDouble();
                var info = peer.Ask("info");
                double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(theirs);
                var ratio = NumericsPeer.Median(ours.Select((o, i) => o / theirs[i]).ToList());
                output.WriteLine($"  ours : median {Rate(oursMedian)} steps/s (rounds: {string.Join(" ", ours.Select(Rate))})");
                output.WriteLine($"  numpy: median {Rate(peerMedian)} steps/s (rounds: {string.Join(" ", theirs.Select(Rate))}); " +
                                 $"NumPy {info.GetProperty("numpy").GetString()}, {info.GetProperty("blas").GetString()}");
                output.WriteLine($"  ratio: ours is {NumericsPeer.F(ratio, "F2")}x NumPy's steps per second (median of per-round ratios)");
                var gap = Math.Abs(oursLoss - peerLoss) / Math.Max(Math.Abs(peerLoss), double.Epsilon);
                bool agree = gap <= LossAgreement;
                output.WriteLine($"  same steps: after {warm + (long)rounds * steps} steps the losses are {NumericsPeer.F(oursLoss, "E6")} and {NumericsPeer.F(peerLoss, "E6")}, " +
                                 $"{NumericsPeer.F(gap, "E1")} apart relative ({(agree ? "ok" : "MISMATCH")})");
                return agree ? 0 : 1;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Three significant digits at least (a slow peer's 1.4 steps/s must not print as 1).</summary>
    private static string Rate(double stepsPerSecond) => NumericsPeer.F(stepsPerSecond, stepsPerSecond >= 1000 ? "F0" : "G3");

    /// <summary>One iteration exactly as the runner takes it: loss and gradient, step size, update.</summary>
    private static void Step(GradientModel model, Optimizer optimizer)
    {
        model.ComputeLossAndGradient();
        var step = optimizer.StepSize(optimizer.NeedsGradientNorm ? model.GradientNormSquared() : 0);
        model.ApplyGradient(step);
    }

    /// <summary>The optimiser part of a peer's problem JSON.</summary>
    protected static void WriteOptimizer(Utf8JsonWriter w, Optimizer optimizer)
    {
        w.WriteStartObject("optimizer");
        w.WriteString("name", optimizer.Name);
        w.WriteNumber("lr", optimizer.LearningRate);
        if (optimizer is GroupRmsprop g)
        {
            w.WriteNumber("eps", g.Epsilon);
            w.WriteNumber("decay", g.Decay);
        }
        w.WriteEndObject();
    }
}
