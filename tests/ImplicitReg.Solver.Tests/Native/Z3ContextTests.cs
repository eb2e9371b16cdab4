using ImplicitReg.Solver.Native;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Native;

public sealed class Z3ContextTests
{
    [RequiresZ3Fact]
    public void AZ3ErrorBecomesAnExceptionAndTheContextStaysUsable()
    {
        using var ctx = new Z3Context();
        var x = ctx.RealConstant("x");
        var e = Assert.Throws<Z3Exception>(() => ctx.Add(x, ctx.True())); // Real + Bool: a sort error
        Assert.Contains("sort", e.Message, StringComparison.OrdinalIgnoreCase);
        // Z3's default handler would have called exit(1); the process and the context live on.
        using var solver = new Z3Solver(ctx, Z3Strategy.Default);
        solver.Assert(ctx.Gt(ctx.Mul(x, x), ctx.Real(2)));
        Assert.Equal(Z3Status.Sat, solver.Check());
    }

    [RequiresZ3Fact]
    public void RationalModelValuesComeBackExactly()
    {
        using var ctx = new Z3Context();
        var x = ctx.RealConstant("x");
        using var solver = new Z3Solver(ctx, Z3Strategy.Nlsat);
        solver.Assert(ctx.Eq(ctx.Mul(ctx.Real(3), x), ctx.Real(1)));
        Assert.Equal(Z3Status.Sat, solver.Check());
        using var model = solver.Model();
        var v = model.Evaluate(x);
        Assert.True(v.IsExact);
        Assert.Equal(new Rational(1, 3), v.Lower);
    }

    [RequiresZ3Fact]
    public void AlgebraicModelValuesComeBackAsAnIsolatingIntervalAndADecimal()
    {
        using var ctx = new Z3Context();
        var x = ctx.RealConstant("x");
        using var solver = new Z3Solver(ctx, Z3Strategy.Nlsat);
        solver.Assert(ctx.Eq(ctx.Mul(x, x), ctx.Real(2)));
        solver.Assert(ctx.Gt(x, ctx.Real(0)));
        Assert.Equal(Z3Status.Sat, solver.Check());
        using var model = solver.Model();
        var v = model.Evaluate(x);
        Assert.False(v.IsExact);
        Assert.StartsWith("1.41421356237309504880", v.Text);
        // The interval isolates sqrt(2): lower^2 < 2 < upper^2, and it is narrower than 1e-50.
        Assert.True(v.Lower * v.Lower < 2 && v.Upper * v.Upper > 2);
        Assert.True(v.Upper - v.Lower < new Rational(1, System.Numerics.BigInteger.Pow(10, 50)));
    }

    [RequiresZ3Fact]
    public void QuantifiersAreTranslated()
    {
        using var ctx = new Z3Context();
        var x = ctx.RealConstant("x");
        var y = ctx.RealConstant("y");
        // exists x forall y: x <= y^2 (x = 0 works) is true; forall y: y^2 < 0 is false.
        using (var s = new Z3Solver(ctx, Z3Strategy.Default))
        {
            s.Assert(ctx.Exists([x], ctx.ForAll([y], ctx.Le(x, ctx.Mul(y, y)))));
            Assert.Equal(Z3Status.Sat, s.Check());
        }
        using (var s = new Z3Solver(ctx, Z3Strategy.Default))
        {
            s.Assert(ctx.ForAll([y], ctx.Lt(ctx.Mul(y, y), ctx.Real(0))));
            Assert.Equal(Z3Status.Unsat, s.Check());
        }
    }

    [RequiresZ3Fact]
    public void CancellationInterruptsARunningCheckWhichAnswersUnknown()
    {
        using var ctx = new Z3Context();
        using var solver = new Z3Solver(ctx, Z3Strategy.Nlsat);
        foreach (var a in HardProblem(ctx)) solver.Assert(a);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(Z3Status.Unknown, solver.Check(cancel.Token));
        // Without the interrupt the check runs for well over 10 s; under a loaded CI machine Z3 may take a few
        // seconds to reach a point where it polls for cancellation, hence the generous bound.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains(solver.ReasonUnknown, new[] { "interrupted", "canceled" });
    }

    [RequiresZ3Fact]
    public void ATimeoutIsUnknownWithTimeoutAsTheReason()
    {
        using var ctx = new Z3Context();
        using var solver = new Z3Solver(ctx, Z3Strategy.Nlsat);
        solver.SetTimeout(150);
        foreach (var a in HardProblem(ctx)) solver.Assert(a);
        Assert.Equal(Z3Status.Unknown, solver.Check());
        Assert.Contains("timeout", solver.ReasonUnknown);
    }

    /// <summary>
    /// The M6 bound in natural assertion order with l eliminated through s: measured to run past 10 s with
    /// qfnra-nlsat (it is decided in ~30 ms in reverse order), so it stands for "hard".
    /// </summary>
    internal static Z3Term[] HardProblem(Z3Context c)
    {
        var (a, b, d, e, s) = (c.RealConstant("a"), c.RealConstant("b"), c.RealConstant("d"), c.RealConstant("e"), c.RealConstant("s"));
        var half = c.Real(new Rational(1, 2));
        var one = c.Real(1);
        Z3Term Sq(Z3Term t) => c.Mul(t, t);
        return
        [
            c.Ge(s, c.Real(0)),
            c.Not(c.Eq(s, c.Real(0))),
            c.Ge(a, c.Real(0)),
            c.Eq(c.Mul(half, Sq(s)), c.Add(c.Mul(half, Sq(e)), c.Mul(half, Sq(c.Sub(b, one))), c.Mul(half, Sq(c.Sub(d, one))))),
            c.Lt(c.Mul(half, Sq(s)), half),
            c.Gt(c.Sub(c.Mul(a, e), c.Mul(b, d)), c.Real(0)),
            c.Not(c.Gt(a, c.Div(Sq(c.Sub(one, s)), s))),
        ];
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolStarvation
{
    /// <summary>Tests that block the thread pool on purpose run alone, after the others.</summary>
    public const string Name = "thread pool starvation";
}

[Collection(ThreadPoolStarvation.Name)]
public sealed class Z3WatchdogTests
{
    [RequiresZ3Fact]
    public void ATimeoutIsHonouredWhileTheThreadPoolIsStarved()
    {
        // Regression: the watchdog was a thread-pool timer, and in a busy test host a 300 ms limit let Z3 run 13 s.
        // Here the pool is capped and every pool thread is blocked, so a pool timer could not fire until the
        // blockers give up (10 s); a watchdog of its own stops the check at its limit.
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        var capped = ThreadPool.SetMaxThreads(Math.Max(minWorkers, Environment.ProcessorCount), maxIo);
        using var release = new ManualResetEventSlim(false);
        var blockers = Enumerable.Range(0, 4 * Math.Max(minWorkers, Environment.ProcessorCount) + 8)
            .Select(_ => Task.Run(() => release.Wait(TimeSpan.FromSeconds(10))))
            .ToArray();
        using var ctx = new Z3Context();
        using var solver = new Z3Solver(ctx, Z3Strategy.Nlsat);
        solver.SetTimeout(150);
        foreach (var a in Z3ContextTests.HardProblem(ctx)) solver.Assert(a);
        var status = Z3Status.Sat;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The check runs on a thread of its own, so that a regression fails this test instead of hanging the host.
        var checker = new Thread(() => status = solver.Check()) { IsBackground = true };
        checker.Start();
        var stopped = checker.Join(TimeSpan.FromSeconds(3));
        var elapsed = clock.Elapsed;
        release.Set();
        if (capped) ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        if (!stopped) ctx.Interrupt();
        checker.Join();
        Task.WaitAll(blockers);
        Assert.True(stopped, $"a 150 ms limit was not enforced within 3 s while the pool was starved (pool capped: {capped})");
        Assert.Equal(Z3Status.Unknown, status);
        Assert.Contains("timeout", solver.ReasonUnknown);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
    }
}
