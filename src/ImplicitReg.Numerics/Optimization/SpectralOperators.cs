using ImplicitReg.Numerics.LinearAlgebra.Backends;
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
    /// here on 100×100, a symmetric EVD plus two products costs about a third of an SVD with vectors; squaring
    /// loses accuracy only in singular values far below σ₁, which thresholding discards (the certificate is computed
    /// from a real SVD, so this shortcut can slow convergence but never falsify it). The decomposition and the
    /// products run on <paramref name="decompositions"/> (default <see cref="DenseDecompositions.Default"/>: LAPACK
    /// from OpenBLAS, else MathNet managed).
    /// </summary>
    public static Matrix<double> SoftThresholdSingularValues(Matrix<double> m, double tau, DenseDecompositions? decompositions = null)
    {
        var d = decompositions ?? DenseDecompositions.Default;
        bool wide = m.RowCount < m.ColumnCount;
        var a = wide ? m.Transpose() : m;
        var (lambda, v) = d.SymmetricEigen(d.Multiply(a, true, a, false));
        var keep = new List<int>();
        for (int k = 0; k < lambda.Length; k++)
            if (lambda[k] > tau * tau) keep.Add(k);
        if (keep.Count == 0) return Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
        var vk = Matrix<double>.Build.Dense(a.ColumnCount, keep.Count);
        var scaled = Matrix<double>.Build.Dense(a.ColumnCount, keep.Count);
        for (int c = 0; c < keep.Count; c++)
        {
            var sigma = Math.Sqrt(lambda[keep[c]]);
            var factor = 1 - tau / sigma;
            for (int r = 0; r < a.ColumnCount; r++)
            {
                vk[r, c] = v[r, keep[c]];
                scaled[r, c] = v[r, keep[c]] * factor;
            }
        }
        var w = d.Multiply(d.Multiply(a, false, scaled, false), false, vk, true);
        return wide ? w.Transpose() : w;
    }

    /// <summary>
    /// ‖M‖_F as the root of the sum of squares. Hand-written because MathNet's managed provider computes the Frobenius
    /// norm as √tr(M·Mᵀ), a full (parallel) matrix product: profiled with perf on the 100×100 baseline it took half of
    /// the solve's time, four calls per iteration.
    /// </summary>
    public static double Frobenius(Matrix<double> m)
    {
        double sum = 0;
        foreach (var v in Values(m)) sum += v * v;
        return Math.Sqrt(sum);
    }

    /// <summary>‖A − B‖_F without forming A − B.</summary>
    public static double FrobeniusDistance(Matrix<double> a, Matrix<double> b)
    {
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
            throw new ArgumentException($"cannot compare a {a.RowCount}×{a.ColumnCount} matrix with a {b.RowCount}×{b.ColumnCount} one");
        var x = Values(a);
        var y = Values(b);
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            var d = x[i] - y[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The column-major storage of a dense matrix (no copy), or a copy for other storages.</summary>
    private static double[] Values(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    /// <summary>‖M‖_* (sum of singular values) and ‖M‖₂ (the largest), from one SVD without vectors.</summary>
    public static (double Nuclear, double Spectral) NuclearAndSpectralNorms(Matrix<double> m, DenseDecompositions? decompositions = null)
    {
        var s = (decompositions ?? DenseDecompositions.Default).SingularValues(m);
        return (s.Sum(), s.Length == 0 ? 0 : s[0]);
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
