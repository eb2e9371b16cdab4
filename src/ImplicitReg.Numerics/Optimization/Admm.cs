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
    /// <summary>The W step: the proximal operator of the objective at V = X − U with threshold 1/ρ (a new matrix).</summary>
    public required Func<Matrix<double>, double, Matrix<double>> Proximal { get; init; }

    /// <summary>The X step: projects the matrix onto the constraint set, in place.</summary>
    public required Action<Matrix<double>> Project { get; init; }

    /// <summary>Whether both residuals are small relative to the problem's scales (then the certificate is computed).</summary>
    public required Func<AdmmState, bool> ResidualsSmall { get; init; }

    /// <summary>The certificate of a state and the dual-feasible point behind it.</summary>
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
    public static AdmmOutcome Run(Matrix<double> start, double rho, ConvexTolerances tolerances, AdmmSteps steps)
    {
        var x = start;
        var u = Matrix<double>.Build.Dense(start.RowCount, start.ColumnCount);
        var w = x.Clone();
        ConvexCertificate? certificate = null;
        Matrix<double>? dualPoint = null;
        double primalResidual = double.PositiveInfinity, dualResidual = double.PositiveInfinity;
        int iteration = 0;
        bool converged = false;
        while (iteration < tolerances.MaxIterations)
        {
            iteration++;
            w = steps.Proximal(x - u, 1.0 / rho);
            var previous = x;
            var relaxed = Relaxation * w + (1 - Relaxation) * previous;
            x = relaxed + u;
            steps.Project(x);
            u += relaxed - x;
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
                if (primalResidual > 10 * dualResidual) { rho *= 2; u /= 2; }
                else if (dualResidual > 10 * primalResidual) { rho /= 2; u *= 2; }
            }
        }
        var final = new AdmmState(w, x, u, rho, primalResidual, dualResidual, iteration);
        if (!converged) (certificate, dualPoint) = steps.Certify(final);
        return new AdmmOutcome(converged, final, certificate!, dualPoint!);
    }
}
