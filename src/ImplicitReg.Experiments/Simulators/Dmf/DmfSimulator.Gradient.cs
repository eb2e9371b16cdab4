using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Experiments.Simulators.Dmf;

public sealed partial class DmfSimulator
{
    /// <summary>
    /// Loss and all layer gradients at the current layers. With 0-based layers, R_j = W_j⋯W_0 and
    /// S_j = W_{N−1}⋯W_j, ∂φ/∂W_j = S_{j+1}ᵀ·G·R_{j−1}ᵀ. Only one product with G goes through the sparse G besides
    /// the top gradient G·R_{N−2}ᵀ: V_{N−2} = Gᵀ·W_{N−1}; then V_{j−1} = Gᵀ·S_j = V_j·W_j by dense products, and
    /// ∂φ/∂W_j = V_jᵀ·R_{j−1}ᵀ (the bottom: V_0ᵀ = W_1ᵀ·V_1ᵀ). The prefixes are kept transposed (R_jᵀ = R_{j−1}ᵀ·W_jᵀ),
    /// the orientation the sampled forward pass and G·R_{N−2}ᵀ read row by row, so every gradient comes out in its
    /// natural orientation: 3(N − 2) dense products and three passes over the observed entries. Depth 2 has no
    /// product to fold a transpose into and transposes W_0 and V_0 (d_0 × d_1 each) instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double ComputeLossAndGradient()
    {
        int n = Depth;
        if (n == 1) return SingleLayer();
        // R_jᵀ for j = 1 … N−2 (R_1ᵀ = W_0ᵀ·W_1ᵀ); depth 2 reads R_0ᵀ = W_0ᵀ itself.
        if (n == 2) MatrixKernels.Transpose(_layers[0], _prefixT[0]);
        for (int j = 1; j <= n - 2; j++)
        {
            if (j == 1) MatrixKernels.Multiply(_layers[0], true, _layers[1], true, _prefixT[1], _backend);
            else MatrixKernels.Multiply(_prefixT[j - 1], false, _layers[j], true, _prefixT[j], _backend);
        }
        var belowTopT = _prefixT[n - 2];

        double loss;
        if (Loss is CompletionMatrixLoss completion)
        {
            // W_ab = W_{N−1}[a, :]·R_{N−2}ᵀ[b, :] at the observed entries only.
            SparseKernels.SampledDot(_pattern!, _layers[n - 1], belowTopT, _sampled);
            loss = CompletionResiduals(completion);
        }
        else
        {
            MatrixKernels.Multiply(_layers[n - 1], false, belowTopT, true, _endToEnd!, _backend);
            loss = SensingResiduals((SensingMatrixLoss)Loss);
        }

        ApplyG(belowTopT, _gradient[n - 1]);                   // top: G·R_{N−2}ᵀ
        ApplyGTransposed(_layers[n - 1], _v[n - 2]);           // V_{N−2} = Gᵀ·W_{N−1}
        if (n == 2)
        {
            MatrixKernels.Transpose(_v[0], _gradient[0]);      // bottom: V_0ᵀ
            return loss;
        }
        for (int j = n - 2; j >= 1; j--)
        {
            // Middle layer j: V_jᵀ·R_{j−1}ᵀ, with R_0ᵀ = W_0ᵀ.
            if (j == 1) MatrixKernels.Multiply(_v[1], true, _layers[0], true, _gradient[1], _backend);
            else MatrixKernels.Multiply(_v[j], true, _prefixT[j - 1], false, _gradient[j], _backend);
            // V_{j−1} = V_j·W_j; the bottom layer takes V_0ᵀ = W_1ᵀ·V_1ᵀ directly.
            if (j == 1) MatrixKernels.Multiply(_layers[1], true, _v[1], true, _gradient[0], _backend);
            else MatrixKernels.Multiply(_v[j], false, _layers[j], false, _v[j - 1], _backend);
        }
        return loss;
    }

    /// <summary>
    /// Completion residuals from W at the observed entries (in <c>_sampled</c>); stores the weights 2c·residual in
    /// CSR and CSC order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double CompletionResiduals(CompletionMatrixLoss loss)
    {
        double c = loss.Constant, sum = 0;
        for (int e = 0; e < _sampled.Length; e++)
        {
            var r = _sampled[e] - _csrTargets[e];
            sum += r * r;
            _residualWeights[e] = 2 * c * r;
        }
        var fromCsr = _pattern!.CscFromCsr;
        for (int e = 0; e < fromCsr.Length; e++) _cscWeights[e] = _residualWeights[fromCsr[e]];
        return c * sum;
    }

    /// <summary>Sensing residuals at the end-to-end matrix already in <c>_endToEnd</c>; fills the dense G.</summary>
    private double SensingResiduals(SensingMatrixLoss loss)
    {
        double c = loss.Constant, sum = 0;
        _denseG!.Clear();
        for (int i = 0; i < loss.Count; i++)
        {
            var r = loss.Residual(i, _endToEnd!);
            sum += r * r;
            _residualWeights[i] = 2 * c * r;
            RowKernels.AddScaled(_residualWeights[i], loss.Measurements[i].Data, _denseG.Data);
        }
        return c * sum;
    }

    /// <summary>result = G·B (G is d_N × d_0, B is d_0 × m).</summary>
    private void ApplyG(MatrixBuffer b, MatrixBuffer result)
    {
        if (_pattern is null) MatrixKernels.Multiply(_denseG!, b, result, _backend);
        else SparseKernels.Multiply(_pattern, _residualWeights, b, result);
    }

    /// <summary>result = Gᵀ·B (B is d_N × m).</summary>
    private void ApplyGTransposed(MatrixBuffer b, MatrixBuffer result)
    {
        if (_pattern is null) MatrixKernels.MultiplyTransposed(_denseG!, b, result, _backend);
        else SparseKernels.MultiplyTransposed(_pattern, _cscWeights, b, result);
    }

    /// <summary>Depth one: W itself is the parameter and the gradient is G.</summary>
    private double SingleLayer()
    {
        var w = _layers[0];
        var g = _gradient[0];
        if (Loss is CompletionMatrixLoss loss)
        {
            double c = loss.Constant, sum = 0;
            g.Clear();
            for (int k = 0; k < loss.Count; k++)
            {
                var r = w[loss.RowIndex[k], loss.ColumnIndex[k]] - loss.Targets[k];
                sum += r * r;
                g[loss.RowIndex[k], loss.ColumnIndex[k]] = 2 * c * r;
            }
            return c * sum;
        }
        var sensing = (SensingMatrixLoss)Loss;
        _endToEnd!.CopyFrom(w);
        double value = SensingResiduals(sensing);
        g.CopyFrom(_denseG!);
        return value;
    }

    /// <summary>The end-to-end gradient G = ∇L(W) as a dense matrix (allocates; for metrics).</summary>
    public MatrixBuffer EndToEndGradient() => Loss.Gradient(EndToEnd());
}
