using System.Diagnostics;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// Minimum nuclear norm completion with a tolerance band:
/// <code>minimise ‖W‖_*  subject to  |W_ij − b_ij| ≤ δ  for (i, j) ∈ Ω</code>
/// solved by ADMM (Boyd et al. 2011, §3) on the splitting ‖W‖_* + 1_C(X), W = X, with C the band (entries off Ω
/// free), with the shared loop of <see cref="Admm"/>. Hand-written because no convex-optimisation solver
/// (cvxpy/SCS/MOSEK-like) is served for .NET here; the decompositions come from MathNet.Numerics. Each iteration is one SVD:
/// <code>W ← SVT(X − U, 1/ρ);  X ← Π_C(W + U);  U ← U + W − X</code>
/// <para>Certificate. The Lagrange dual (derived in docs/baselines.md) is
/// <code>maximise ⟨b, Y⟩ − δ‖Y‖₁  over Y supported on Ω with ‖Y‖₂ ≤ 1,</code>
/// and weak duality holds for every feasible pair: ⟨b, Y⟩ − δ‖Y‖₁ ≤ ⟨W, Y⟩ ≤ ‖W‖_*‖Y‖₂ ≤ ‖W‖_*. At a fixed point
/// of ADMM, −ρU is a subgradient of ‖·‖_* at W, hence ‖ρU‖₂ ≤ 1; U is zero off Ω after the first iteration (there
/// X copies W + U). The solver therefore reports the feasible X (clipping makes it feasible by construction) with
/// the dual point Y = −ρU / max(1, ‖ρU‖₂), which is always dual-feasible: the gap ‖X‖_* − (⟨b,Y⟩ − δ‖Y‖₁) bounds
/// the suboptimality of X whatever the iteration.</para>
/// </summary>
public static class NuclearNormCompletion
{
    /// <summary>
    /// Solves the problem; a result that misses the tolerances is <see cref="ConvexSolveStatus.NotConverged"/>.
    /// The SVDs and eigendecompositions run on <paramref name="decompositions"/> (default: LAPACK from OpenBLAS when
    /// it loads, else MathNet managed; <see cref="DenseDecompositions.Default"/>).
    /// </summary>
    public static ConvexSolveResult Solve(ObservedEntries observed, double delta, ConvexTolerances? tolerances = null, DenseDecompositions? decompositions = null)
    {
        var d = decompositions ?? DenseDecompositions.Default;
        var tol = tolerances ?? new ConvexTolerances();
        tol.Validate();
        if (!(delta >= 0) || !double.IsFinite(delta))
            throw new ArgumentException($"the band half-width delta must be a finite number >= 0 (got {delta})");
        var clock = Stopwatch.StartNew();
        int m = observed.Rows, n = observed.Columns, count = observed.Count;
        var ri = observed.RowIndex;
        var ci = observed.ColumnIndex;
        var b = observed.Values;
        var build = Matrix<double>.Build;
        var x = build.Dense(m, n);
        for (int k = 0; k < count; k++) x[ri[k], ci[k]] = b[k];
        // The threshold 1/ρ starts at a tenth of the largest singular value of the data; residual balancing
        // (Boyd et al. §3.4.1) then adapts it, so the start only affects the first few hundred iterations.
        var (_, spectral) = SpectralOperators.NuclearAndSpectralNorms(x, d);
        var outcome = Admm.Run(x, spectral > 0 ? 10.0 / spectral : 1.0, tol, new AdmmSteps
        {
            Proximal = (z, tau) => SpectralOperators.SoftThresholdSingularValues(z, tau, d),
            // X ← the band: the observed entries clipped to [b − δ, b + δ], the others free.
            Project = z =>
            {
                for (int k = 0; k < count; k++)
                {
                    int i = ri[k], j = ci[k];
                    z[i, j] = Math.Clamp(z[i, j], b[k] - delta, b[k] + delta);
                }
            },
            ResidualsSmall = s => s.PrimalResidual <= tol.Residual * Math.Max(SpectralOperators.Frobenius(s.W), SpectralOperators.Frobenius(s.X))
                && s.DualResidual <= tol.Residual * (s.Rho * SpectralOperators.Frobenius(s.U)),
            // The reported point is X, feasible by construction.
            Certify = s => Certify(s.X, s.U, s.Rho, observed, delta, s.PrimalResidual, s.DualResidual, s.Iteration, d),
            Accept = c => c.RelativeGap <= tol.RelativeGap,
        });
        var (converged, final, certificate, dualPoint) = outcome;
        var problem = $"minimum nuclear norm completion, {m}x{n}, {count} observed entries, delta {delta:G3}";
        return new ConvexSolveResult(problem, converged ? ConvexSolveStatus.Converged : ConvexSolveStatus.NotConverged,
            certificate, final.X, dualPoint, tol, clock.Elapsed);
    }

    /// <summary>The dual objective of Y (supported on Ω; no feasibility check): ⟨b, Y⟩ − δ‖Y‖₁.</summary>
    public static double DualObjective(ObservedEntries observed, double delta, IReadOnlyList<double> dualOnOmega)
    {
        double inner = 0, l1 = 0;
        for (int k = 0; k < observed.Count; k++)
        {
            inner += observed.Values[k] * dualOnOmega[k];
            l1 += Math.Abs(dualOnOmega[k]);
        }
        return inner - delta * l1;
    }

    private static (ConvexCertificate, Matrix<double>) Certify(Matrix<double> x, Matrix<double> u, double rho, ObservedEntries observed, double delta,
        double primalResidual, double dualResidual, int iteration, DenseDecompositions d)
    {
        int count = observed.Count;
        var y = Matrix<double>.Build.Dense(observed.Rows, observed.Columns);
        var onOmega = new double[count];
        double violation = 0;
        for (int k = 0; k < count; k++)
        {
            int i = observed.RowIndex[k], j = observed.ColumnIndex[k];
            onOmega[k] = -rho * u[i, j];
            y[i, j] = onOmega[k];
            violation = Math.Max(violation, Math.Abs(x[i, j] - observed.Values[k]) - delta);
        }
        var (_, spectral) = SpectralOperators.NuclearAndSpectralNorms(y, d);
        var scale = Math.Max(1.0, spectral);
        var dual = DualObjective(observed, delta, onOmega) / scale;
        var (nuclear, _) = SpectralOperators.NuclearAndSpectralNorms(x, d);
        return (new ConvexCertificate(nuclear, dual, primalResidual, dualResidual, Math.Max(0, violation), iteration), y / scale);
    }
}
