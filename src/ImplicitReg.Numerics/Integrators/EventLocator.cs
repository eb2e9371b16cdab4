namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// Brackets and refines zeros of event functions over one accepted step, evaluating them on the method's
/// dense output. Refinement is the Illinois variant of regula falsi with a bisection safeguard, which keeps
/// a sign-changing bracket and converges superlinearly; it stops when the bracket is narrower than the
/// event's time tolerance (or cannot shrink in floating point).
/// </summary>
internal sealed class EventLocator
{
    private readonly IReadOnlyList<OdeEvent> _events;
    private readonly double[] _previous;
    private readonly double[] _state;

    public EventLocator(IReadOnlyList<OdeEvent> events, int dimension)
    {
        _events = events;
        _previous = new double[events.Count];
        _state = new double[dimension];
        foreach (var e in events)
            if (!(e.TimeTolerance > 0)) throw new ArgumentException($"event '{e.Name}': the time tolerance must be positive");
    }

    public void Start(double t0, double[] y0)
    {
        for (int i = 0; i < _events.Count; i++) _previous[i] = _events[i].Function(t0, y0);
    }

    /// <summary>
    /// Checks the step just taken; returns the located events inside (TOld, T], earliest first, and updates the
    /// remembered values. A function that is zero at the start of the step does not fire again.
    /// </summary>
    public List<EventHit>? Check(OdeStepper stepper)
    {
        List<EventHit>? hits = null;
        for (int i = 0; i < _events.Count; i++)
        {
            var e = _events[i];
            var before = _previous[i];
            var after = e.Function(stepper.T, stepper.Y);
            _previous[i] = after;
            if (!Crosses(before, after, e.Direction)) continue;
            var time = Locate(e, stepper, stepper.TOld, before, stepper.T, after);
            stepper.Interpolate(time, _state);
            hits ??= [];
            hits.Add(new EventHit(e.Name, time, (double[])_state.Clone(), e.Terminal, Math.Sign(after - before)));
        }
        hits?.Sort((a, b) => a.Time.CompareTo(b.Time));
        return hits;
    }

    private static bool Crosses(double before, double after, EventDirection direction)
    {
        if (double.IsNaN(before) || double.IsNaN(after) || before == 0) return false;
        bool rising = before < 0 && after >= 0;
        bool falling = before > 0 && after <= 0;
        return direction switch
        {
            EventDirection.Rising => rising,
            EventDirection.Falling => falling,
            _ => rising || falling,
        };
    }

    /// <summary>Returns a time within the tolerance of the root, on the far (already crossed) side of it.</summary>
    private double Locate(OdeEvent e, OdeStepper stepper, double a, double ga, double b, double gb)
    {
        if (gb == 0) return b;
        int side = 0;
        for (int iteration = 0; iteration < 200 && b - a > e.TimeTolerance; iteration++)
        {
            // Illinois: regula falsi, halving the weight of an end that is kept twice in a row.
            var m = (a * gb - b * ga) / (gb - ga);
            if (!(m > a && m < b)) m = 0.5 * (a + b);
            if (iteration % 8 == 7) m = 0.5 * (a + b); // bisection safeguard for badly scaled functions
            if (m <= a || m >= b) break;              // no representable point left inside
            stepper.Interpolate(m, _state);
            var gm = e.Function(m, _state);
            if (gm == 0) return m;
            if (Math.Sign(gm) == Math.Sign(gb))
            {
                b = m;
                gb = gm;
                if (side == -1) ga *= 0.5;
                side = -1;
            }
            else
            {
                a = m;
                ga = gm;
                if (side == 1) gb *= 0.5;
                side = 1;
            }
        }
        return b;
    }
}
