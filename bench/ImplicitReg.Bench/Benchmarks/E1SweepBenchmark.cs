using System.Collections.Concurrent;
using System.Diagnostics;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// The E1 sweep's wall time against NumPy: a stated deterministic slice of the full E1 sweep (the factorization
/// runs only: the peer has no nuclear-norm baseline) run by <c>reproduce</c>'s own machinery (plan, shard, worker
/// pool, CSVs and records written), against the same runs' descent loops in the NumPy peer (bench/peers/e1_numpy.py)
/// from the same start for the same number of steps, on as many worker processes as we use workers, each with one
/// OpenBLAS thread. The peer's clock starts after its processes have loaded their problems (start-up is not
/// counted for it) and it records nothing along the way, so the comparison favours the peer. Rounds alternate
/// which side goes first; reported are the median wall times and the median of the per-round ratios. Each run's
/// final loss must agree between the sides (relative 1e-6): that checks both took the same steps on the same data.
/// Options: --shard i/n (default 0/8 of the 72 runs), --max-steps K per run (default 1000; the full stopping rule
/// needs 25,000–55,000 steps per run), --jobs N (default: cores), --rounds R (default 3).
/// </summary>
public sealed class E1SweepBenchmark : IBenchmark
{
    /// <summary>Relative final-loss agreement per run (printed as 1e-6 below).</summary>
    private const double LossAgreement = 1e-6;

    // E1 at the authors' scale, as reproduce runs it: a 100 × 100 rank-5 target, lr 1e-3.
    private const int Size = E1DeepMatrixCompletion.FullSize, Rank = E1DeepMatrixCompletion.FullRank;
    private const double LearningRate = E1DeepMatrixCompletion.FullLearningRate;

    public string Name => "e1-sweep";
    public string Description => "E1 sweep wall time (a shard of the 72 runs, reproduce's pool) vs the same runs' NumPy loops";

    public int Run(string[] args, TextWriter output)
    {
        var shard = Shard.Parse(Text(args, "--shard", "0/8"));
        int maxSteps = NumericsPeer.Option(args, "--max-steps", 1000);
        int jobs = NumericsPeer.Option(args, "--jobs", Environment.ProcessorCount);
        int rounds = NumericsPeer.Option(args, "--rounds", 3);
        if (maxSteps < 1 || jobs < 1 || rounds < 1) throw new ArgumentException("--max-steps, --jobs and --rounds must be at least 1");
        var experiment = new E1DeepMatrixCompletion();
        var plan = (ReproductionPlan<E1DeepMatrixCompletion.Spec>)experiment.Plan(new ReproductionOptions { NoBaseline = true, MaxSteps = maxSteps });
        var runs = shard.Select(plan.Runs);
        output.WriteLine($"e1-sweep: shard {shard} of the full E1 sweep without baselines ({plan.RunCount} runs): {runs.Count} runs, each stopped at " +
                         $"loss 1e-6 or {maxSteps} steps; {jobs} workers per side; {rounds} alternating rounds");
        output.WriteLine($"  runs: {string.Join(" ", runs.Select(r => r.Id))}");
        var peerScript = NumericsPeer.FindPeer("e1_numpy.py");
        var problems = runs.Select(Problem).ToList();
        var root = Path.Combine(Path.GetTempPath(), $"implicitreg-e1-sweep-{Environment.ProcessId}");
        try
        {
            var ours = new List<double>();
            var theirs = new List<double>();
            IReadOnlyList<RunRecord> records = [];
            var mismatches = new List<string>();
            for (int r = 0; r < rounds; r++)
            {
                if (r % 2 == 1) theirs.Add(PeerSweep(peerScript, problems, records, jobs, root, mismatches));
                var clock = Stopwatch.StartNew();
                records = [.. Reproducer.Execute(experiment, plan, Path.Combine(root, "ours"), shard, jobs, null, CancellationToken.None).OrderBy(x => x.Index)];
                ours.Add(clock.Elapsed.TotalSeconds);
                if (r % 2 == 0) theirs.Add(PeerSweep(peerScript, problems, records, jobs, root, mismatches));
            }
            long steps = records.Sum(x => (long)x.Number("steps"));
            double oursMedian = NumericsPeer.Median(ours), peerMedian = NumericsPeer.Median(theirs);
            var ratio = NumericsPeer.Median(theirs.Select((t, i) => t / ours[i]).ToList());
            output.WriteLine($"  ours : median {NumericsPeer.F(oursMedian, "F2")} s wall for {steps} steps in all ({NumericsPeer.F(steps / oursMedian, "F0")} steps/s over {jobs} workers); rounds: {Seconds(ours)}");
            output.WriteLine($"  numpy: median {NumericsPeer.F(peerMedian, "F2")} s wall for the same steps ({NumericsPeer.F(steps / peerMedian, "F0")} steps/s over {jobs} processes, OPENBLAS_NUM_THREADS=1); rounds: {Seconds(theirs)}");
            output.WriteLine($"  ratio: our sweep is {NumericsPeer.F(ratio, "F2")}x faster than NumPy's (median of per-round wall-time ratios)");
            output.WriteLine(mismatches.Count == 0
                ? $"  same steps: every run's final loss agrees with the peer's to 1e-6 relative (ok)"
                : $"  same steps: MISMATCH in {string.Join("; ", mismatches.Distinct())}");
            return mismatches.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The problem JSON of one run, drawn exactly as E1's run does: target and observed set, then the layers, from the run's seed.</summary>
    private static string Problem(SweepRun<E1DeepMatrixCompletion.Spec> run)
    {
        var (problem, layers) = E1DeepMatrixCompletion.Draw(Size, Rank, run);
        return E1LoopBenchmark.DmfJson(problem, layers, new GroupRmsprop(LearningRate, GroupRmsprop.MatrixCompletionEpsilon));
    }

    /// <summary>
    /// One peer sweep: a fresh peer per run (started and loaded before the clock), then a pool of
    /// <paramref name="jobs"/> threads hands each peer the step count our run took (round 0 runs ours first, so
    /// the counts are known). Returns the wall time.
    /// </summary>
    private static double PeerSweep(string script, List<string> problems, IReadOnlyList<RunRecord> records, int jobs, string root, List<string> mismatches)
    {
        Directory.CreateDirectory(root);
        var env = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = "1" };
        var servers = new List<NumericsPeer.Server>();
        try
        {
            for (int i = 0; i < problems.Count; i++)
            {
                var path = Path.Combine(root, $"peer-{i}.json");
                File.WriteAllText(path, problems[i]);
                servers.Add(new NumericsPeer.Server(script, $"\"{path}\"", env));
            }
            foreach (var s in servers) s.Ask("loss"); // loaded and answering: the clock starts now
            var queue = new ConcurrentQueue<int>(Enumerable.Range(0, servers.Count));
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(() =>
            {
                while (queue.TryDequeue(out var i)) servers[i].Ask($"steps {(long)records[i].Number("steps")}");
            })).ToArray();
            Task.WaitAll(workers);
            var wall = clock.Elapsed.TotalSeconds;
            for (int i = 0; i < servers.Count; i++)
            {
                var ours = records[i].Number("loss");
                var peer = servers[i].Ask("loss").GetProperty("loss").GetDouble();
                var gap = Math.Abs(ours - peer) / Math.Max(Math.Abs(peer), double.Epsilon);
                if (!(gap <= LossAgreement)) mismatches.Add($"{records[i].Id}: ours {ours:E6}, NumPy {peer:E6}");
            }
            return wall;
        }
        finally
        {
            foreach (var s in servers) s.Dispose();
        }
    }

    private static string Seconds(IEnumerable<double> xs) => string.Join(" ", xs.Select(x => NumericsPeer.F(x, "F2")));

    private static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
    }
}
