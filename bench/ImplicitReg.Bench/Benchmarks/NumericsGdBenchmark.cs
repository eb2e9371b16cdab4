using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.Simulators;
using ImplicitReg.Numerics.Simulators.Dmf;
using ImplicitReg.Numerics.Simulators.Initialization;
using ImplicitReg.Numerics.Simulators.LinearAlgebra;
using ImplicitReg.Numerics.Simulators.Losses;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// E1's workload: plain GD on depth-3 100×100 matrix completion with 2,000 observed entries (random rank-5
/// target, Gaussian init at scale 1e-3, lr 1e-2, MSE loss), our simulator (sparse completion gradient, no
/// allocation per step) against an idiomatic NumPy loop on OpenBLAS doing the same steps from the same
/// start (bench/peers/numerics_gd_numpy.py). Steps per second, medians over rounds; our rounds run before and
/// after the peer's so background load hits both. The losses after the same number of steps must agree.
/// Options: --steps K per round (default 2000), --rounds R (default 7), --warmup W (default 2000).
/// </summary>
public sealed class NumericsGdBenchmark : IBenchmark
{
    public string Name => "numerics-gd";

    public string Description => "GD on depth-3 100x100 completion, 2000 observed: our simulator vs a NumPy loop";

    public int Run(string[] args, TextWriter output)
    {
        int steps = NumericsPeer.Option(args, "--steps", 2000);
        int rounds = NumericsPeer.Option(args, "--rounds", 7);
        int warmup = NumericsPeer.Option(args, "--warmup", 2000);
        const double lr = 1e-2;
        var random = new SeededRandom(0);
        var problem = DmfProblem.RandomCompletion(100, 100, 5, 2000, 3, LossScale.Mse, random);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, InitSpec.StdForEndToEndScale(1e-3, 3, 100)), random, out _);
        output.WriteLine($"numerics-gd: {problem.Name}, depth 3, lr {lr}; {rounds} rounds of {steps} steps after {warmup} warm-up steps; {Environment.ProcessorCount} cores");

        var sim = new DmfSimulator(problem.Loss, layers);
        for (int k = 0; k < warmup; k++) Step(sim, lr);
        var ours = new List<double>();
        Rounds(sim, lr, steps, (rounds + 1) / 2, ours);

        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-gd-{Environment.ProcessId}.json");
        File.WriteAllText(path, ProblemJson((CompletionMatrixLoss)problem.Loss, layers, lr));
        JsonDocument peer;
        try
        {
            peer = JsonDocument.Parse(NumericsPeer.Run(NumericsPeer.FindPeer("numerics_gd_numpy.py"), $"\"{path}\" {warmup} {steps} {rounds}"));
        }
        finally
        {
            File.Delete(path);
        }
        Rounds(sim, lr, steps, rounds / 2, ours);
        var oursLoss = sim.ComputeLossAndGradient();
        // Agreement: both ran warmup + rounds·steps updates from the same start; rounding differs only.
        var peerLoss = peer.RootElement.GetProperty("final_loss").GetDouble();

        var rates = peer.RootElement.GetProperty("steps_per_second").EnumerateArray().Select(e => e.GetDouble()).ToList();
        double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(rates);
        output.WriteLine($"  ours : median {NumericsPeer.F(oursMedian, "F0")} steps/s over {ours.Count} rounds (min {NumericsPeer.F(ours.Min(), "F0")}, max {NumericsPeer.F(ours.Max(), "F0")}); loss after the run {oursLoss:E6}");
        output.WriteLine($"  numpy: median {NumericsPeer.F(peerMedian, "F0")} steps/s over {rates.Count} rounds (min {NumericsPeer.F(rates.Min(), "F0")}, max {NumericsPeer.F(rates.Max(), "F0")}); loss after the run {peerLoss:E6} " +
                         $"(NumPy {peer.RootElement.GetProperty("numpy").GetString()}, BLAS {peer.RootElement.GetProperty("blas").GetString()})");
        output.WriteLine($"  ratio: ours is {NumericsPeer.F(oursMedian / peerMedian, "F2")}x NumPy's steps per second (median vs median; goal >= 3)");
        var agree = Math.Abs(oursLoss - peerLoss) <= 1e-8 * Math.Abs(peerLoss);
        output.WriteLine($"  same steps: losses agree to {NumericsPeer.F(Math.Abs(oursLoss - peerLoss) / Math.Abs(peerLoss), "E1")} relative ({(agree ? "ok" : "MISMATCH")})");
        return agree ? 0 : 1;
    }

    private static void Step(DmfSimulator sim, double lr)
    {
        sim.ComputeLossAndGradient();
        sim.ApplyGradient(lr);
    }

    private static void Rounds(DmfSimulator sim, double lr, int steps, int count, List<double> rates)
    {
        for (int r = 0; r < count; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < steps; k++) Step(sim, lr);
            rates.Add(steps / clock.Elapsed.TotalSeconds);
        }
    }

    private static string ProblemJson(CompletionMatrixLoss loss, MatrixBuffer[] layers, double lr)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("n", loss.Rows);
            w.WriteStartArray("rows");
            foreach (var r in loss.RowIndex) w.WriteNumberValue(r);
            w.WriteEndArray();
            w.WriteStartArray("cols");
            foreach (var c in loss.ColumnIndex) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteStartArray("targets");
            foreach (var b in loss.Targets) w.WriteNumberValue(b);
            w.WriteEndArray();
            w.WriteNumber("c", loss.Constant);
            w.WriteNumber("lr", lr);
            w.WriteStartArray("layers");
            foreach (var l in layers)
            {
                w.WriteStartArray();
                for (int i = 0; i < l.Rows; i++)
                    for (int j = 0; j < l.Columns; j++)
                        w.WriteNumberValue(l[i, j]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
