using System.Diagnostics;
using System.Text;

namespace ImplicitReg.Cli.Tests.Slurm;

/// <summary>
/// A single-node Slurm cluster started by <c>scripts/slurm/local-cluster.sh</c> in a temporary directory (all
/// configuration and state there) and stopped, on dispose, by the PIDs that script recorded. Started lazily by the
/// first test that needs it, so a skipped class starts nothing.
/// </summary>
public sealed class LocalSlurmCluster : IDisposable
{
    private readonly Lock _gate = new();
    private string? _directory;

    /// <summary>
    /// Also stops the cluster when the test host exits: seen once here, the host ended without disposing the
    /// collection fixture and the three daemons outlived it.
    /// </summary>
    public LocalSlurmCluster() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();

    /// <summary>The repository root (where ImplicitReg.Verify.sln is).</summary>
    public static string RepositoryRoot => ImplicitReg.Testing.RepositoryRoot.Path;

    public static string Scripts => Path.Combine(RepositoryRoot, "scripts", "slurm");

    /// <summary>The cluster directory; starts the cluster on first use.</summary>
    public string Directory
    {
        get
        {
            lock (_gate)
            {
                if (_directory is not null) return _directory;
                var dir = Path.Combine(Path.GetTempPath(), "implicitreg-slurm-" + Guid.NewGuid().ToString("N")[..8]);
                var start = Run("bash", [Path.Combine(Scripts, "local-cluster.sh"), "start", dir], TimeSpan.FromMinutes(3));
                _directory = dir;
                if (start.ExitCode != 0)
                    throw new InvalidOperationException($"local-cluster.sh start failed ({start.ExitCode}):\n{start.Output}");
                return dir;
            }
        }
    }

    /// <summary>The environment every Slurm client call needs.</summary>
    public Dictionary<string, string> Environment => new() { ["SLURM_CONF"] = Path.Combine(Directory, "slurm.conf") };

    /// <summary>Runs a command with SLURM_CONF set (and the extra variables given).</summary>
    public ProcessOutcome Client(string file, IReadOnlyList<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = Environment;
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        return Run(file, arguments, limit, env);
    }

    /// <summary>Waits until the job is no longer pending or running; returns its final state (e.g. COMPLETED).</summary>
    public string WaitForJob(string jobId, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var show = Client("scontrol", ["show", "job", jobId, "-o"], TimeSpan.FromSeconds(30));
            var states = show.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' ').FirstOrDefault(f => f.StartsWith("JobState=", StringComparison.Ordinal))?["JobState=".Length..])
                .Where(s => s is not null).ToList();
            if (show.ExitCode == 0 && states.Count > 0 && states.All(s => s is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING")))
                return string.Join(",", states.Distinct());
            Thread.Sleep(200);
        }
        throw new TimeoutException($"job {jobId} still pending or running after {limit.TotalSeconds:F0} s");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_directory is null) return;
            Run("bash", [Path.Combine(Scripts, "local-cluster.sh"), "stop", _directory], TimeSpan.FromMinutes(1));
            try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _directory = null;
        }
    }

    /// <summary>Runs a process to completion (killed at the limit), capturing stdout and stderr together.</summary>
    public static ProcessOutcome Run(string file, IReadOnlyList<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessOutcome(-1, output + $"\n(killed after {limit.TotalSeconds:F0} s)");
        }
        process.WaitForExit();
        return new ProcessOutcome(process.ExitCode, output.ToString());
    }
}

/// <summary>Exit code and combined output of a finished process.</summary>
public sealed record ProcessOutcome(int ExitCode, string Output);
