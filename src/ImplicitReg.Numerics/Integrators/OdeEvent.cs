namespace ImplicitReg.Numerics.Integrators;

/// <summary>Which sign changes of an event function count.</summary>
public enum EventDirection
{
    /// <summary>Any sign change.</summary>
    Either,

    /// <summary>From negative to positive.</summary>
    Rising,

    /// <summary>From positive to negative.</summary>
    Falling,
}

/// <summary>
/// A zero of <c>g(t, y(t))</c> to locate, e.g. <c>loss − tolerance</c> (stop when the loss falls below a
/// tolerance) or <c>det W</c> (detect a sign change). A sign change over an accepted step is bracketed and
/// the root located on the method's dense output to <see cref="TimeTolerance"/>.
/// </summary>
/// <param name="Name">Shown in reports.</param>
/// <param name="Function">The event function g(t, y).</param>
/// <param name="Terminal">Stop the integration at the first located root.</param>
/// <param name="Direction">Which crossings count.</param>
/// <param name="TimeTolerance">Width of the final bracket around the root, in units of t.</param>
public sealed record OdeEvent(
    string Name,
    StateFunction Function,
    bool Terminal = false,
    EventDirection Direction = EventDirection.Either,
    double TimeTolerance = 1e-12);

/// <summary>A located event: the time, the state there, and the event that fired.</summary>
public sealed record EventHit(string Name, double Time, double[] State, bool Terminal, int Sign);
