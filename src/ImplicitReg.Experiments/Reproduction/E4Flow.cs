using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// Gradient flow of E4 integrated by the adaptive Dormand–Prince 5(4) method until the loss falls below a tolerance
/// (a terminal event located on the dense output). Why the adaptive integrator and not GD with a small step: from a
/// small initialization the flow crawls on a plateau for a time of order log(1/α) and then moves fast; an adaptive
/// step follows both phases at a controlled local error, where a fixed GD step small enough for the fast phase
/// would spend millions of steps on the plateau, and the answer we compare is the flow's, not a discretisation's.
/// A flow whose limit is degenerate (rank-deficient, or a vertex where a zero entry has no slack) approaches it only
/// polynomially, and there the explicit method is stiff: after <see cref="ExplicitStepBudget"/> steps the run goes on
/// with the L-stable Rosenbrock 2(3) method from where it is.
/// </summary>
public static class E4Flow
{
    /// <summary>Accepted Dormand–Prince steps before a flow that has not converged is handed to the stiff method.</summary>
    public const long ExplicitStepBudget = 20_000;

    /// <summary>How a flow ended: converged (loss below the tolerance), or not (time or step limit, non-finite).</summary>
    /// <param name="Converged">The loss reached the tolerance.</param>
    /// <param name="State">The final state.</param>
    /// <param name="Time">Final time.</param>
    /// <param name="Steps">Accepted steps.</param>
    /// <param name="Loss">Final loss.</param>
    /// <param name="Message">The integrator's account of the end.</param>
    public sealed record Result(bool Converged, double[] State, double Time, long Steps, double Loss, string Message);

    /// <summary>
    /// Integrates <paramref name="flow"/> from <paramref name="y0"/> until <paramref name="loss"/> ≤ <paramref name="stopLoss"/>
    /// or t = <paramref name="maxTime"/>; <paramref name="onPoint"/> sees the accepted points (time, state) thinned to
    /// rows 5% apart in time or loss.
    /// </summary>
    public static Result Run(OdeFunction flow, double[] y0, Func<double[], double> loss, double stopLoss, double maxTime,
        long maxSteps, double absoluteTolerance, Action<double, double[]>? onPoint, CancellationToken cancel)
    {
        double lastTime = -1, lastLoss = double.NaN;
        void Point(double t, double[] y)
        {
            if (onPoint is null) return;
            var l = loss(y);
            if (lastTime < 0 || t >= 1.05 * lastTime && t - lastTime > 1e-3 || Math.Abs(Math.Log(l / lastLoss)) > 0.05 * Math.Log(10))
            {
                lastTime = t;
                lastLoss = l;
                onPoint(t, y);
            }
        }
        OdeOptions Options(double relativeTolerance, long steps) => new()
        {
            RelativeTolerance = relativeTolerance,
            AbsoluteTolerance = absoluteTolerance,
            MaxSteps = steps,
            StoreOutput = false,
            Cancel = cancel,
            Events = [new OdeEvent("loss below tolerance", (_, y) => loss(y) - stopLoss, Terminal: true, Direction: EventDirection.Falling, TimeTolerance: 1e-9)],
            OnOutput = Point,
        };
        long explicitSteps = Math.Min(maxSteps, ExplicitStepBudget);
        var solution = Ode.Solve(OdeMethod.DormandPrince5, flow, 0, y0, maxTime, Options(1e-10, explicitSteps));
        long steps = solution.Statistics.AcceptedSteps;
        if (solution.Status == OdeStatus.TooManySteps && maxSteps > explicitSteps)
        {
            // The stiff tail: the fast directions have settled and a slow one crawls towards the limit, so an explicit
            // method is held to tiny steps by stability alone; the L-stable Rosenbrock method finishes it.
            solution = Ode.Solve(OdeMethod.Rosenbrock23, flow, solution.FinalTime, solution.FinalState, maxTime, Options(1e-8, maxSteps - explicitSteps));
            steps += solution.Statistics.AcceptedSteps;
        }
        cancel.ThrowIfCancellationRequested();
        var final = solution.FinalState;
        var finalLoss = loss(final);
        onPoint?.Invoke(solution.FinalTime, final);
        bool converged = solution.Status == OdeStatus.StoppedAtEvent || finalLoss <= stopLoss * (1 + 1e-6);
        return new Result(converged, final, solution.FinalTime, steps, finalLoss, solution.Message);
    }
}
