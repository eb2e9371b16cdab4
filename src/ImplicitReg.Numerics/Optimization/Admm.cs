using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>Where an ADMM run stands after an iteration: the two blocks, the scaled dual, the penalty and the residuals.</summary>
/// <param name="W">The block of the proximal step (the objective's side of the splitting).</param>
/// <param name="X">The block of the projection (the constraints' side).</param>
/// <param name="U">The scaled dual variable (the dual is ρU).</param>
/// <param name="Rho">The penalty ρ.</param>
/// <param name="PrimalResidual">‖W − X‖_F.</param>
/// <param name="DualResidual">ρ‖X − X_previous‖_F.</param>
/// <param name="Iteration">Iterations done.</param>
internal sealed record AdmmState(Matrix<double> W, Matrix<double> X, Matrix<double> U, double Rho, double PrimalResidual, double DualResidual, int Iteration);

/// <summary>What a problem contributes to the shared ADMM loop.</summary>
internal sealed class AdmmSteps
{
    /// <summary>The W step: the proximal operator of the objective at V = X − U with threshold 1/ρ (a new matrix; V is a
    /// buffer the loop overwrites, so it must not be kept).</summary>
    public required Func<Matrix<double>, double, Matrix<double>> Proximal { get; init; }

    /// <summary>The X step: projects the matrix onto the constraint set, in place.</summary>
    public required Action<Matrix<double>> Project { get; init; }

    /// <summary>Whether both residuals are small relative to the problem's scales (then the certificate is computed). The
    /// state's matrices are the loop's buffers: read them, keep nothing of them.</summary>
    public required Func<AdmmState, bool> ResidualsSmall { get; init; }

    /// <summary>The certificate of a state and the dual-feasible point behind it (a new matrix, not one of the state's).</summary>
    public required Func<AdmmState, (ConvexCertificate Certificate, Matrix<double> DualPoint)> Certify { get; init; }

    /// <summary>Whether a certificate meets the tolerances (gap, and constraint violation where the reported point may violate).</summary>
    public required Func<ConvexCertificate, bool> Accept { get; init; }
}

/// <summary>How an ADMM run ended: converged or not, the last state, and its certificate.</summary>
internal sealed record AdmmOutcome(bool Converged, AdmmState Final, ConvexCertificate Certificate, Matrix<double> DualPoint);

/// <summary>
/// The ADMM loop (Boyd et al. 2011, §3) of the completion solvers, on a splitting f(W) + g(X) with W = X and the scaled
/// dual U:
/// <code>W ← prox_{f/ρ}(X − U);  X ← Π_g(αW + (1 − α)X + U);  U ← U + αW + (1 − α)X − X</code>
/// with over-relaxation α = 1.6 (§3.4.3; measured on the 100×100 problems it cuts the iterations by about a third).
/// Every <see cref="ConvexTolerances.CheckEvery"/> iterations the certificate is computed when the residuals are small,
/// and ρ is rebalanced (§3.4.1) so the two residuals stay within a factor 10 of each other (U is rescaled with ρ to keep
/// ρU unchanged). The problem supplies the proximal step, the projection, the residual test, the certificate and its
/// acceptance; this loop is generic. Hand-written because no convex-optimisation solver is served for .NET here.
/// </summary>
internal static class Admm
{
    /// <summary>The over-relaxation α.</summary>
    public const double Relaxation = 1.6;

    /// <summary>Runs from X = <paramref name="start"/>, W = a copy of it, U = 0 and ρ = <paramref name="rho"/>.</summary>
    /// <remarks>
    /// The loop works in five buffers allocated once (X and its previous value swap roles each iteration) instead of
    /// seven new matrices an iteration; only the proximal step, a decomposition, returns a new matrix. Each step calls,
    /// with an explicit result, the MathNet operation that the operator form (<c>Relaxation * w + (1 − Relaxation) *
    /// previous</c>, <c>relaxed + u</c>, …) calls, so every entry is rounded as before and the iterates are bit-identical.
    /// </remarks>
    public static AdmmOutcome Run(Matrix<double> start, double rho, ConvexTolerances tolerances, AdmmSteps steps)
    {
        var build = Matrix<double>.Build;
        var x = start.Clone(); // the buffers are overwritten; start stays the caller's
        var previous = build.Dense(start.RowCount, start.ColumnCount);
        var u = build.Dense(start.RowCount, start.ColumnCount);
        var scratch = build.Dense(start.RowCount, start.ColumnCount);
        var relaxed = build.Dense(start.RowCount, start.ColumnCount);
        var w = x.Clone();
        ConvexCertificate? certificate = null;
        Matrix<double>? dualPoint = null;
        double primalResidual = double.PositiveInfinity, dualResidual = double.PositiveInfinity;
        int iteration = 0;
        bool converged = false;
        while (iteration < tolerances.MaxIterations)
        {
            iteration++;
            x.Subtract(u, scratch);
            w = steps.Proximal(scratch, 1.0 / rho);
            (previous, x) = (x, previous);
            w.Multiply(Relaxation, relaxed);
            previous.Multiply(1 - Relaxation, scratch);
            relaxed.Add(scratch, relaxed);
            relaxed.Add(u, x);
            steps.Project(x);
            relaxed.Subtract(x, scratch);
            u.Add(scratch, u);
            primalResidual = SpectralOperators.FrobeniusDistance(w, x);
            dualResidual = rho * SpectralOperators.FrobeniusDistance(x, previous);
            if (iteration % tolerances.CheckEvery == 0)
            {
                var state = new AdmmState(w, x, u, rho, primalResidual, dualResidual, iteration);
                if (steps.ResidualsSmall(state))
                {
                    (certificate, dualPoint) = steps.Certify(state);
                    if (steps.Accept(certificate))
                    {
                        converged = true;
                        break;
                    }
                }
                if (primalResidual > 10 * dualResidual) { rho *= 2; u.Divide(2, u); }
                else if (dualResidual > 10 * primalResidual) { rho /= 2; u.Multiply(2, u); }
            }
        }
        var final = new AdmmState(w, x, u, rho, primalResidual, dualResidual, iteration);
        if (!converged) (certificate, dualPoint) = steps.Certify(final);
        return new AdmmOutcome(converged, final, certificate!, dualPoint!);
    }
}
