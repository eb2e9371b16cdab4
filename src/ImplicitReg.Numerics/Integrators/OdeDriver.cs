namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// The loop around a stepper: output times (dense output or exact landing), events (terminal ones cut the
/// run at their root), cancellation, step limits and statistics.
/// </summary>
internal static class OdeDriver
{
    public static OdeSolution Run(OdeStepper stepper, double t0, double[] y0, double t1, OdeOptions options)
    {
        var outputTimes = ValidateOutputTimes(options.OutputTimes, t0, t1);
        var times = new List<double>();
        var states = new List<double[]>();
        var events = new List<EventHit>();
        var scratch = new double[y0.Length];
        int nextOutput = 0;

        void Report(double t, double[] y)
        {
            if (options.StoreOutput)
            {
                times.Add(t);
                states.Add((double[])y.Clone());
            }
            options.OnOutput?.Invoke(t, y);
        }

        stepper.Initialize(t0, y0, t1);
        var locator = new EventLocator(options.Events, y0.Length);
        locator.Start(t0, stepper.Y);
        if (outputTimes is null) Report(t0, stepper.Y);
        else
            while (nextOutput < outputTimes.Length && outputTimes[nextOutput] <= t0)
            {
                Report(t0, stepper.Y);
                nextOutput++;
            }

        var status = OdeStatus.Completed;
        string message = $"reached t = {t1}";
        double finalTime = t0;
        var finalState = (double[])stepper.Y.Clone();
        while (stepper.T < t1)
        {
            if (options.Cancel.IsCancellationRequested)
            {
                status = OdeStatus.Cancelled;
                message = $"cancelled at t = {stepper.T}";
                break;
            }
            if (stepper.Accepted >= options.MaxSteps)
            {
                status = OdeStatus.TooManySteps;
                message = $"stopped after {options.MaxSteps} steps at t = {stepper.T}; raise the step limit or loosen the tolerances";
                break;
            }
            var tEnd = stepper.LandsOnOutputTimes && outputTimes is not null && nextOutput < outputTimes.Length
                ? Math.Min(outputTimes[nextOutput], t1)
                : t1;
            var outcome = stepper.Step(tEnd);
            if (outcome != StepOutcome.Accepted)
            {
                status = outcome == StepOutcome.NonFinite ? OdeStatus.NonFinite : OdeStatus.StepTooSmall;
                message = outcome == StepOutcome.NonFinite
                    ? $"the solution became NaN or infinite near t = {stepper.T} (step {stepper.Accepted + 1})"
                    : $"the step size fell below the resolution of t at t = {stepper.T} (step {stepper.Accepted + 1}): the problem is stiff or singular there";
                break;
            }

            double stepEnd = stepper.T;
            EventHit? terminal = null;
            if (locator.Check(stepper) is { } hits)
            {
                foreach (var hit in hits)
                {
                    events.Add(hit);
                    if (hit.Terminal)
                    {
                        terminal = hit;
                        stepEnd = hit.Time;
                        break;
                    }
                }
            }

            if (outputTimes is null)
            {
                if (terminal is null) Report(stepper.T, stepper.Y);
                else Report(terminal.Time, terminal.State);
            }
            else
            {
                while (nextOutput < outputTimes.Length && outputTimes[nextOutput] <= stepEnd)
                {
                    var t = outputTimes[nextOutput++];
                    if (t == stepper.T) Report(t, stepper.Y);
                    else
                    {
                        stepper.Interpolate(t, scratch);
                        Report(t, scratch);
                    }
                }
            }
            options.OnStep?.Invoke(stepEnd);
            if (terminal is not null)
            {
                status = OdeStatus.StoppedAtEvent;
                message = $"stopped at event '{terminal.Name}' at t = {terminal.Time}";
                finalTime = terminal.Time;
                finalState = (double[])terminal.State.Clone();
                break;
            }
        }
        if (status != OdeStatus.StoppedAtEvent)
        {
            finalTime = stepper.T;
            finalState = (double[])stepper.Y.Clone();
        }
        var statistics = new OdeStatistics(stepper.Accepted, stepper.Rejected, stepper.Evaluations,
            stepper.JacobianEvaluations, stepper.Factorizations);
        return new OdeSolution(status, message, finalTime, finalState, times, states, events, statistics);
    }

    private static double[]? ValidateOutputTimes(IReadOnlyList<double>? outputTimes, double t0, double t1)
    {
        if (outputTimes is null) return null;
        var r = outputTimes.ToArray();
        for (int i = 0; i < r.Length; i++)
        {
            if (!double.IsFinite(r[i]) || r[i] < t0 || r[i] > t1)
                throw new ArgumentException($"output time {r[i]} is outside [{t0}, {t1}]");
            if (i > 0 && r[i] < r[i - 1])
                throw new ArgumentException($"output times must be increasing ({r[i - 1]} is followed by {r[i]})");
        }
        return r;
    }
}
