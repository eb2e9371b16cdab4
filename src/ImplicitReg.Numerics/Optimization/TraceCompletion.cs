using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// Minimum-trace positive semidefinite completion (the nuclear norm of a PSD matrix is its trace):
/// <code>minimise tr X  subject to  X ⪰ 0,  X_ij = b_ij  for (i, j) ∈ Ω</code>
/// with Ω symmetric. ADMM (Boyd et al. 2011; the shared loop of <see cref="Admm"/>) on tr W + 1_{W ⪰ 0} + 1_A(X), W = X,
/// with A the affine set of the constraints; each iteration is one symmetric eigendecomposition (MathNet.Numerics). Hand-written for the same
/// reason as <see cref="NuclearNormCompletion"/>: no served convex solver for .NET.
/// <code>W ← Q max(Λ − 1/ρ, 0) Qᵀ of X − U;  X ← W + U with Ω reset to b;  U ← U + W − X</code>
/// <para>Certificate. The dual is <c>maximise ⟨b, Y⟩ over symmetric Y supported on Ω with I − Y ⪰ 0</c>; for every
/// feasible X and dual-feasible Y, tr X − ⟨b, Y⟩ = ⟨I − Y, X⟩ ≥ 0 (weak duality). At a fixed point −ρU satisfies
/// I + ρU ⪰ 0 (optimality of the W step), and U vanishes off Ω, so Y = −ρU, divided by λ_max(Y) when that exceeds 1,
/// is always dual-feasible. The reported point is W, which is PSD by construction; its distance from the constraints
/// is the <see cref="ConvexCertificate.ConstraintViolation"/> (max over Ω of |W_ij − b_ij|), required below the residual
/// tolerance (relative to max |b_ij|) for convergence.</para>
/// </summary>
public static class TraceCompletion
{
    /// <summary>Solves the problem; a result that misses the tolerances is <see cref="ConvexSolveStatus.NotConverged"/>.</summary>
    public static ConvexSolveResult Solve(ObservedEntries observed, ConvexTolerances? tolerances = null)
    {
        var tol = tolerances ?? new ConvexTolerances();
        tol.Validate();
        if (!observed.IsSymmetric())
            throw new ArgumentException("a PSD completion needs a square matrix with symmetric observations: observe (j,i) with the same value whenever (i,j) is observed");
        var clock = Stopwatch.StartNew();
        int n = observed.Rows, count = observed.Count;
        var ri = observed.RowIndex;
        var ci = observed.ColumnIndex;
        var b = observed.Values;
        var scaleB = Math.Max(1.0, b.Select(Math.Abs).DefaultIfEmpty(0).Max());
        var build = Matrix<double>.Build;
        var x = build.Dense(n, n);
        for (int k = 0; k < count; k++) x[ri[k], ci[k]] = b[k];
        var outcome = Admm.Run(x, 1.0 / scaleB, tol, new AdmmSteps
        {
            Proximal = SpectralOperators.ShiftedPsdProjection,
            // X ← the affine set: the observed entries reset to b, the others free.
            Project = z =>
            {
                for (int k = 0; k < count; k++) z[ri[k], ci[k]] = b[k];
            },
            ResidualsSmall = s => s.PrimalResidual <= tol.Residual * Math.Max(scaleB, SpectralOperators.Frobenius(s.W))
                && s.DualResidual <= tol.Residual * Math.Max(1.0, s.Rho * SpectralOperators.Frobenius(s.U)),
            // The reported point is W, PSD by construction; it must also be close to the constraints.
            Certify = s => Certify(s.W, s.U, s.Rho, observed, s.PrimalResidual, s.DualResidual, s.Iteration),
            Accept = c => Math.Abs(c.RelativeGap) <= tol.RelativeGap && c.ConstraintViolation <= tol.Residual * scaleB,
        });
        var (converged, final, certificate, dualPoint) = outcome;
        var problem = $"minimum trace PSD completion, {n}x{n}, {count} observed entries";
        return new ConvexSolveResult(problem, converged ? ConvexSolveStatus.Converged : ConvexSolveStatus.NotConverged,
            certificate, final.W, dualPoint, tol, clock.Elapsed);
    }

    /// <summary>The dual objective ⟨b, Y⟩ of Y given on Ω (no feasibility check).</summary>
    public static double DualObjective(ObservedEntries observed, IReadOnlyList<double> dualOnOmega)
    {
        double inner = 0;
        for (int k = 0; k < observed.Count; k++) inner += observed.Values[k] * dualOnOmega[k];
        return inner;
    }

    private static (ConvexCertificate, Matrix<double>) Certify(Matrix<double> w, Matrix<double> u, double rho, ObservedEntries observed,
        double primalResidual, double dualResidual, int iteration)
    {
        int n = observed.Rows;
        var y = Matrix<double>.Build.Dense(n, n);
        double violation = 0;
        for (int k = 0; k < observed.Count; k++)
        {
            int i = observed.RowIndex[k], j = observed.ColumnIndex[k];
            y[i, j] = -rho * u[i, j];
            violation = Math.Max(violation, Math.Abs(w[i, j] - observed.Values[k]));
        }
        y = (y + y.Transpose()) * 0.5;
        var largest = SpectralOperators.LargestEigenvalue(y);
        if (largest > 1) y /= largest;
        var values = Enumerable.Range(0, observed.Count).Select(k => y[observed.RowIndex[k], observed.ColumnIndex[k]]).ToArray();
        var dual = DualObjective(observed, values);
        return (new ConvexCertificate(w.Trace(), dual, primalResidual, dualResidual, violation, iteration), y);
    }
}
