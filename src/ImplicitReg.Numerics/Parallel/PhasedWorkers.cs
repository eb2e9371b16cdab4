namespace ImplicitReg.Numerics.Parallel;

/// <summary>
/// A fixed team of workers for one computation that is split into phases, each worker doing its own share of
/// every phase: the caller is worker 0, and workers 1 … N−1 are persistent background threads started once
/// (a lone simulation takes thousands of steps of ~0.1 ms, too short to hand to the thread pool each time).
/// Between phases the team meets at a <see cref="Barrier"/> (the BCL's, which spins briefly and then blocks, so
/// idle workers cost no CPU). With one worker nothing is started and <see cref="Sync"/> does nothing.
/// Determinism is the job's business: if every output element is written by one worker in a fixed order, the
/// result does not depend on the number of workers.
/// </summary>
public sealed class PhasedWorkers : IDisposable
{
    private readonly Barrier? _barrier;
    private readonly Thread[] _helpers;
    private Action<int>? _job;
    private volatile bool _stopping;
    private volatile Exception? _failure;
    private bool _disposed;

    /// <summary>A team of <paramref name="workers"/> (≥ 1) workers, the caller included.</summary>
    public PhasedWorkers(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Count = workers;
        _helpers = new Thread[workers - 1];
        if (workers == 1) return;
        _barrier = new Barrier(workers);
        for (int i = 1; i < workers; i++)
        {
            int index = i;
            _helpers[i - 1] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"implicitreg worker {index}" };
            _helpers[i - 1].Start();
        }
    }

    /// <summary>Number of workers, the caller included.</summary>
    public int Count { get; }

    /// <summary>
    /// Runs <paramref name="job"/>(w) on every worker w at once (the caller runs w = 0) and returns when all are done.
    /// The job calls <see cref="Sync"/> between its phases, the same number of times on every worker.
    /// </summary>
    public void Run(Action<int> job)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_barrier is null)
        {
            job(0);
            return;
        }
        if (_failure is { } earlier) throw new InvalidOperationException("a worker failed earlier", earlier);
        _job = job;
        _barrier.SignalAndWait();   // start
        job(0);
        _barrier.SignalAndWait();   // finish
        if (_failure is { } failure) throw new InvalidOperationException("a worker failed", failure);
    }

    /// <summary>Waits until every worker has reached this point of the job (a no-op with one worker).</summary>
    public void Sync() => _barrier?.SignalAndWait();

    private void Loop(int index)
    {
        var barrier = _barrier!;
        while (true)
        {
            barrier.SignalAndWait();
            if (_stopping) return;
            try
            {
                _job!(index);
            }
            catch (Exception e)
            {
                // Leave the team so the caller's remaining waits do not hang; Run reports the failure.
                _failure = e;
                barrier.RemoveParticipant();
                return;
            }
            barrier.SignalAndWait();
        }
    }

    /// <summary>Stops the helper threads.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_barrier is null) return;
        _stopping = true;
        if (_barrier.ParticipantCount > 1) _barrier.SignalAndWait();
        foreach (var t in _helpers) t.Join();
        _barrier.Dispose();
    }
}
