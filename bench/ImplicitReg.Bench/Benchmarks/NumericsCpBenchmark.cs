using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// E3's workload: plain GD on CP completion of a 10×10×10×10 tensor (random CP-rank-5 target, 2,000 observed
/// entries, MSE loss) with R = 1,000 components, our simulator (Khatri–Rao step) against a NumPy loop vectorised the
/// way a NumPy user writes it (bench/peers/numerics_cp_numpy.py: gathered factor rows, products over modes, one
/// scatter matmul per mode), from the same start, driven round by round. Rounds alternate between the two sides so
/// background load hits both alike; reported are the median steps per second of each side and the median of the
/// per-round ratios. After the run both have taken the same steps, and their losses must agree.
/// Options: --steps K per round (default 100), --peer-steps M per peer round (default 10), --rounds R (default 9),
/// --warmup-ms T (default 1500).
/// </summary>
public sealed class NumericsCpBenchmark : IBenchmark
{
    // The factors start at N(0, 0.3²) and GD uses lr 20 (c = 1/2000 makes the raw gradient small), so the loss
    // falls visibly over the run and the end-of-run agreement checks real arithmetic, not a standing start.
    private const double InitStd = 0.3, LearningRate = 20;
    private const int Components = 1000;

    public string Name => "numerics-cp";

    public string Description => "GD on E3's CP completion (10^4 tensor, 2000 observed, R = 1000): our simulator vs a NumPy loop";

    public int Run(string[] args, TextWriter output)
    {
        int steps = NumericsPeer.Option(args, "--steps", 100);
        int peerSteps = NumericsPeer.Option(args, "--peer-steps", 10);
        int rounds = NumericsPeer.Option(args, "--rounds", 9);
        int warmupMs = NumericsPeer.Option(args, "--warmup-ms", 1500);
        var random = new SeededRandom(0);
        int[] sizes = [10, 10, 10, 10];
        var problem = CpProblem.RandomCompletion(sizes, 5, 2000, LossScale.Mse, random);
        var factors = CpSimulator.GaussianFactors(sizes, Components, InitStd, random);
        output.WriteLine($"numerics-cp: {problem.Name}, R = {Components}, init N(0, {InitStd}^2), lr {LearningRate}; " +
                         $"{rounds} alternating rounds of {steps} steps (ours) and {peerSteps} steps (NumPy)");

        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-cp-{Environment.ProcessId}.json");
        File.WriteAllText(path, ProblemJson(problem, factors));
        using var peer = new NumericsPeer.Server(NumericsPeer.FindPeer("numerics_cp_numpy.py"), $"\"{path}\"");
        try
        {
            using var sim = new CpSimulator(problem, factors);
            var startLoss = sim.ComputeLossAndGradient();
            long warm = 0;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < warmupMs || warm < 20)
            {
                Step(sim);
                warm++;
            }
            peer.Ask($"steps {warm}");
            var ours = new List<double>();
            var theirs = new List<double>();
            long taken = warm;
            for (int r = 0; r < rounds; r++)
            {
                // Both sides take steps + peerSteps steps per round, so they stay on the same iterates.
                if (r % 2 == 1) theirs.Add(peer.Ask($"steps {peerSteps}").GetProperty("steps_per_second").GetDouble());
                ours.Add(Round(sim, steps));
                if (r % 2 == 0) theirs.Add(peer.Ask($"steps {peerSteps}").GetProperty("steps_per_second").GetDouble());
                for (int k = 0; k < peerSteps; k++) Step(sim);
                peer.Ask($"steps {steps}");
                taken += steps + peerSteps;
            }
            var oursLoss = sim.ComputeLossAndGradient();
            var peerLoss = peer.Ask("loss").GetProperty("loss").GetDouble();
            var info = peer.Ask("info");

            double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(theirs);
            var ratios = ours.Select((o, i) => o / theirs[i]).ToList();
            output.WriteLine($"  ours : median {NumericsPeer.F(oursMedian, "F1")} steps/s (rounds: {string.Join(" ", ours.Select(x => NumericsPeer.F(x, "F0")))})");
            output.WriteLine($"  numpy: median {NumericsPeer.F(peerMedian, "F1")} steps/s (rounds: {string.Join(" ", theirs.Select(x => NumericsPeer.F(x, "F1")))}); " +
                             $"NumPy {info.GetProperty("numpy").GetString()}, {info.GetProperty("blas").GetString()}");
            output.WriteLine($"  ratio: ours is {NumericsPeer.F(NumericsPeer.Median(ratios), "F1")}x NumPy's steps per second (median of per-round ratios; " +
                             $"medians' ratio {NumericsPeer.F(oursMedian / peerMedian, "F1")}; goal >= 10)");
            var gap = Math.Abs(oursLoss - peerLoss) / Math.Abs(peerLoss);
            bool agree = gap <= 1e-9 && oursLoss < 0.9 * startLoss;
            output.WriteLine($"  same steps: after {taken} steps (loss {NumericsPeer.F(startLoss, "G4")} -> {NumericsPeer.F(oursLoss, "G4")}) " +
                             $"the losses agree to {NumericsPeer.F(gap, "E1")} relative ({(agree ? "ok" : "MISMATCH")})");
            return agree ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Round(CpSimulator sim, int steps)
    {
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < steps; k++) Step(sim);
        return steps / clock.Elapsed.TotalSeconds;
    }

    private static void Step(CpSimulator sim)
    {
        sim.ComputeLossAndGradient();
        sim.ApplyGradient(LearningRate);
    }

    private static string ProblemJson(CpProblem problem, MatrixBuffer[] factors) => NumericsPeer.Json(w =>
    {
        WriteProblem(w, problem);
        w.WriteNumber("lr", LearningRate);
        w.WriteNumber("components", Components);
        NumericsPeer.Blocks(w, "factors", factors);
    });

    /// <summary>The CP completion problem as the NumPy peers read it: mode sizes, observed indices, targets, loss constant.</summary>
    internal static void WriteProblem(System.Text.Json.Utf8JsonWriter w, CpProblem problem)
    {
        NumericsPeer.Numbers(w, "sizes", problem.Sizes.Select(n => (double)n));
        w.WriteStartArray("indices");
        foreach (var idx in problem.ObservedIndices)
        {
            w.WriteStartArray();
            foreach (var i in idx) w.WriteNumberValue(i);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        NumericsPeer.Numbers(w, "targets", problem.Targets);
        w.WriteNumber("c", problem.Constant);
    }
}
