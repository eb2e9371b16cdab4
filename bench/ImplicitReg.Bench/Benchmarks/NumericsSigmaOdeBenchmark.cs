using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Numerics.Compilation;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// The singular-value ODE of M4, σ_r' = −N·(σ_r²)^{1−1/N}·(σ_r − s_r) for five singular values (depth 3, a
/// commuting loss ½Σ(σ_r − s_r)², from σ(0) = 1e-3 through the sigmoidal jumps to the targets): our Dormand–Prince
/// 5(4) on the system compiled from kernel expressions, against SciPy's solve_ivp (RK45) with the same tolerances
/// (bench/peers/numerics_sigma_scipy.py). Median wall time per solve. Options: --reps R (default 21), --peer-reps M
/// (default 11).
/// </summary>
public sealed class NumericsSigmaOdeBenchmark : IBenchmark
{
    private const int Depth = 3;
    private const double T1 = 40, RelTol = 1e-8, AbsTol = 1e-10;
    private static readonly double[] Targets = [5.0, 4.0, 3.0, 2.0, 1.0];

    public string Name => "numerics-sigma-ode";

    public string Description => "M4 singular-value ODE (5 sigmas, depth 3): our compiled dopri5 vs SciPy solve_ivp RK45";

    public int Run(string[] args, TextWriter output)
    {
        int reps = NumericsPeer.Option(args, "--reps", 21), peerReps = NumericsPeer.Option(args, "--peer-reps", 11);
        output.WriteLine($"numerics-sigma-ode: {Targets.Length} singular values, depth {Depth}, t in [0, {T1}], rtol {RelTol}, atol {AbsTol}");

        var compileClock = Stopwatch.StartNew();
        var system = Compile();
        compileClock.Stop();
        var y0 = Targets.Select(_ => 1e-3).ToArray();
        var options = new OdeOptions { RelativeTolerance = RelTol, AbsoluteTolerance = AbsTol, StoreOutput = false };
        OdeSolution solution = Ode.Solve(OdeMethod.DormandPrince5, system.Function, 0, y0, T1, options); // JIT warm-up
        var ours = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var clock = Stopwatch.StartNew();
            solution = Ode.Solve(OdeMethod.DormandPrince5, system.Function, 0, y0, T1, options);
            ours.Add(clock.Elapsed.TotalSeconds);
        }

        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-sigma-{Environment.ProcessId}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { depth = Depth, targets = Targets, sigma0 = y0, t1 = T1, rtol = RelTol, atol = AbsTol }));
        JsonDocument peer;
        try
        {
            peer = JsonDocument.Parse(NumericsPeer.Run(NumericsPeer.FindPeer("numerics_sigma_scipy.py"), $"\"{path}\" {peerReps}"));
        }
        finally
        {
            File.Delete(path);
        }
        var peerSeconds = peer.RootElement.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var peerFinal = peer.RootElement.GetProperty("final").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(peerSeconds);
        var s = solution.Statistics;
        output.WriteLine($"  ours : median {NumericsPeer.F(oursMedian * 1e6, "F0")} us per solve over {reps} runs (min {NumericsPeer.F(ours.Min() * 1e6, "F0")}); " +
                         $"{s.AcceptedSteps} steps, {s.RejectedSteps} rejected, {s.FunctionEvaluations} evaluations; compile once {NumericsPeer.F(compileClock.Elapsed.TotalMilliseconds, "F1")} ms");
        output.WriteLine($"  scipy: median {NumericsPeer.F(peerMedian * 1e6, "F0")} us per solve over {peerSeconds.Count} runs (min {NumericsPeer.F(peerSeconds.Min() * 1e6, "F0")}); " +
                         $"{peer.RootElement.GetProperty("steps").GetInt32()} steps, {peer.RootElement.GetProperty("nfev").GetInt32()} evaluations (SciPy {peer.RootElement.GetProperty("scipy").GetString()})");
        output.WriteLine($"  ratio: ours is {NumericsPeer.F(peerMedian / oursMedian, "F0")}x faster (median vs median; goal >= 20)");
        var gap = solution.FinalState.Select((v, i) => Math.Abs(v - peerFinal[i]) / Math.Abs(peerFinal[i])).Max();
        bool agree = solution.Succeeded && gap < 1e-5;
        output.WriteLine($"  same answer: sigma(T) agree to {NumericsPeer.F(gap, "E1")} relative ({(agree ? "ok" : "MISMATCH")})");
        return agree ? 0 : 1;
    }

    /// <summary>The system from kernel expressions: σ_r' = −N·(σ_r²)^{1−1/N}·(σ_r − s_r).</summary>
    private static CompiledSystem Compile()
    {
        var power = Num.Of(Rational.One - new Rational(1, Depth));
        var equations = Targets.Select((target, r) =>
        {
            var sigma = new Sym($"sigma[{r + 1}]");
            var rhs = Expr.Mul(Num.Of(-Depth), Expr.Pow(Expr.Pow(sigma, 2), power), Expr.Sub(sigma, Num.Of(Rational.FromDouble(target))));
            return (sigma, rhs);
        }).ToList();
        return CompiledSystem.Compile(equations);
    }
}
