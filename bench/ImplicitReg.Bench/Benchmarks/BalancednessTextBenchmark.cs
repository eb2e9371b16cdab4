using System.Diagnostics;
using System.Globalization;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// The balancedness identity of deep matrix factorization handed over as text and expanded, whole process:
/// <c>implicitreg expr expand @file</c> against SymPy (<c>sympify</c> then <c>expand</c>) and FORM 4.3, side by
/// side in one run. bench/peers/balancedness_text.py writes the same expression for all three (our notation
/// <c>W4[1,2]</c> for us, <c>W412</c> for the peers) and the FORM program; every tool must print 0. Our CLI
/// runs as published by this benchmark (ReadyToRun, the way to deploy it) and, for comparison, as built.
/// An in-process breakdown (read, direct parse+expand, print; then the tree path: read, parse, expand) says where
/// our time goes.
/// Options: --depths 4,5 --size 4 --reps 5 (ours and FORM) --sympy-reps 1 (0 skips SymPy) --sympy-depth 4;
/// --breakdown-only runs the in-process breakdown alone (no publishing, no whole-process runs, no peers).
/// </summary>
public sealed class BalancednessTextBenchmark : IBenchmark
{
    public string Name => "balancedness-text";

    public string Description => "balancedness identity from text, whole process: implicitreg expr expand vs SymPy and FORM";

    public int Run(string[] args, TextWriter output)
    {
        var depths = (TextOption(args, "--depths") ?? "4,5").Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToList();
        int size = NumericsPeer.Option(args, "--size", 4), reps = NumericsPeer.Option(args, "--reps", 5);
        int sympyReps = NumericsPeer.Option(args, "--sympy-reps", 1), sympyDepth = NumericsPeer.Option(args, "--sympy-depth", 4);
        output.WriteLine($"balancedness-text: depths {string.Join(",", depths)}, {size}x{size} layers, arbitrary G; whole process, medians");

        var root = RepositoryRoot();
        var work = Directory.CreateDirectory(Path.Combine(root, "bench", "results", "balancedness-text")).FullName;
        bool breakdownOnly = args.Contains("--breakdown-only");
        var published = breakdownOnly ? "" : Publish(root, Path.Combine(work, "cli"), output);
        var built = Path.Combine(root, "src", "ImplicitReg.Cli", "bin", "Release", "net10.0", "implicitreg");
        var form = FindOnPath("form");
        int status = 0;
        foreach (var depth in depths)
        {
            var ours = Path.Combine(work, $"ours-d{depth}.txt");
            var plain = Path.Combine(work, $"plain-d{depth}.txt");
            var program = Path.Combine(work, $"form-d{depth}.frm");
            NumericsPeer.Run(NumericsPeer.FindPeer("balancedness_text.py"), $"{depth} {size} \"{ours}\" \"{plain}\" \"{program}\"");
            output.WriteLine($"depth {depth}: text {new FileInfo(ours).Length / 1e6:F2} MB (ours), {new FileInfo(plain).Length / 1e6:F2} MB (peers)");
            Breakdown(ours, output);
            if (breakdownOnly) continue;

            var r2r = Time(published, ["expr", "expand", "@" + ours], reps, "0", work, out var ok, out var r2rCpu);
            status |= ok ? 0 : 1;
            Report(output, "ours (published, ReadyToRun)", r2r, r2rCpu, reps, ok);
            if (File.Exists(built))
            {
                var jit = Time(built, ["expr", "expand", "@" + ours], reps, "0", work, out ok, out var jitCpu);
                status |= ok ? 0 : 1;
                Report(output, "ours (dotnet build output)", jit, jitCpu, reps, ok);
            }
            if (form is not null)
            {
                var f = Time(form, ["-q", Path.GetFileName(program)], reps, "F = 0;", work, out ok, out var formCpu);
                status |= ok ? 0 : 1;
                Report(output, "FORM " + FormVersion(form), f, formCpu, reps, ok);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  ratio: ours takes {r2r / f:F2}x FORM's wall time, {r2rCpu / formCpu:F2}x its CPU time (goal at depth 5: at most 3x)"));
            }
            else output.WriteLine("  FORM: not installed (bash scripts/setup.sh installs the Debian package 'form')");
            if (sympyReps > 0 && depth == sympyDepth)
            {
                var s = Time("python3", [NumericsPeer.FindPeer("balancedness_text_sympy.py"), plain], sympyReps, "0", work, out ok, out var sympyCpu);
                status |= ok ? 0 : 1;
                Report(output, $"SymPy {SympyVersion()} (python3, sympify + expand)", s, sympyCpu, sympyReps, ok);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  ratio: ours is {s / r2r:F0}x faster than SymPy in wall time, {sympyCpu / r2rCpu:F0}x in CPU time (goal at depth 4: at least 60x)"));
            }
        }
        return status;
    }

    /// <summary>
    /// Where our time goes inside one process, on the direct path that <c>expr expand @file</c> takes and, for
    /// comparison, on the tree path (the results must be equal): the first (cold: JIT of what ReadyToRun does not
    /// cover here) and a warm pass, each step as CPU time of this process (all its threads, the garbage collector's included:
    /// on a shared machine wall time mostly measures the other processes) and the bytes it allocated.
    /// </summary>
    private static void Breakdown(string file, TextWriter output)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var steps = new List<(string Name, double Ms, long Bytes)>();
            var process = Process.GetCurrentProcess();
            var lastCpu = process.TotalProcessorTime;
            long lastBytes = GC.GetTotalAllocatedBytes(precise: true);
            void Step(string name)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                long bytes = GC.GetTotalAllocatedBytes(precise: true);
                steps.Add((name, (cpu - lastCpu).TotalMilliseconds, bytes - lastBytes));
                (lastCpu, lastBytes) = (cpu, bytes);
            }
            // What 'expr expand @file' runs: the bytes straight into the direct expansion (no string, no tree) ...
            var bytes = File.ReadAllBytes(file);
            Step("read bytes");
            if (!Parser.TryParseExpanded(bytes, out var expanded)) throw new InvalidOperationException("the direct expansion refused the text");
            Step("direct parse+expand");
            var printed = expanded.ToString();
            Step("print");
            // ... and, for comparison, the general path: decode, parse into a tree, expand the tree.
            var text = File.ReadAllText(file);
            Step("| tree path: read text");
            var e = Parser.ParseWithDomain(text, out _);
            Step("parse");
            var viaTree = Algebra.Expand(e);
            Step("expand");
            if (!expanded.Equals(viaTree)) throw new InvalidOperationException($"the two paths differ: '{viaTree}' and '{printed}'");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  in-process ({(pass == 0 ? "cold" : "warm")}, CPU time and allocations): {string.Join(", ", steps.Select(s => $"{s.Name} {s.Ms:F0} ms {s.Bytes / 1e6:F0} MB"))} -> '{printed}'"));
        }
    }

    private static void Report(TextWriter output, string who, double median, double cpu, int reps, bool ok) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {who,-36} median {median:F3} s wall, {cpu:F3} s CPU over {reps} runs{(ok ? "" : "  FAILED: did not print 0")}"));

    /// <summary>
    /// Median wall time of whole runs of a program, and the median CPU time (user + system) of those runs from
    /// getrusage(RUSAGE_CHILDREN), which a shared machine inflates far less than the wall time;
    /// <paramref name="ok"/> is false unless every run printed <paramref name="expected"/>.
    /// </summary>
    private static double Time(string program, string[] arguments, int reps, string expected, string directory, out bool ok, out double cpu)
    {
        var seconds = new List<double>();
        var cpus = new List<double>();
        ok = true;
        for (int i = 0; i < reps; i++)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            double cpuBefore = ChildrenCpuSeconds();
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            seconds.Add(clock.Elapsed.TotalSeconds);
            cpus.Add(ChildrenCpuSeconds() - cpuBefore);
            var printed = stdout.Result.Trim();
            if (p.ExitCode != 0 || !printed.Split('\n').Any(line => line.Trim() == expected))
            {
                ok = false;
                Console.Error.WriteLine($"{program} exited {p.ExitCode}: {Shorten(printed)} {Shorten(stderr.Result)}");
            }
        }
        cpu = NumericsPeer.Median(cpus);
        return NumericsPeer.Median(seconds);
    }

    /// <summary>User + system CPU seconds of every child process waited for so far (0 where getrusage is missing).</summary>
    private static double ChildrenCpuSeconds()
    {
        try
        {
            return GetRusage(-1, out var u) == 0 ? u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6 : 0;
        }
        catch (DllNotFoundException)
        {
            return 0;
        }
        catch (EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>The head of Linux's struct rusage (two struct timeval) and the 14 longs after them.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    /// <summary>Publishes the CLI with its publish settings (ReadyToRun) into <paramref name="directory"/>.</summary>
    private static string Publish(string root, string directory, TextWriter output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var a in new[] { "publish", "src/ImplicitReg.Cli", "-c", "Release", "--nologo", "-v", "q", "-o", directory }) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"dotnet publish src/ImplicitReg.Cli failed: {stdout.Result}{stderr.Result}");
        output.WriteLine($"ours: dotnet publish src/ImplicitReg.Cli -c Release -o {Path.GetRelativePath(root, directory)}");
        return Path.Combine(directory, "implicitreg");
    }

    private static string FormVersion(string form)
    {
        // 'form -v' prints e.g. "FORM 4.3.0 (Jan  4 2023, v4.3.0) 64-bits" and exits.
        var words = Output(form, "-v").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[0] == "FORM" ? words[1] : "";
    }

    /// <summary>The SymPy version of the first <c>python3</c> on PATH (the peer's interpreter), or "" if it has none.</summary>
    private static string SympyVersion() => Output("python3", "-c \"import sympy; print(sympy.__version__)\"").Trim();

    /// <summary>What a short program prints on standard output ("" if it cannot start).</summary>
    private static string Output(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var p = Process.Start(info);
            if (p is null) return "";
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? text : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImplicitReg.Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"ImplicitReg.Verify.sln not found above {AppContext.BaseDirectory}");
    }

    private static string? TextOption(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
