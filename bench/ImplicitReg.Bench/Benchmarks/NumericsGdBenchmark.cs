using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// E1's workload: plain GD on depth-3 100×100 matrix completion with 2,000 observed entries (random rank-5
/// target, Gaussian init at scale 1e-3, lr 1e-2, MSE loss). Four sides take the same steps from the same start:
/// our simulator (sparse completion gradient, no allocation per step) on one thread and on two, and an idiomatic
/// NumPy loop on OpenBLAS (bench/peers/numerics_gd_numpy.py, kept running and driven round by round) at OpenBLAS's
/// default threads (one per core; an inherited OPENBLAS_NUM_THREADS is removed) and with OPENBLAS_NUM_THREADS=1.
/// Each round runs every side once, the order rotating from round to round so background load hits all alike;
/// reported are each side's median steps per second and, for every pairing of ours with NumPy, the median of the
/// per-round ratios. After the run all sides have taken the same steps: the losses must agree, and ours on one and
/// on two threads must be bitwise equal.
/// Options: --steps K per round (default 2000), --rounds R (default 9), --warmup-ms T (default 1500), --profile
/// (afterwards, time K more one-thread steps phase by phase and print where a step's time goes).
/// </summary>
public sealed class NumericsGdBenchmark : IBenchmark
{
    public string Name => "numerics-gd";

    public string Description => "GD on depth-3 100x100 completion, 2000 observed: our simulator (1 and 2 threads) vs a NumPy loop (default and 1 thread)";

    public int Run(string[] args, TextWriter output)
    {
        int steps = NumericsPeer.Option(args, "--steps", 2000);
        int rounds = NumericsPeer.Option(args, "--rounds", 9);
        int warmupMs = NumericsPeer.Option(args, "--warmup-ms", 1500);
        bool profile = args.Contains("--profile");
        const double lr = 1e-2;
        var random = new SeededRandom(0);
        var problem = DmfProblem.RandomCompletion(100, 100, 5, 2000, 3, LossScale.Mse, random);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, InitSpec.StdForEndToEndScale(1e-3, 3, 100)), random, out _);
        output.WriteLine($"numerics-gd: {problem.Name}, depth 3, lr {lr}; {rounds} rounds of {steps} steps per side, order rotating; {Environment.ProcessorCount} cores");

        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-gd-{Environment.ProcessId}.json");
        File.WriteAllText(path, ProblemJson((CompletionMatrixLoss)problem.Loss, layers, lr));
        var script = NumericsPeer.FindPeer("numerics_gd_numpy.py");
        using var peerDefault = new NumericsPeer.Server(script, $"\"{path}\"", unset: ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"]);
        using var peerOne = new NumericsPeer.Server(script, $"\"{path}\"", new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = "1" });
        try
        {
            using var one = new DmfSimulator(problem.Loss, layers, threads: 1);
            using var two = new DmfSimulator(problem.Loss, layers, threads: 2);
            output.WriteLine($"  our simulator: dense products on {one.Backend.Description}; {one.Threads} and {two.Threads} threads per step");
            var sides = new (string Name, Func<int, double> Rate)[]
            {
                ("ours, 1 thread ", k => NumericsPeer.Round(() => Step(one, lr), k)),
                ("ours, 2 threads", k => NumericsPeer.Round(() => Step(two, lr), k)),
                ("numpy, default ", k => NumericsPeer.PeerRate(peerDefault, k)),
                ("numpy, 1 thread", k => NumericsPeer.PeerRate(peerOne, k)),
            };
            // Warm up by time (JIT tiers, build servers left by `dotnet run` settling); the others take as many steps.
            long warm = 0;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < warmupMs || warm < 100)
            {
                Step(one, lr);
                warm++;
            }
            for (int k = 0; k < warm; k++) Step(two, lr);
            peerDefault.Ask($"steps {warm}");
            peerOne.Ask($"steps {warm}");
            var rates = sides.Select(_ => new List<double>()).ToArray();
            for (int r = 0; r < rounds; r++)
                for (int i = 0; i < sides.Length; i++)
                {
                    int side = (i + r) % sides.Length;
                    rates[side].Add(sides[side].Rate(steps));
                }

            for (int i = 0; i < sides.Length; i++)
                output.WriteLine($"  {sides[i].Name}: median {NumericsPeer.F(NumericsPeer.Median(rates[i]), "F0")} steps/s (rounds: {string.Join(" ", rates[i].Select(x => NumericsPeer.F(x, "F0")))})");
            foreach (var (peer, label) in new[] { (peerDefault, "default"), (peerOne, "1 thread") })
            {
                var info = peer.Ask("info");
                output.WriteLine($"  numpy {label}: NumPy {info.GetProperty("numpy").GetString()}, {info.GetProperty("blas").GetString()}");
            }
            output.WriteLine("  ratios (median of per-round ratios; goal >= 3):");
            for (int o = 0; o < 2; o++)
                for (int p = 2; p < 4; p++)
                {
                    var ratio = NumericsPeer.Median(rates[o].Select((x, i) => x / rates[p][i]).ToList());
                    output.WriteLine($"    {sides[o].Name.Trim()} / {sides[p].Name.Trim()}: {NumericsPeer.F(ratio, "F2")}x{(ratio >= 3 ? "  (>= 3)" : "")}");
                }

            double lossOne = one.ComputeLossAndGradient(), lossTwo = two.ComputeLossAndGradient();
            double peerLoss = peerDefault.Ask("loss").GetProperty("loss").GetDouble(), peerOneLoss = peerOne.Ask("loss").GetProperty("loss").GetDouble();
            var gap = new[] { lossOne, peerOneLoss }.Max(l => Math.Abs(l - peerLoss)) / Math.Abs(peerLoss);
            bool bitwise = one.FlattenParameters().SequenceEqual(two.FlattenParameters()) && lossOne.Equals(lossTwo);
            bool agree = gap <= 1e-8 && bitwise;
            output.WriteLine($"  same steps: after {warm + (long)rounds * steps} steps the losses agree to {NumericsPeer.F(gap, "E1")} relative; " +
                             $"ours on 1 and 2 threads {(bitwise ? "bitwise identical" : "DIFFER")} ({(agree ? "ok" : "MISMATCH")})");
            if (profile) Profile(problem.Loss, one, steps, lr, output);
            return agree ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Times <paramref name="steps"/> one-thread steps phase by phase, continuing from <paramref name="from"/>'s
    /// iterate (mean and fewest microseconds per phase), then the same number of whole steps one by one on one and on
    /// two threads (fewest and median microseconds per step: on a loaded machine these say more than the means).
    /// </summary>
    private static void Profile(MatrixLoss loss, DmfSimulator from, int steps, double lr, TextWriter output)
    {
        using (var sim = new DmfSimulator(loss, from.Layers, from.Backend))
        {
            for (int k = 0; k < 200; k++) Step(sim, lr);
            var profile = sim.EnableProfile();
            for (int k = 0; k < steps; k++) Step(sim, lr);
            var mean = profile.MicrosecondsPerStep();
            var fewest = profile.FewestMicroseconds();
            output.WriteLine($"  profile of a 1-thread step by phase over {steps} steps (mean / fewest us; sums {NumericsPeer.F(mean.Sum(), "F1")} / {NumericsPeer.F(fewest.Sum(), "F1")}):");
            for (int i = 0; i < mean.Length; i++)
                output.WriteLine($"    {NumericsPeer.F(mean[i], "F1"),7} / {NumericsPeer.F(fewest[i], "F1"),6} us  {DmfStepProfile.Phases[i]}");
        }
        foreach (var threads in new[] { 1, 2 })
        {
            using var sim = new DmfSimulator(loss, from.Layers, from.Backend, threads);
            for (int k = 0; k < 200; k++) Step(sim, lr);
            var times = new double[steps];
            for (int k = 0; k < steps; k++)
            {
                long start = Stopwatch.GetTimestamp();
                Step(sim, lr);
                times[k] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
            output.WriteLine($"  whole steps on {threads} thread{(threads == 1 ? "" : "s")}: fewest {NumericsPeer.F(times.Min(), "F1")} us, " +
                             $"median {NumericsPeer.F(NumericsPeer.Median(times), "F1")} us per step");
        }
    }

    private static void Step(DmfSimulator sim, double lr)
    {
        sim.ComputeLossAndGradient();
        sim.ApplyGradient(lr);
    }
    private static string ProblemJson(CompletionMatrixLoss loss, MatrixBuffer[] layers, double lr) => NumericsPeer.Json(w =>
    {
        w.WriteNumber("n", loss.Rows);
        NumericsPeer.Numbers(w, "rows", loss.RowIndex.Select(i => (double)i));
        NumericsPeer.Numbers(w, "cols", loss.ColumnIndex.Select(i => (double)i));
        NumericsPeer.Numbers(w, "targets", loss.Targets);
        w.WriteNumber("c", loss.Constant);
        w.WriteNumber("lr", lr);
        NumericsPeer.Blocks(w, "layers", layers);
    });
}
