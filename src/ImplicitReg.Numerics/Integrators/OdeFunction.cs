namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// The right-hand side of <c>y' = f(t, y)</c>: writes <c>f(t, y)</c> into <paramref name="dydt"/>.
/// Integrators own <paramref name="y"/> and <paramref name="dydt"/> (work arrays reused every call), so an
/// implementation must neither keep them nor allocate.
/// </summary>
public delegate void OdeFunction(double t, double[] y, double[] dydt);

/// <summary>
/// The Jacobian <c>∂f/∂y</c> written row-major into <paramref name="jacobian"/> (length n·n) and the explicit
/// time derivative <c>∂f/∂t</c> into <paramref name="dfdt"/>; used by the stiff method when given.
/// </summary>
public delegate void OdeJacobian(double t, double[] y, double[] jacobian, double[] dfdt);

/// <summary>A scalar function of the state, such as an event function <c>g(t, y)</c>.</summary>
public delegate double StateFunction(double t, double[] y);
