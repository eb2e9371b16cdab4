namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// The optimality certificate of a first-order convex solve. <see cref="PrimalObjective"/> is the objective at
/// the reported point and <see cref="DualObjective"/> the dual objective at a dual-feasible point, so by weak
/// duality the optimum lies in [DualObjective, PrimalObjective] up to <see cref="ConstraintViolation"/> (zero when
/// the reported point is feasible by construction). The ADMM residuals say how far the splitting is from a
/// fixed point: <see cref="PrimalResidual"/> = ‖W − X‖_F, <see cref="DualResidual"/> = ρ‖X_k − X_(k−1)‖_F.
/// </summary>
public sealed record ConvexCertificate(
    double PrimalObjective,
    double DualObjective,
    double PrimalResidual,
    double DualResidual,
    double ConstraintViolation,
    int Iterations)
{
    /// <summary>PrimalObjective − DualObjective: an upper bound on the suboptimality of the reported point.</summary>
    public double DualityGap => PrimalObjective - DualObjective;

    /// <summary>The gap relative to the objective's size (at least 1, so a zero optimum does not divide by zero).</summary>
    public double RelativeGap => DualityGap / Math.Max(1.0, Math.Abs(PrimalObjective));

    /// <summary>One line for logs and refusals.</summary>
    public override string ToString() =>
        $"primal {PrimalObjective:G10}, dual {DualObjective:G10}, gap {DualityGap:E3} (relative {RelativeGap:E3}), " +
        $"primal residual {PrimalResidual:E3}, dual residual {DualResidual:E3}, constraint violation {ConstraintViolation:E3}, " +
        $"{Iterations} iterations";
}
