using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// Shared plumbing of the numerics benchmarks: Debian's /usr/bin/python3 (NumPy and SciPy on OpenBLAS; the first
/// python3 on PATH has neither), medians and option parsing.
/// </summary>
internal static class NumericsPeer
{
    /// <summary>The interpreter with NumPy/SciPy: $IMPLICITREG_NUMPY_PYTHON, else /usr/bin/python3.</summary>
    public static string Python => Environment.GetEnvironmentVariable("IMPLICITREG_NUMPY_PYTHON") ?? "/usr/bin/python3";

    public static double Median(IReadOnlyList<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    public static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v))
            throw new ArgumentException($"{name} needs an integer value");
        return v;
    }

    public static string FindPeer(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "peers", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"bench/peers/{file} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Runs a peer script and returns its standard output; a non-zero exit throws with its standard error.
    /// <paramref name="python"/>: the interpreter (default <see cref="Python"/>, the one with NumPy and SciPy).
    /// </summary>
    public static string Run(string script, string arguments, string? python = null)
    {
        python ??= Python;
        var info = new ProcessStartInfo(python, $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"could not start {python}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{python} {script} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    public static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The side-by-side timing every loop benchmark shares: our side warms up by time (and at least
    /// <paramref name="minWarm"/> steps), the peer then takes as many steps, and <paramref name="rounds"/> rounds of
    /// <paramref name="steps"/> steps follow, alternating which side goes first so background load hits both alike.
    /// Both sides end on the same iterates. Returns each side's steps per second per round and the warm-up count.
    /// </summary>
    public static (List<double> Ours, List<double> Theirs, long Warm) AlternatingRounds(
        Server peer, Action step, int steps, int rounds, int warmupMs, long minWarm)
    {
        long warm = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < warmupMs || warm < minWarm)
        {
            step();
            warm++;
        }
        peer.Ask($"steps {warm}");
        var ours = new List<double>();
        var theirs = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 1) theirs.Add(PeerRate(peer, steps));
            ours.Add(Round(step, steps));
            if (r % 2 == 0) theirs.Add(PeerRate(peer, steps));
        }
        return (ours, theirs, warm);
    }

    /// <summary>Our steps per second over <paramref name="steps"/> steps.</summary>
    public static double Round(Action step, int steps)
    {
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < steps; k++) step();
        return steps / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The peer's steps per second over <paramref name="steps"/> steps.</summary>
    public static double PeerRate(Server peer, int steps) => peer.Ask($"steps {steps}").GetProperty("steps_per_second").GetDouble();

    /// <summary>A peer's problem file: one JSON object with the given body.</summary>
    public static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A named array of numbers.</summary>
    public static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    /// <summary>A named array of matrices, each as a row-major flat array.</summary>
    public static void Blocks(Utf8JsonWriter w, string name, IEnumerable<MatrixBuffer> blocks)
    {
        w.WriteStartArray(name);
        foreach (var l in blocks)
        {
            w.WriteStartArray();
            for (int i = 0; i < l.Rows; i++)
                for (int j = 0; j < l.Columns; j++)
                    w.WriteNumberValue(l[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>A peer kept running and driven by one-line commands, each answered by one line of JSON.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Process _process;

        /// <summary>Starts the peer; <paramref name="environment"/> adds variables (e.g. OPENBLAS_NUM_THREADS=1 for a sweep's workers).</summary>
        public Server(string script, string arguments, IReadOnlyDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo(Python, $"\"{script}\" {arguments}")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
            _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        }

        public System.Text.Json.JsonElement Ask(string command)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
            var line = _process.StandardOutput.ReadLine()
                       ?? throw new InvalidOperationException($"the peer stopped: {_process.StandardError.ReadToEnd()}");
            return System.Text.Json.JsonDocument.Parse(line).RootElement.Clone();
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill();
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
