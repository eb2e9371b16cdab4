namespace ImplicitReg.Numerics.Integrators;

/// <summary>The integration methods; see <see cref="Ode.Solve"/>.</summary>
public enum OdeMethod
{
    /// <summary>Adaptive Dormand–Prince 5(4) with PI step-size control and 4th-order dense output.</summary>
    DormandPrince5,

    /// <summary>Classical fixed-step Runge–Kutta of order 4 (steps land exactly on output times).</summary>
    RungeKutta4,

    /// <summary>
    /// Adaptive linearly implicit Rosenbrock 2(3) pair of Shampine and Reichelt (MATLAB's ode23s), L-stable,
    /// for stiff problems; uses the Jacobian when given, finite differences otherwise.
    /// </summary>
    Rosenbrock23,
}
