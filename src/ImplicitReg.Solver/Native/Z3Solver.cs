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
    Unsat = -1,
    Unknown = 0,
    Sat = 1,
}

/// <summary>
/// A Z3 solver of one context, with a timeout (Z3's <c>timeout</c> parameter) and a watchdog that interrupts a
/// check running past the timeout plus a grace period, or on cancellation: a hang becomes <c>unknown</c>.
/// </summary>
public sealed class Z3Solver : IDisposable
{
    /// <summary>How long past its own timeout Z3 may run before the watchdog interrupts it.</summary>
    public static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(1);

    private readonly Z3Context _context;
    private readonly IntPtr _solver;
    private readonly Lock _gate = new();
    private bool _running;
    private bool _disposed;
    private uint _timeoutMs;

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

    /// <summary>Sets Z3's timeout for each check, in milliseconds (0 = none).</summary>
    public void SetTimeout(uint milliseconds)
    {
        _timeoutMs = milliseconds;
        var raw = _context.Raw;
        var p = _context.Checked(Z3Native.Z3_mk_params(raw), "Z3_mk_params");
        Z3Native.Z3_params_inc_ref(raw, p);
        try
        {
            var key = _context.Checked(Z3Native.Z3_mk_string_symbol(raw, "timeout"), "Z3_mk_string_symbol");
            Z3Native.Z3_params_set_uint(raw, p, key, milliseconds);
            _context.Check();
            Z3Native.Z3_solver_set_params(raw, _solver, p);
            _context.Check();
        }
        finally
        {
            Z3Native.Z3_params_dec_ref(raw, p);
        }
    }

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
        if (cancel.IsCancellationRequested) return Z3Status.Unknown;
        lock (_gate) _running = true;
        var guard = _timeoutMs == 0 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(_timeoutMs) + WatchdogGrace;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var watchdog = new Timer(_ =>
        {
            if (cancel.IsCancellationRequested || clock.Elapsed > guard) InterruptIfRunning();
        }, null, WatchdogPeriod, WatchdogPeriod);
        int result;
        try
        {
            result = Z3Native.Z3_solver_check(_context.Raw, _solver);
        }
        finally
        {
            // A late interrupt would cancel later calls on this context (model evaluation): close the window first.
            lock (_gate) _running = false;
        }
        _context.Check();
        return result switch
        {
            < 0 => Z3Status.Unsat,
            > 0 => Z3Status.Sat,
            _ => Z3Status.Unknown,
        };
    }

    /// <summary>Z3's explanation of the last <see cref="Z3Status.Unknown"/> (e.g. <c>timeout</c>, <c>canceled</c>).</summary>
    public string ReasonUnknown
    {
        get
        {
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
