using ImplicitReg.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Metrics;

/// <summary>Spectral quantities of one matrix W, from one SVD.</summary>
/// <param name="SingularValues">σ_1 ≥ σ_2 ≥ … ≥ 0.</param>
/// <param name="Determinant">det W for square W, NaN otherwise.</param>
/// <param name="Frobenius">‖W‖_F.</param>
/// <param name="Nuclear">Σσ.</param>
/// <param name="Spectral">σ_1.</param>
/// <param name="LeftVectors">u_r as columns.</param>
/// <param name="RightVectors">v_r as columns.</param>
public sealed record MatrixMetrics(
    double[] SingularValues, double Determinant, double Frobenius, double Nuclear, double Spectral,
    Matrix<double> LeftVectors, Matrix<double> RightVectors)
{
    /// <summary>The metrics of <paramref name="w"/>, from one SVD.</summary>
    public static MatrixMetrics Of(MatrixBuffer w)
    {
        var m = w.ToMatrix();
        var svd = m.Svd(computeVectors: true);
        var s = svd.S.ToArray();
        var det = m.RowCount == m.ColumnCount ? m.Determinant() : double.NaN;
        var k = s.Length;
        return new MatrixMetrics(s, det, Math.Sqrt(s.Sum(x => x * x)), s.Sum(), s.Length > 0 ? s[0] : 0,
            svd.U.SubMatrix(0, m.RowCount, 0, k), svd.VT.SubMatrix(0, k, 0, m.ColumnCount).Transpose());
    }

    /// <summary>⟨G, u_r v_rᵀ⟩ = u_rᵀ·G·v_r for the top <paramref name="count"/> singular pairs.</summary>
    public double[] Alignment(MatrixBuffer g, int count)
    {
        var gm = g.ToMatrix();
        int k = Math.Min(count, SingularValues.Length);
        var r = new double[k];
        for (int i = 0; i < k; i++) r[i] = LeftVectors.Column(i).DotProduct(gm * RightVectors.Column(i));
        return r;
    }
}
