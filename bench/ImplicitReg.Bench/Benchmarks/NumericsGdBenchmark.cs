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
/// target, Gaussian init at scale 1e-3, lr 1e-2, MSE loss), our simulator (sparse completion gradient, no
/// allocation per step) against an idiomatic NumPy loop on OpenBLAS doing the same steps from the same start
/// (bench/peers/numerics_gd_numpy.py, kept running and driven round by round). Rounds alternate between the two
/// sides so background load hits both alike; reported are the median steps per second of each side and the
/// median of the per-round ratios. After the run both have taken the same steps, and their losses must agree.
/// Options: --steps K per round (default 2000), --rounds R (default 9), --warmup-ms T (default 1500).
/// </summary>
public sealed class NumericsGdBenchmark : IBenchmark
{
    public string Name => "numerics-gd";

    public string Description => "GD on depth-3 100x100 completion, 2000 observed: our simulator vs a NumPy loop";

    public int Run(string[] args, TextWriter output)
    {
        int steps = NumericsPeer.Option(args, "--steps", 2000);
        int rounds = NumericsPeer.Option(args, "--rounds", 9);
        int warmupMs = NumericsPeer.Option(args, "--warmup-ms", 1500);
        const double lr = 1e-2;
        var random = new SeededRandom(0);
        var problem = DmfProblem.RandomCompletion(100, 100, 5, 2000, 3, LossScale.Mse, random);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, InitSpec.StdForEndToEndScale(1e-3, 3, 100)), random, out _);
        output.WriteLine($"numerics-gd: {problem.Name}, depth 3, lr {lr}; {rounds} alternating rounds of {steps} steps per side");

        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-gd-{Environment.ProcessId}.json");
        File.WriteAllText(path, ProblemJson((CompletionMatrixLoss)problem.Loss, layers, lr));
        using var peer = new NumericsPeer.Server(NumericsPeer.FindPeer("numerics_gd_numpy.py"), $"\"{path}\"");
        try
        {
            using var sim = new DmfSimulator(problem.Loss, layers);
            output.WriteLine($"  our simulator: one thread, dense products on {sim.Backend.Description}; products with the sparse G on {RegisterWidths.Widest}-bit registers");
            // Warm up by time (JIT tiers, build servers left by `dotnet run` settling), then let the peer take as
            // many steps, so both sides stay on the same iterates.
            var (ours, theirs, warm) = NumericsPeer.AlternatingRounds(peer, () => Step(sim, lr), steps, rounds, warmupMs, minWarm: 100);
            var oursLoss = sim.ComputeLossAndGradient();
            var peerLoss = peer.Ask("loss").GetProperty("loss").GetDouble();
            var info = peer.Ask("info");

            double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(theirs);
            var ratios = ours.Select((o, i) => o / theirs[i]).ToList();
            output.WriteLine($"  ours : median {NumericsPeer.F(oursMedian, "F0")} steps/s (rounds: {string.Join(" ", ours.Select(x => NumericsPeer.F(x, "F0")))})");
            output.WriteLine($"  numpy: median {NumericsPeer.F(peerMedian, "F0")} steps/s (rounds: {string.Join(" ", theirs.Select(x => NumericsPeer.F(x, "F0")))}); " +
                             $"NumPy {info.GetProperty("numpy").GetString()}, {info.GetProperty("blas").GetString()}");
            output.WriteLine($"  ratio: ours is {NumericsPeer.F(NumericsPeer.Median(ratios), "F2")}x NumPy's steps per second (median of per-round ratios; " +
                             $"medians' ratio {NumericsPeer.F(oursMedian / peerMedian, "F2")}; goal >= 3)");
            double product = ProductMicroseconds(sim);
            output.WriteLine(DenseFloor(sim, ((CompletionMatrixLoss)problem.Loss).Count, oursMedian, peerMedian, product));
            output.WriteLine(Phases(sim, (CompletionMatrixLoss)problem.Loss, oursMedian, product));
            var gap = Math.Abs(oursLoss - peerLoss) / Math.Abs(peerLoss);
            bool agree = gap <= 1e-8;
            output.WriteLine($"  same steps: after {warm + (long)rounds * steps} steps the losses agree to {NumericsPeer.F(gap, "E1")} relative ({(agree ? "ok" : "MISMATCH")})");
            return agree ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// What one thread can reach at best on this machine, measured in the same run. A depth-3 step needs three
    /// dense d×d products (the partial product (W₂W₁)ᵀ, the middle gradient V₁ᵀW₁ᵀ and the bottom gradient W₂ᵀV₁ᵀ,
    /// with V₁ = GᵀW₃); the forward pass at the observed entries, G·(W₂W₁)ᵀ and GᵀW₃ are 3 passes of |Ω|·d
    /// multiply-adds.
    /// So 1 / (3 × one product's time) bounds the steps per second of any one-thread step built on these products,
    /// and adding the sparse passes at the dense product's multiply-add rate (which gathered rows never beat) gives
    /// a tighter bound. <paramref name="product"/>: one product's time from <see cref="ProductMicroseconds"/>.
    /// </summary>
    private static string DenseFloor(DmfSimulator sim, int observed, double oursMedian, double peerMedian, double product)
    {
        var (a, b) = ProductOperands(sim);
        double step = 1e6 / oursMedian;
        double fmaPerMicrosecond = (double)a.Rows * a.Columns * b.Columns / product;
        double sparse = 3.0 * observed * a.Columns / fmaPerMicrosecond;
        double denseCeiling = 1e6 / (3 * product), ceiling = 1e6 / (3 * product + sparse);
        return $"  floor: one {a.Rows}x{b.Columns} product takes {NumericsPeer.F(product, "F1")} us here ({NumericsPeer.F(2 * fmaPerMicrosecond / 1e3, "F1")} GFLOP/s), " +
               $"so the step's 3 products take {NumericsPeer.F(3 * product, "F0")} us of its {NumericsPeer.F(step, "F0")} us: one thread cannot exceed " +
               $"{NumericsPeer.F(denseCeiling, "F0")} steps/s = {NumericsPeer.F(denseCeiling / peerMedian, "F2")}x NumPy's median; with the 3 sparse passes " +
               $"({NumericsPeer.F(3.0 * observed * a.Columns / 1e3, "F0")} k multiply-adds) at that rate, {NumericsPeer.F(ceiling, "F0")} steps/s = " +
               $"{NumericsPeer.F(ceiling / peerMedian, "F2")}x";
    }

    /// <summary>One d×d product of two layers on the simulator's backend, in µs (median of 9 batches of 200).</summary>
    private static double ProductMicroseconds(DmfSimulator sim)
    {
        var (a, b) = ProductOperands(sim);
        var c = new MatrixBuffer(a.Rows, b.Columns);
        return Microseconds(() => MatrixKernels.Multiply(a, b, c, sim.Backend));
    }

    /// <summary>The two layers whose product <see cref="ProductMicroseconds"/> times and <see cref="DenseFloor"/> counts.</summary>
    private static (MatrixBuffer A, MatrixBuffer B) ProductOperands(DmfSimulator sim) => (sim.Layers[1], sim.Layers[0]);

    /// <summary>Median time of one call over 9 batches of 200 (after one warm-up batch).</summary>
    private static double Microseconds(Action work)
    {
        const int reps = 200;
        for (int k = 0; k < reps; k++) work();
        var batches = new List<double>();
        for (int r = 0; r < 9; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < reps; k++) work();
            batches.Add(clock.Elapsed.TotalMicroseconds / reps);
        }
        return NumericsPeer.Median(batches);
    }

    /// <summary>
    /// Where a step's time goes, measured in the same run on the step's own shapes and pattern: the sampled forward
    /// pass, each of the two products with the sparse G, and what is left of the step after them and the three dense
    /// products (residuals, the update, calls). For a reviewer re-measuring on another machine.
    /// </summary>
    private static string Phases(DmfSimulator sim, CompletionMatrixLoss loss, double oursMedian, double dense)
    {
        var pattern = new SparsePattern(loss.Rows, loss.Columns, loss.RowIndex, loss.ColumnIndex);
        var top = sim.Layers[^1];
        var rows = sim.Layers[0].Clone(); // any d×d operand with the layers' values
        var result = new MatrixBuffer(top.Rows, top.Columns);
        var weights = loss.Targets.ToArray();
        var sampled = new double[loss.Count];
        double forward = Microseconds(() => SparseKernels.SampledDot(pattern, top, rows, sampled));
        double times = Microseconds(() => SparseKernels.Multiply(pattern, weights, rows, result));
        double timesT = Microseconds(() => SparseKernels.MultiplyTransposed(pattern, weights, top, result));
        double step = 1e6 / oursMedian, rest = step - 3 * dense - forward - times - timesT;
        return $"  phases: 3 dense products {NumericsPeer.F(3 * dense, "F0")} us, sampled forward pass {NumericsPeer.F(forward, "F1")} us, " +
               $"G·B {NumericsPeer.F(times, "F1")} us, Gᵀ·B {NumericsPeer.F(timesT, "F1")} us, the rest (residuals, update, calls) " +
               $"{NumericsPeer.F(rest, "F0")} us of the {NumericsPeer.F(step, "F0")} us step";
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
