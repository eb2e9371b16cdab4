using System.Diagnostics;

namespace ImplicitReg.Experiments.Sweeps;

/// <summary>
/// Runs the runs of a sweep on a pool of worker threads, each taking the next run not yet started. A run is
/// single-threaded and depends only on its own spec and seed, so the records are the same for any number of
/// workers and any order of completion; they are returned in sweep order.
/// </summary>
public static class SweepExecutor
{
    /// <summary>The default pool size: one worker per core.</summary>
    public static int DefaultJobs => Environment.ProcessorCount;

    /// <param name="runs">The runs to execute (a shard, or the whole sweep).</param>
    /// <param name="execute">Executes one run and returns its record (called from a worker thread).</param>
    /// <param name="jobs">Pool size, at least 1 (a pool of one is a serial run).</param>
    /// <param name="onDone">Called, on the worker thread, after each run with its record (e.g. to write its file).</param>
    /// <param name="cancel">Stops workers from starting further runs.</param>
    /// <exception cref="AggregateException">A run threw; the other workers finish their current run and start no other.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was requested, before or during a run (runs that finished kept their records).</exception>
    public static IReadOnlyList<RunRecord> Execute<TSpec>(IReadOnlyList<SweepRun<TSpec>> runs,
        Func<SweepRun<TSpec>, CancellationToken, RunRecord> execute, int jobs, Action<RunRecord>? onDone = null,
        CancellationToken cancel = default)
    {
        if (jobs < 1) throw new ArgumentException($"--jobs must be at least 1, got {jobs}");
        var records = new RunRecord?[runs.Count];
        var errors = new List<Exception>();
        int next = -1;
        void Work()
        {
            while (!cancel.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= runs.Count) return;
                lock (errors)
                    if (errors.Count > 0) return;
                try
                {
                    var clock = Stopwatch.StartNew();
                    var record = execute(runs[i], cancel);
                    record.Seconds = clock.Elapsed.TotalSeconds;
                    records[i] = record;
                    onDone?.Invoke(record);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    // A run stopped by the request (Ctrl-C) is an interruption, not a failure: the sweep ends as one below.
                    return;
                }
                catch (Exception e)
                {
                    lock (errors) errors.Add(e);
                    return;
                }
            }
        }
        int workers = Math.Min(jobs, Math.Max(1, runs.Count));
        if (workers == 1) Work();
        else
        {
            // Dedicated threads rather than the thread pool: runs last seconds to minutes, and a starved pool
            // would serialize them silently.
            var threads = Enumerable.Range(0, workers).Select(k => new Thread(Work) { IsBackground = true, Name = $"sweep worker {k}" }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        if (errors.Count > 0) throw new AggregateException(errors);
        cancel.ThrowIfCancellationRequested();
        return records.Select(r => r!).ToList();
    }
}
