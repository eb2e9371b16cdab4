using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Numerics.Tests.Integrators;

public sealed class AdaptiveStepTests
{
    private static double ErrorAtEnd(OdeMethod method, OrderProblem p, double rtol, double atol, out OdeSolution sol)
    {
        sol = Ode.Solve(method, p.Function, p.T0, p.Y0, p.T1,
            new OdeOptions { RelativeTolerance = rtol, AbsoluteTolerance = atol, StoreOutput = false });
        Assert.Equal(OdeStatus.Completed, sol.Status);
        var exact = p.Exact(p.T1);
        var y = sol.FinalState;
        return exact.Select((v, i) => Math.Abs(v - y[i])).Max();
    }

    [Theory]
    [InlineData(OdeMethod.DormandPrince5, 1e-6)]
    [InlineData(OdeMethod.DormandPrince5, 1e-10)]
    [InlineData(OdeMethod.Rosenbrock23, 1e-6)]
    public void TheGlobalErrorFollowsTheTolerance(OdeMethod method, double tolerance)
    {
        // The local error of each step is held below the tolerance (|y| ≤ 1 here, so the scale is ≈ rtol), and
        // a rotation neither amplifies nor damps errors: the global error is at most their sum.
        var err = ErrorAtEnd(method, OrderProblem.TimeDependentSystem, tolerance, tolerance * 1e-2, out var sol);
        var bound = sol.Statistics.AcceptedSteps * tolerance;
        Assert.True(err < bound, $"error {err:E2} above {bound:E2} at tolerance {tolerance:E0}");
        Assert.True(err > bound * 1e-6, "a much smaller error would mean the control is not adapting at all");
    }

    [Fact]
    public void TighterTolerancesTakeMoreStepsAndGiveSmallerErrors()
    {
        var loose = ErrorAtEnd(OdeMethod.DormandPrince5, OrderProblem.Logistic, 1e-5, 1e-8, out var a);
        var tight = ErrorAtEnd(OdeMethod.DormandPrince5, OrderProblem.Logistic, 1e-10, 1e-13, out var b);
        Assert.True(tight < loose / 100, $"{tight:E2} vs {loose:E2}");
        Assert.True(b.Statistics.AcceptedSteps > 3 * a.Statistics.AcceptedSteps);
    }

    [Fact]
    public void StatisticsCountEveryEvaluation()
    {
        // Two evaluations to start (f(t0) and Hairer's starting-step probe), then six new stages per attempt
        // (the seventh is the next step's first: first same as last).
        var p = OrderProblem.Oscillator;
        var sol = Ode.Solve(OdeMethod.DormandPrince5, p.Function, p.T0, p.Y0, p.T1,
            new OdeOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, InitialStep = 5 });
        var s = sol.Statistics;
        Assert.True(s.RejectedSteps > 0, "a first step of 5 must be rejected at this tolerance");
        Assert.Equal(1 + 6 * (s.AcceptedSteps + s.RejectedSteps), s.FunctionEvaluations);
        Assert.Equal(s.AcceptedSteps + 1, sol.Times.Count); // every accepted step is reported, with t0
    }

    [Fact]
    public void PerComponentTolerancesControlEachComponentSeparately()
    {
        // Two decoupled oscillators: the second is needed only to 1e-3. Loosening it alone must not lose accuracy
        // in the first, and must save steps compared with both tight... here both need the same steps, so compare
        // against the second being tight instead: its tight tolerance costs steps the loose run does not take.
        OdeFunction f = (t, y, dy) => { dy[0] = -y[1]; dy[1] = y[0]; dy[2] = -3 * y[3]; dy[3] = 3 * y[2]; };
        double[] y0 = [1, 0, 1, 0];
        var both = Ode.Solve(OdeMethod.DormandPrince5, f, 0, y0, 10,
            new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, StoreOutput = false });
        var firstOnly = Ode.Solve(OdeMethod.DormandPrince5, f, 0, y0, 10, new OdeOptions
        {
            RelativeTolerances = [1e-10, 1e-10, 1, 1],
            AbsoluteTolerances = [1e-12, 1e-12, 1e-3, 1e-3],
            StoreOutput = false,
        });
        Assert.True(firstOnly.Statistics.AcceptedSteps < both.Statistics.AcceptedSteps / 2,
            $"{firstOnly.Statistics.AcceptedSteps} vs {both.Statistics.AcceptedSteps}");
        Assert.True(Math.Abs(firstOnly.FinalState[0] - Math.Cos(10)) < 1e-8);
        Assert.True(Math.Abs(firstOnly.FinalState[2] - Math.Cos(30)) < 1e-1);
    }

    [Fact]
    public void ToleranceArraysOfTheWrongLengthAreRejected() =>
        Assert.Throws<ArgumentException>(() => Ode.Solve(OdeMethod.DormandPrince5, (t, y, dy) => dy[0] = 0, 0, [1.0], 1,
            new OdeOptions { RelativeTolerances = [1e-6, 1e-6] }));

    [Fact]
    public void TheStiffMethodTakesFarFewerStepsOnAStiffProblem()
    {
        // y' = −10⁴(y − cos t) − sin t has the smooth solution cos t; explicit methods are held to h ≲ 3·10⁻⁴
        // by stability whatever the tolerance, the L-stable Rosenbrock formula only by accuracy.
        OdeFunction f = (t, y, dy) => dy[0] = -1e4 * (y[0] - Math.Cos(t)) - Math.Sin(t);
        var options = new OdeOptions { RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-8, StoreOutput = false };
        var stiff = Ode.Solve(OdeMethod.Rosenbrock23, f, 0, [1.0], 10, options);
        var explicitRun = Ode.Solve(OdeMethod.DormandPrince5, f, 0, [1.0], 10, options);
        Assert.True(Math.Abs(stiff.FinalState[0] - Math.Cos(10)) < 1e-4);
        Assert.True(Math.Abs(explicitRun.FinalState[0] - Math.Cos(10)) < 1e-4);
        Assert.True(stiff.Statistics.AcceptedSteps * 5 < explicitRun.Statistics.AcceptedSteps,
            $"stiff {stiff.Statistics.AcceptedSteps} steps, explicit {explicitRun.Statistics.AcceptedSteps}");
        Assert.True(stiff.Statistics.Factorizations >= stiff.Statistics.AcceptedSteps);
    }

    [Fact]
    public void ABlowUpEndsWithAStatusInsteadOfHanging()
    {
        // y' = y², y(0) = 1 blows up at t = 1.
        var sol = Ode.Solve(OdeMethod.DormandPrince5, (t, y, dy) => dy[0] = y[0] * y[0], 0, [1.0], 2,
            new OdeOptions { RelativeTolerance = 1e-8, StoreOutput = false });
        Assert.Contains(sol.Status, new[] { OdeStatus.StepTooSmall, OdeStatus.NonFinite, OdeStatus.TooManySteps });
        Assert.True(sol.FinalTime is > 0.99 and < 1.0 + 1e-9, $"stopped at {sol.FinalTime}");
        Assert.False(sol.Succeeded);
    }

    [Fact]
    public void TheStepLimitStopsTheRun()
    {
        var p = OrderProblem.Oscillator;
        var sol = Ode.Solve(OdeMethod.RungeKutta4, p.Function, p.T0, p.Y0, p.T1, new OdeOptions { FixedStep = 0.01, MaxSteps = 10 });
        Assert.Equal(OdeStatus.TooManySteps, sol.Status);
        Assert.Equal(10, sol.Statistics.AcceptedSteps);
        Assert.Equal(0.1, sol.FinalTime, 12);
    }

    [Fact]
    public void CancellationStopsCleanlyAndKeepsWhatWasReported()
    {
        using var cts = new CancellationTokenSource();
        var p = OrderProblem.Oscillator;
        int reported = 0;
        var sol = Ode.Solve(OdeMethod.RungeKutta4, p.Function, p.T0, p.Y0, p.T1, new OdeOptions
        {
            FixedStep = 0.01,
            OnOutput = (t, _) => { if (++reported == 50) cts.Cancel(); },
            Cancel = cts.Token,
        });
        Assert.Equal(OdeStatus.Cancelled, sol.Status);
        Assert.Equal(50, sol.Times.Count);
        Assert.Equal(49 * 0.01, sol.FinalTime, 10);
    }
}
