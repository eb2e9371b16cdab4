using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Numerics.Tests.Integrators;

public sealed class EventTests
{
    private static readonly OdeFunction Decay = (t, y, dy) => dy[0] = -y[0];

    [Theory]
    [InlineData(OdeMethod.DormandPrince5, 1e-12)]
    [InlineData(OdeMethod.DormandPrince5, 1e-6)]
    [InlineData(OdeMethod.Rosenbrock23, 1e-9)]
    public void ATerminalEventStopsAtTheRootWithinTheTolerance(OdeMethod method, double eventTolerance)
    {
        // y' = −y, y(0) = 1 crosses 1/2 at t = ln 2. The run is accurate to ~1e-12, so the located time is
        // within the event tolerance plus that.
        var ev = new OdeEvent("half", (t, y) => y[0] - 0.5, Terminal: true, TimeTolerance: eventTolerance);
        var sol = Ode.Solve(method, Decay, 0, [1.0], 5,
            new OdeOptions { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14, Events = [ev] });
        Assert.Equal(OdeStatus.StoppedAtEvent, sol.Status);
        var hit = Assert.Single(sol.Events);
        var slack = method == OdeMethod.Rosenbrock23 ? 1e-9 : 1e-11;
        Assert.True(Math.Abs(hit.Time - Math.Log(2)) <= eventTolerance + slack, $"t = {hit.Time:R}");
        Assert.Equal(hit.Time, sol.FinalTime);
        Assert.Equal(hit.Time, sol.Times[^1]);
        Assert.InRange(sol.FinalState[0], 0.5 - 2 * eventTolerance, 0.5);
    }

    [Fact]
    public void DirectionSelectsRisingOrFallingCrossings()
    {
        OdeFunction rotation = (t, y, dy) => { dy[0] = -y[1]; dy[1] = y[0]; };
        OdeEvent Ev(EventDirection d) => new("x=0", (t, y) => y[0], Direction: d);
        var options = new OdeOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13, Events = [Ev(EventDirection.Rising)] };
        var rising = Ode.Solve(OdeMethod.DormandPrince5, rotation, 0, [1.0, 0.0], 10, options);
        // cos t rises through 0 at 3π/2 only (in [0, 10]); it falls at π/2 and 5π/2.
        var hit = Assert.Single(rising.Events);
        Assert.Equal(1.5 * Math.PI, hit.Time, 9);
        var either = Ode.Solve(OdeMethod.DormandPrince5, rotation, 0, [1.0, 0.0], 10,
            new OdeOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13, Events = [Ev(EventDirection.Either)] });
        Assert.Equal(new[] { 0.5, 1.5, 2.5 }.Select(k => k * Math.PI), either.Events.Select(e => e.Time), new ToleranceComparer(1e-9));
        Assert.Equal(OdeStatus.Completed, either.Status);
    }

    [Fact]
    public void ASignChangeOfTheDeterminantIsDetected()
    {
        // W(t) = [[a, b], [c, d]] with a' = −1, d' = 1/2, b = c = 1/2: det = a·d − 1/4 crosses zero where
        // (1 − t)(1 + t/2) = 1/4, i.e. t² + t − 3/2 = 0, t = (−1 + √7)/2.
        OdeFunction f = (t, y, dy) => { dy[0] = -1; dy[1] = 0; dy[2] = 0; dy[3] = 0.5; };
        var det = new OdeEvent("det W", (t, y) => y[0] * y[3] - y[1] * y[2], TimeTolerance: 1e-13);
        var sol = Ode.Solve(OdeMethod.DormandPrince5, f, 0, [1.0, 0.5, 0.5, 1.0], 3, new OdeOptions { Events = [det] });
        var hit = Assert.Single(sol.Events);
        Assert.Equal((-1 + Math.Sqrt(7)) / 2, hit.Time, 12);
        Assert.Equal(-1, hit.Sign);
    }

    [Fact]
    public void FixedStepRungeKuttaLocatesEventsOnItsHermiteInterpolant()
    {
        var ev = new OdeEvent("half", (t, y) => y[0] - 0.5, Terminal: true, TimeTolerance: 1e-14);
        var sol = Ode.Solve(OdeMethod.RungeKutta4, Decay, 0, [1.0], 5, new OdeOptions { FixedStep = 0.01, Events = [ev] });
        // The Hermite interpolant is O(h⁴) accurate: ~1e-9 here.
        Assert.Equal(Math.Log(2), sol.FinalTime, 8);
    }

    [Fact]
    public void AFunctionThatTouchesZeroWithoutCrossingDoesNotFire()
    {
        // (t − 1)² touches zero at t = 1 but never changes sign: no event (and no false positive).
        OdeFunction clock = (t, y, dy) => dy[0] = 1;
        var ev = new OdeEvent("touch", (t, y) => (y[0] - 1) * (y[0] - 1) + 1e-9);
        var sol = Ode.Solve(OdeMethod.DormandPrince5, clock, 0, [0.0], 2, new OdeOptions { Events = [ev] });
        Assert.Empty(sol.Events);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
