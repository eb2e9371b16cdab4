using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// M2 (docs/theory.md) as a polynomial identity: depth 5, 4×4 layers, an arbitrary 4×4 gradient G. Builds
/// Ẇ_{j+1}ᵀW_{j+1} + W_{j+1}ᵀẆ_{j+1} − Ẇ_jW_jᵀ − W_jẆ_jᵀ for all j with Ẇ_j = −(W_N⋯W_{j+1})ᵀ G (W_{j−1}⋯W_1)ᵀ,
/// expands and checks it is zero, with our kernel (symbols → PolyMatrix) and with SymPy
/// (bench/peers/balancedness_sympy.py), in one run. Options: --reps N (ours, default 15),
/// --peer-reps M (SymPy, default 1; 0 skips it), --depth D, --size S.
/// </summary>
public sealed class BalancednessBenchmark : IBenchmark
{
    public string Name => "balancedness";

    public string Description => "M2 balancedness identity (depth 5, 4x4 layers, arbitrary G): our kernel vs SymPy";

    public int Run(string[] args, TextWriter output)
    {
        int reps = NumericsPeer.Option(args, "--reps", 15), peerReps = NumericsPeer.Option(args, "--peer-reps", 1);
        int depth = NumericsPeer.Option(args, "--depth", 5), size = NumericsPeer.Option(args, "--size", 4);
        output.WriteLine($"balancedness: depth {depth}, {size}x{size} layers, arbitrary {size}x{size} G");

        var cold = Stopwatch.StartNew();
        bool zero = Job(depth, size);
        cold.Stop();
        var ours = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var w = Stopwatch.StartNew();
            zero &= Job(depth, size);
            ours.Add(w.Elapsed.TotalSeconds);
        }
        double oursMedian = NumericsPeer.Median(ours);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ours : identity is zero = {zero}; median {oursMedian * 1e3:F1} ms over {reps} runs (min {ours.Min() * 1e3:F1}, max {ours.Max() * 1e3:F1}); first run incl. JIT {cold.Elapsed.TotalMilliseconds:F1} ms"));
        if (!zero)
        {
            output.WriteLine("  FAILED: our kernel did not find the identity to be zero");
            return 1;
        }
        if (peerReps <= 0) return 0;

        var script = NumericsPeer.FindPeer("balancedness_sympy.py");
        // SymPy runs under the first python3 on PATH (as balancedness-text's SymPy peer does), which may carry a newer
        // SymPy than Debian's /usr/bin/python3 that NumericsPeer uses by default for NumPy and SciPy.
        var json = NumericsPeer.Run(script, $"{peerReps} {depth} {size}", python: "python3");
        using var doc = JsonDocument.Parse(json);
        var peer = doc.RootElement.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
        bool peerZero = doc.RootElement.GetProperty("zero").GetBoolean();
        double peerMedian = NumericsPeer.Median(peer);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sympy: identity is zero = {peerZero}; median {peerMedian:F2} s over {peer.Count} runs [{string.Join(", ", peer.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}] (SymPy {doc.RootElement.GetProperty("sympy").GetString()}, cache cleared before each run)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio: ours is {peerMedian / oursMedian:F0}x faster (median vs median)"));
        return peerZero ? 0 : 1;
    }

    /// <summary>The whole job: fresh symbols, conversion, products, defects, zero test.</summary>
    public static bool Job(int depth, int size)
    {
        var symbolic = new SymMatrix[depth + 1];
        for (int j = 0; j < depth; j++) symbolic[j] = SymMatrix.Fresh($"W{j + 1}", size, size);
        symbolic[depth] = SymMatrix.Fresh("G", size, size);
        var all = PolyMatrix.FromAll(symbolic);
        var w = all[..depth];
        var g = all[depth];
        var identity = PolyMatrix.Identity(g.Variables, size);
        var prefix = new PolyMatrix[depth + 1]; // prefix[j] = W_j ⋯ W_1
        prefix[0] = identity;
        for (int j = 1; j <= depth; j++) prefix[j] = w[j - 1] * prefix[j - 1];
        var suffix = new PolyMatrix[depth + 1]; // suffix[j] = W_N ⋯ W_{j+1}
        suffix[depth] = identity;
        for (int j = depth - 1; j >= 0; j--) suffix[j] = suffix[j + 1] * w[j];
        var wDot = new PolyMatrix[depth];
        for (int j = 1; j <= depth; j++) wDot[j - 1] = -(suffix[j].Transpose() * g * prefix[j - 1].Transpose());
        bool zero = true;
        for (int j = 1; j < depth; j++)
        {
            var (wj, wj1, dj, dj1) = (w[j - 1], w[j], wDot[j - 1], wDot[j]);
            var defect = PolyMatrix.SumOfProducts(
                (Rational.One, dj1.Transpose(), wj1), (Rational.One, wj1.Transpose(), dj1),
                (Rational.MinusOne, dj, wj.Transpose()), (Rational.MinusOne, wj, dj.Transpose()));
            zero &= defect.IsZero;
        }
        return zero;
    }
}
