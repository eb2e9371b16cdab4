namespace ImplicitReg.Solver.Native;

/// <summary>How Z3 is asked to decide an obligation.</summary>
public enum Z3Strategy
{
    /// <summary><c>Z3_mk_solver</c>: Z3's general combination (SMT core with nonlinear arithmetic).</summary>
    Default,
    /// <summary>The <c>qfnra-nlsat</c> tactic as a solver: complete for quantifier-free nonlinear real arithmetic.</summary>
    Nlsat,
}

/// <summary>The answer of <see cref="Z3Solver.Check"/>.</summary>
public enum Z3Status
{
    /// <summary>No solution.</summary>
    Unsat = -1,
    /// <summary>Undecided.</summary>
    Unknown = 0,
    /// <summary>A solution exists.</summary>
    Sat = 1,
}

/// <summary>
/// A Z3 solver of one context, with a time limit enforced by a watchdog that calls <c>Z3_interrupt</c> when
/// the limit passes or the caller cancels: a long or hung check becomes <c>unknown</c>. Z3's own
/// <c>timeout</c> parameter is deliberately not used: in 4.8.12 it runs on a shared timer thread pool
/// (<c>scoped_timer</c>) that can deadlock when several contexts time out at once (Z3Prover/z3 #5371, #5990;
/// seen here as a test host hung in two <c>Z3_solver_check</c> calls blocked inside <c>scoped_timer</c>).
/// </summary>
public sealed class Z3Solver : IDisposable
{
    private readonly Z3Context _context;
    private readonly IntPtr _solver;
    private readonly Lock _gate = new();
    private bool _running;
    private bool _disposed;
    private uint _timeoutMs;
    private bool _timedOut;
    private bool _canceled;

    /// <summary>A solver of <paramref name="context"/> using <paramref name="strategy"/>.</summary>
    public Z3Solver(Z3Context context, Z3Strategy strategy)
    {
        _context = context;
        if (strategy == Z3Strategy.Nlsat)
        {
            var tactic = context.Checked(Z3Native.Z3_mk_tactic(context.Raw, "qfnra-nlsat"), "Z3_mk_tactic");
            Z3Native.Z3_tactic_inc_ref(context.Raw, tactic);
            try
            {
                _solver = context.Checked(Z3Native.Z3_mk_solver_from_tactic(context.Raw, tactic), "Z3_mk_solver_from_tactic");
            }
            finally
            {
                Z3Native.Z3_tactic_dec_ref(context.Raw, tactic);
            }
        }
        else
        {
            _solver = context.Checked(Z3Native.Z3_mk_solver(context.Raw), "Z3_mk_solver");
        }
        Z3Native.Z3_solver_inc_ref(context.Raw, _solver);
        context.Check();
    }

    /// <summary>Sets the time limit of each check, in milliseconds (0 = none).</summary>
    public void SetTimeout(uint milliseconds) => _timeoutMs = milliseconds;

    /// <summary>Adds an assertion.</summary>
    public void Assert(Z3Term assertion)
    {
        Z3Native.Z3_solver_assert(_context.Raw, _solver, assertion.Handle);
        _context.Check();
    }

    /// <summary>How often the watchdog looks at the clock and the cancellation token.</summary>
    public static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Decides the asserted formulas; a timeout, interruption or give-up is <see cref="Z3Status.Unknown"/>.
    /// The watchdog re-sends the interrupt every period while it is due, so an interrupt that lands just
    /// before Z3 starts (and is reset by it) is not lost.
    /// </summary>
    public Z3Status Check(CancellationToken cancel = default)
    {
        _timedOut = false;
        _canceled = false;
        if (cancel.IsCancellationRequested)
        {
            _canceled = true;
            return Z3Status.Unknown;
        }
        lock (_gate) _running = true;
        var limit = _timeoutMs == 0 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(_timeoutMs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A dedicated thread, not a thread-pool timer: under load (a test host, a busy catalogue run) the pool
        // can be starved for seconds, and a timer callback that waits for a pool thread misses its deadline.
        using var finished = new ManualResetEventSlim(false);
        var watchdog = new Thread(() =>
        {
            while (!finished.Wait(WatchdogPeriod))
            {
                if (cancel.IsCancellationRequested) _canceled = true;
                else if (clock.Elapsed >= limit) _timedOut = true;
                else continue;
                InterruptIfRunning();
            }
        })
        { IsBackground = true, Name = "z3 watchdog" };
        watchdog.Start();
        int result;
        try
        {
            result = Z3Native.Z3_solver_check(_context.Raw, _solver);
        }
        finally
        {
            // A late interrupt would cancel later calls on this context (model evaluation): close the window first.
            lock (_gate) _running = false;
            finished.Set();
            watchdog.Join();
        }
        _context.Check();
        return result switch
        {
            < 0 => Z3Status.Unsat,
            > 0 => Z3Status.Sat,
            _ => Z3Status.Unknown,
        };
    }

    /// <summary>
    /// Why the last check answered <see cref="Z3Status.Unknown"/>: <c>timeout</c> or <c>canceled</c> when the
    /// watchdog stopped it, otherwise Z3's own explanation (e.g. <c>incomplete</c>).
    /// </summary>
    public string ReasonUnknown
    {
        get
        {
            if (_timedOut) return "timeout";
            if (_canceled) return "canceled";
            var s = Z3Native.Z3_solver_get_reason_unknown(_context.Raw, _solver);
            _context.Check();
            return Z3Library.CopyString(s);
        }
    }

    /// <summary>The model of the last <see cref="Z3Status.Sat"/> check.</summary>
    public Z3Model Model()
    {
        var m = _context.Checked(Z3Native.Z3_solver_get_model(_context.Raw, _solver), "Z3_solver_get_model");
        return new Z3Model(_context, m);
    }

    private void InterruptIfRunning()
    {
        lock (_gate)
        {
            if (_running && !_disposed) _context.Interrupt();
        }
    }

    /// <summary>Releases the solver's reference (once; later calls do nothing).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        if (!_context.IsDisposed) Z3Native.Z3_solver_dec_ref(_context.Raw, _solver);
    }
}
