using System.Diagnostics;
using System.Numerics;
using System.Text;
using System.Text.Json;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// Reading back a long exact number, as the exact printers can produce: the parser on decimal literals of
/// 125,000 to 2,000,000 digits (the parser's limit), against CPython's int() on the same digits
/// (bench/peers/number_literal_python.py). Reported per size: our median and the peer's, and our growth exponent
/// between consecutive sizes (2 would be quadratic; the digits go through BigInteger.Parse, which is
/// sub-quadratic). Both sides' values must agree modulo 1,000,000,007. The digits come from a fixed-seed
/// generator (seed printed). Options: --reps R (default 3), --peer-max-digits D (default 1000000: CPython 3.11's
/// int() is quadratic, so larger literals take it minutes).
/// </summary>
public sealed class NumberLiteralBenchmark : IBenchmark
{
    private const int Seed = 20261128;
    private static readonly int[] Sizes = [125_000, 250_000, 500_000, 1_000_000, 2_000_000];

    public string Name => "number-literal";

    public string Description => "parse decimal literals of 125k-2M digits: our parser vs CPython int()";

    public int Run(string[] args, TextWriter output)
    {
        int reps = NumericsPeer.Option(args, "--reps", 3), peerMax = NumericsPeer.Option(args, "--peer-max-digits", 1_000_000);
        output.WriteLine($"number-literal: decimal literals of {string.Join(", ", Sizes.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} digits (seed {Seed}); {reps} reps each, medians");
        var random = new Random(Seed);
        var literals = Sizes.Select(n => Digits(n, random)).ToArray();
        var modulus = new BigInteger(1_000_000_007);

        var ours = new double[Sizes.Length];
        var ourMods = new BigInteger[Sizes.Length];
        Parser.Parse("12345"); // JIT warm-up
        for (int i = 0; i < Sizes.Length; i++)
        {
            var times = new List<double>();
            Expr parsed = Num.Zero;
            for (int r = 0; r < reps; r++)
            {
                var clock = Stopwatch.StartNew();
                parsed = Parser.Parse(literals[i]);
                times.Add(clock.Elapsed.TotalSeconds);
            }
            ours[i] = NumericsPeer.Median(times);
            ourMods[i] = BigInteger.Remainder(((Num)parsed).Value.Numerator, modulus);
        }

        var peerCount = Sizes.Count(n => n <= peerMax);
        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-literals-{Environment.ProcessId}.txt");
        File.WriteAllLines(path, literals.Take(peerCount));
        JsonDocument peer;
        try
        {
            peer = JsonDocument.Parse(NumericsPeer.Run(NumericsPeer.FindPeer("number_literal_python.py"), $"\"{path}\" {reps}"));
        }
        finally
        {
            File.Delete(path);
        }
        var peerSeconds = peer.RootElement.GetProperty("seconds").EnumerateArray()
            .Select(a => NumericsPeer.Median(a.EnumerateArray().Select(e => e.GetDouble()).ToList())).ToArray();
        var peerMods = peer.RootElement.GetProperty("mod").EnumerateArray().Select(e => new BigInteger(e.GetInt64())).ToArray();

        bool agree = true;
        for (int i = 0; i < Sizes.Length; i++)
        {
            var growth = i == 0 ? "" : $"; growth exponent {NumericsPeer.F(Math.Log(ours[i] / ours[i - 1]) / Math.Log((double)Sizes[i] / Sizes[i - 1]), "F2")}";
            var theirs = i < peerCount
                ? $"; CPython {peer.RootElement.GetProperty("python").GetString()} {NumericsPeer.F(peerSeconds[i] * 1e3, "F1")} ms ({NumericsPeer.F(peerSeconds[i] / ours[i], "F1")}x ours)"
                : "; CPython not run (--peer-max-digits)";
            if (i < peerCount && peerMods[i] != ourMods[i]) agree = false;
            output.WriteLine($"  {Sizes[i],9:N0} digits: ours {NumericsPeer.F(ours[i] * 1e3, "F1")} ms{growth}{theirs}");
        }
        output.WriteLine($"  same values: modulo 1000000007 on the {peerCount} literals both parsed ({(agree ? "ok" : "MISMATCH")})");
        return agree ? 0 : 1;
    }

    /// <summary>n decimal digits, the first non-zero.</summary>
    private static string Digits(int n, Random random)
    {
        var text = new StringBuilder(n);
        text.Append((char)('1' + random.Next(9)));
        for (int k = 1; k < n; k++) text.Append((char)('0' + random.Next(10)));
        return text.ToString();
    }
}
