using System.Diagnostics;
using System.Globalization;

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

    public static string Run(string script, string arguments)
    {
        var info = new ProcessStartInfo(Python, $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Python} {script} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    public static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A peer kept running and driven by one-line commands, each answered by one line of JSON.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Process _process;

        public Server(string script, string arguments)
        {
            var info = new ProcessStartInfo(Python, $"\"{script}\" {arguments}")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
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
