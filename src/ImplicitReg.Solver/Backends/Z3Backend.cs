using System.Diagnostics;
using ImplicitReg.Solver.Native;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;

namespace ImplicitReg.Solver.Backends;

/// <summary>Which Z3 strategies <see cref="Z3Backend"/> runs.</summary>
public enum Z3Plan
{
    /// <summary>A portfolio: <c>qfnra-nlsat</c> on two assertion orders, joined after 150 ms by Z3's default solver on both.</summary>
    Auto,
    /// <summary>Only <c>qfnra-nlsat</c> (both orders).</summary>
    Nlsat,
    /// <summary>Only Z3's default solver (both orders).</summary>
    Default,
}

/// <summary>
/// One way of asking Z3: a strategy, an assertion order, and a delay before it starts (so that on two cores
/// the usual winners are not slowed by attempts that are rarely needed).
/// </summary>
public sealed record Z3Attempt(Z3Strategy Strategy, AssertionOrder Order, TimeSpan StartAfter = default)
{
    /// <summary>The strategy and order as shown in verdicts (<c>qfnra-nlsat (reversed)</c>).</summary>
    public override string ToString() =>
        (Strategy == Z3Strategy.Nlsat ? "qfnra-nlsat" : "default") + (Order == AssertionOrder.Reversed ? " (reversed)" : "");
}

/// <summary>
/// The in-process Z3 backend. Each attempt gets its own context (one context per obligation and attempt),
/// the obligation translated from the kernel, Z3's timeout plus a watchdog, and the model read back exactly.
/// Attempts run in parallel; the first definite answer wins and the others are interrupted. Nonlinear
/// real arithmetic is decidable but Z3's run time depends on variable order, so a small portfolio turns
/// timeouts into milliseconds (docs/theory.md, solving notes) without ever changing what is decided.
/// </summary>
public sealed class Z3Backend : ISolverBackend
{
    private readonly IReadOnlyList<Z3Attempt> _attempts;

    /// <summary>A backend running the portfolio of <paramref name="plan"/>.</summary>
    public Z3Backend(Z3Plan plan = Z3Plan.Auto) => _attempts = AttemptsOf(plan);

    /// <summary>A backend running exactly the given attempts (e.g. one order only, to measure it).</summary>
    public Z3Backend(IReadOnlyList<Z3Attempt> attempts) =>
        _attempts = attempts.Count > 0 ? attempts : throw new ArgumentException("at least one attempt is needed", nameof(attempts));

    /// <summary>Delay of the second wave of the portfolio (Z3's default solver), measured to cost little.</summary>
    public static readonly TimeSpan SecondWave = TimeSpan.FromMilliseconds(150);

    /// <summary>How long losing attempts may take to stop after the winner is known.</summary>
    public static readonly TimeSpan LoserGrace = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public string Name => "z3 (in-process)";

    /// <summary>
    /// One deterministic Z3 strategy, <c>qfnra-nlsat</c> on the natural order: which attempt of a portfolio wins, and so
    /// which model comes back, varies with timing.
    /// </summary>
    public ISolverBackend Deterministic => SingleNlsat;

    private static readonly Z3Backend SingleNlsat = new([new Z3Attempt(Z3Strategy.Nlsat, AssertionOrder.Natural)]);

    /// <summary>The attempts of the portfolio, in start order.</summary>
    public IReadOnlyList<Z3Attempt> Attempts => _attempts;

    private static IReadOnlyList<Z3Attempt> AttemptsOf(Z3Plan plan) => plan switch
    {
        Z3Plan.Nlsat => [new(Z3Strategy.Nlsat, AssertionOrder.Reversed), new(Z3Strategy.Nlsat, AssertionOrder.Natural)],
        Z3Plan.Default => [new(Z3Strategy.Default, AssertionOrder.Reversed), new(Z3Strategy.Default, AssertionOrder.Natural)],
        _ =>
        [
            new(Z3Strategy.Nlsat, AssertionOrder.Reversed), new(Z3Strategy.Nlsat, AssertionOrder.Natural),
            new(Z3Strategy.Default, AssertionOrder.Reversed, SecondWave), new(Z3Strategy.Default, AssertionOrder.Natural, SecondWave),
        ],
    };

    /// <inheritdoc/>
    public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default)
    {
        Z3Library.RequireLoaded();
        var clock = Stopwatch.StartNew();
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var attempts = Attempts;
        var tasks = attempts
            .Select(a => Task.Factory.StartNew(() => Attempt(problem, a, timeout, race.Token), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        SolverAnswer? winner = null;
        Exception? firstError = null;
        var failures = 0;
        var reasons = new List<string>();
        var pending = tasks.ToList();
        while (pending.Count > 0)
        {
            var index = Task.WaitAny([.. pending], winner is null ? Timeout.Infinite : (int)LoserGrace.TotalMilliseconds, CancellationToken.None);
            if (index < 0) break; // losers still stopping: they end on their own watchdogs
            var task = pending[index];
            pending.RemoveAt(index);
            var attempt = attempts[tasks.IndexOf(task)];
            if (task.IsFaulted)
            {
                var error = task.Exception!.InnerException!;
                if (error is SolverUnavailableException)
                {
                    race.Cancel();
                    throw error;
                }
                // One strategy failing (a Z3 error) must not hide another's answer; if all fail, the first error surfaces.
                firstError ??= error;
                failures++;
                reasons.Add($"{attempt}: {error.Message}");
                continue;
            }
            var answer = task.Result;
            if (answer.Outcome != SolverOutcome.Unknown && winner is null)
            {
                winner = answer;
                race.Cancel();
            }
            else if (answer.Outcome == SolverOutcome.Unknown) reasons.Add($"{attempt}: {answer.Reason}");
        }
        cancel.ThrowIfCancellationRequested();
        if (winner is null && firstError is not null && failures == attempts.Count)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstError);
        return winner is not null
            ? winner with { Elapsed = clock.Elapsed }
            : SolverAnswer.Unknown(Summarize(reasons), clock.Elapsed, "z3 " + Z3Context.Version);
    }

    /// <summary>"timeout" when every attempt timed out, otherwise each attempt's reason.</summary>
    private static string Summarize(List<string> reasons) =>
        reasons.Count > 0 && reasons.All(r => r.EndsWith(": timeout", StringComparison.Ordinal) || r.EndsWith(": canceled", StringComparison.Ordinal))
            ? "timeout (every strategy ran out of time)"
            : string.Join("; ", reasons);

    private static SolverAnswer Attempt(LoweredProblem problem, Z3Attempt attempt, TimeSpan budget, CancellationToken cancel)
    {
        if (attempt.StartAfter > TimeSpan.Zero)
        {
            if (attempt.StartAfter >= budget) return SolverAnswer.Unknown("timeout", TimeSpan.Zero, $"z3 {attempt}");
            if (cancel.WaitHandle.WaitOne(attempt.StartAfter)) return SolverAnswer.Unknown("canceled", TimeSpan.Zero, $"z3 {attempt}");
            budget -= attempt.StartAfter;
        }
        var clock = Stopwatch.StartNew();
        using var context = new Z3Context();
        var engine = $"z3 {Z3Context.Version} {attempt}";
        var translator = new Z3Translator(context);
        foreach (var v in problem.AllVariables) translator.Constant(v);
        using var solver = new Z3Solver(context, attempt.Strategy);
        solver.SetTimeout((uint)Math.Clamp(budget.TotalMilliseconds, 1, uint.MaxValue));
        foreach (var a in problem.Ordered(attempt.Order)) solver.Assert(translator.Translate(a));
        var status = solver.Check(cancel);
        switch (status)
        {
            case Z3Status.Unsat:
                return new SolverAnswer(SolverOutcome.Unsat, null, null, clock.Elapsed, engine) { Order = attempt.Order };
            case Z3Status.Sat:
            {
                using var model = solver.Model();
                var values = new Dictionary<string, ModelValue>(StringComparer.Ordinal);
                foreach (var v in problem.AllVariables) values[v.Name] = model.Evaluate(translator.Constant(v));
                return new SolverAnswer(SolverOutcome.Sat, values, null, clock.Elapsed, engine) { Order = attempt.Order };
            }
            default:
            {
                var reason = cancel.IsCancellationRequested ? "canceled" : solver.ReasonUnknown;
                return SolverAnswer.Unknown(reason.Length == 0 ? "no reason given" : reason, clock.Elapsed, engine);
            }
        }
    }
}
