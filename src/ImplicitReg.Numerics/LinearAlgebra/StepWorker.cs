using System.Diagnostics;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// A helper thread that splits a gradient step over two cores (NumPy's OpenBLAS uses both too). The stepping
/// thread posts a <see cref="Job"/>, does its own share, then joins. Joining never blocks on a busy machine:
/// a job the helper has not started is run by the joining thread itself, and one the helper started but has
/// not finished within <see cref="StallTicks"/> (it was preempted) is recomputed by the joiner into its own
/// buffers (<see cref="Job.Fallback"/>), the helper's late result being ignored. Both paths run the same
/// arithmetic, so results are identical whichever thread computed them. The helper spins briefly between
/// jobs (a step posts every few tens of microseconds) and sleeps when idle.
/// </summary>
public sealed class StepWorker : IDisposable
{
    private const int Idle = 0, Posted = 1, Running = 2, Finished = 3, Claimed = 4;

    /// <summary>How long the joiner waits for a started job before recomputing it (≈ 150 µs).</summary>
    public static readonly long StallTicks = Stopwatch.Frequency / 6_000;

    /// <summary>How long the helper spins for the next job before sleeping (≈ 1 ms).</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 1_000;

    private readonly Thread _thread;
    private readonly SemaphoreSlim _wake = new(0);
    private Job? _pending;
    private int _sleeping;
    private volatile bool _stop;

    /// <summary>Starts the helper thread.</summary>
    public StepWorker()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "implicitreg step worker" };
        _thread.Start();
    }

    /// <summary>A unit of work with its fallback (same arithmetic, the joiner's own buffers).</summary>
    public sealed class Job(Action body, Action fallback)
    {
        internal int State;
        internal bool OfferedThisStep;
        internal Action Body { get; } = body;
        internal Action Fallback { get; } = fallback;
    }

    /// <summary>Offers the job to the helper (unless the helper is still busy with a stalled earlier run of it).</summary>
    public void Post(Job job)
    {
        // A stalled earlier run still in flight would finish with stale inputs: do not offer; Join falls back.
        job.OfferedThisStep = Volatile.Read(ref job.State) != Running;
        if (!job.OfferedThisStep) return;
        Volatile.Write(ref job.State, Posted);
        Interlocked.Exchange(ref _pending, job);
        if (Interlocked.CompareExchange(ref _sleeping, 0, 1) == 1) _wake.Release();
    }

    /// <summary>How many joined jobs the helper had actually done (the rest the joiner did itself).</summary>
    public long HelperDone { get; private set; }

    /// <summary>
    /// Waits for the job; returns true when its body's buffers hold the result (the helper finished it, or this
    /// thread ran the body because the helper had not started), false when the fallback was run instead.
    /// </summary>
    public bool Join(Job job)
    {
        if (!job.OfferedThisStep)
        {
            job.Fallback();
            return false;
        }
        job.OfferedThisStep = false;
        int state = Interlocked.CompareExchange(ref job.State, Claimed, Posted);
        if (state == Posted)
        {
            job.Body(); // the helper never took it
            Volatile.Write(ref job.State, Idle);
            return true;
        }
        if (state == Running)
        {
            var deadline = Stopwatch.GetTimestamp() + StallTicks;
            var spin = new SpinWait();
            while (Volatile.Read(ref job.State) == Running && Stopwatch.GetTimestamp() < deadline) spin.SpinOnce(-1);
            state = Volatile.Read(ref job.State);
        }
        if (state == Finished)
        {
            HelperDone++;
            Volatile.Write(ref job.State, Idle);
            return true;
        }
        job.Fallback(); // stalled (or never posted): recompute here; the helper's late write goes unused
        return false;
    }

    private void Loop()
    {
        var lastWork = Stopwatch.GetTimestamp();
        var spin = new SpinWait();
        while (!_stop)
        {
            var job = Interlocked.Exchange(ref _pending, null);
            if (job is not null)
            {
                if (Interlocked.CompareExchange(ref job.State, Running, Posted) == Posted)
                {
                    job.Body();
                    Volatile.Write(ref job.State, Finished);
                }
                lastWork = Stopwatch.GetTimestamp();
                spin.Reset();
                continue;
            }
            if (Stopwatch.GetTimestamp() - lastWork < SpinTicks)
            {
                spin.SpinOnce(-1);
                continue;
            }
            Interlocked.Exchange(ref _sleeping, 1);
            if (Volatile.Read(ref _pending) is null && !_stop) _wake.Wait();
            Interlocked.Exchange(ref _sleeping, 0);
            lastWork = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Stops and joins the helper thread.</summary>
    public void Dispose()
    {
        _stop = true;
        _wake.Release();
        _thread.Join();
        _wake.Dispose();
    }
}
