using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// The proximal maps of the spectral functions used by the baselines, on MathNet.Numerics' SVD and symmetric
/// eigendecomposition: singular value soft-thresholding (the prox of τ‖·‖_*) and the projection onto the PSD cone
/// after a shift (the prox of τ·tr + indicator of X ⪰ 0).
/// </summary>
internal static class SpectralOperators
{
    /// <summary>
    /// argmin_W τ‖W‖_* + ½‖W − M‖_F² = U max(Σ − τ, 0) Vᵀ (Cai, Candès, Shen 2010), computed from the symmetric
    /// eigendecomposition of the smaller Gram matrix (MᵀM = VΣ²Vᵀ): W = M V_k diag(1 − τ/σ) V_kᵀ over σ &gt; τ. Measured
    /// here on 100×100, MathNet's symmetric EVD plus two products costs about a third of its SVD with vectors; squaring
    /// loses accuracy only in singular values far below σ₁, which thresholding discards (the certificate is computed
    /// from a real SVD, so this shortcut can slow convergence but never falsify it).
    /// </summary>
    public static Matrix<double> SoftThresholdSingularValues(Matrix<double> m, double tau)
    {
        bool wide = m.RowCount < m.ColumnCount;
        var a = wide ? m.Transpose() : m;
        var evd = a.TransposeThisAndMultiply(a).Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues;
        var v = evd.EigenVectors;
        var keep = new List<int>();
        for (int k = 0; k < lambda.Count; k++)
            if (lambda[k].Real > tau * tau) keep.Add(k);
        if (keep.Count == 0) return Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
        var vk = Matrix<double>.Build.Dense(a.ColumnCount, keep.Count);
        var scaled = Matrix<double>.Build.Dense(a.ColumnCount, keep.Count);
        for (int c = 0; c < keep.Count; c++)
        {
            var sigma = Math.Sqrt(lambda[keep[c]].Real);
            var factor = 1 - tau / sigma;
            for (int r = 0; r < a.ColumnCount; r++)
            {
                vk[r, c] = v[r, keep[c]];
                scaled[r, c] = v[r, keep[c]] * factor;
            }
        }
        var w = (a * scaled).TransposeAndMultiply(vk);
        return wide ? w.Transpose() : w;
    }

    /// <summary>‖M‖_* (sum of singular values) and ‖M‖₂ (the largest), from one SVD without vectors.</summary>
    public static (double Nuclear, double Spectral) NuclearAndSpectralNorms(Matrix<double> m)
    {
        var s = m.Svd(computeVectors: false).S;
        return (s.Sum(), s.Count == 0 ? 0 : s[0]);
    }

    /// <summary>
    /// argmin_{W ⪰ 0} τ·tr W + ½‖W − M‖_F² = Q max(Λ − τ, 0) Qᵀ for symmetric M = QΛQᵀ (M is symmetrised first,
    /// so rounding asymmetry cannot leak into the eigendecomposition).
    /// </summary>
    public static Matrix<double> ShiftedPsdProjection(Matrix<double> m, double tau)
    {
        var sym = (m + m.Transpose()) * 0.5;
        var evd = sym.Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var lambda = evd.EigenValues;
        int n = sym.RowCount;
        var result = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < n; k++)
        {
            var value = lambda[k].Real - tau;
            if (value <= 0) continue;
            var column = q.Column(k);
            result += value * column.OuterProduct(column);
        }
        return result;
    }

    /// <summary>The largest eigenvalue of a symmetric matrix.</summary>
    public static double LargestEigenvalue(Matrix<double> m)
    {
        var sym = (m + m.Transpose()) * 0.5;
        return sym.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Max();
    }

    /// <summary>The smallest eigenvalue of a symmetric matrix.</summary>
    public static double SmallestEigenvalue(Matrix<double> m)
    {
        var sym = (m + m.Transpose()) * 0.5;
        return sym.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Min();
    }
}
