using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Experiments.Simulators.Dmf;

public sealed partial class DmfSimulator
{
    /// <summary>
    /// Loss and all layer gradients at the current layers. With 0-based layers, R_j = W_j⋯W_0 and
    /// S_j = W_{N−1}⋯W_j: the top gradient is G·R_{N−2}ᵀ, and layer j &lt; N−1 gets
    /// (∂φ/∂W_j)ᵀ = R_{j−1}·(Gᵀ·S_{j+1}) (just Gᵀ·S_1 for j = 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double ComputeLossAndGradient()
    {
        int n = Depth;
        if (n == 1) return SingleLayer();
        for (int j = 1; j <= n - 2; j++) MatrixKernels.Multiply(_layers[j], j == 1 ? _layers[0] : _prefix[j - 1], _prefix[j], _backend);
        for (int j = n - 2; j >= 1; j--) MatrixKernels.Multiply(j == n - 2 ? _layers[n - 1] : _suffix[j + 1], _layers[j], _suffix[j], _backend);
        var belowTop = n == 2 ? _layers[0] : _prefix[n - 2];
        MatrixKernels.Transpose(belowTop, _belowTopT!);

        double loss;
        if (Loss is CompletionMatrixLoss completion)
        {
            // W_ab = W_{N−1}[a, :]·R_{N−2}ᵀ[b, :] at the observed entries only.
            SparseKernels.SampledDot(_pattern!, _layers[n - 1], _belowTopT!, _sampled);
            loss = CompletionResiduals(completion);
        }
        else
        {
            MatrixKernels.Multiply(_layers[n - 1], belowTop, _endToEnd!, _backend);
            loss = SensingResiduals((SensingMatrixLoss)Loss);
        }

        // Top layer: G·R_{N−2}ᵀ; bottom layer: (∂φ/∂W_0)ᵀ = Gᵀ·S_1; middle layers: R_{j−1}·(Gᵀ·S_{j+1}).
        ApplyG(_belowTopT!, _gradient[n - 1]);
        ApplyGTransposed(n == 2 ? _layers[1] : _suffix[1], _gradient[0]);
        for (int j = 1; j <= n - 2; j++)
        {
            ApplyGTransposed(j + 1 == n - 1 ? _layers[n - 1] : _suffix[j + 1], _scratch[j]);
            MatrixKernels.Multiply(j == 1 ? _layers[0] : _prefix[j - 1], _scratch[j], _gradient[j], _backend);
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
