using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Experiments.Simulators.Dmf;

public sealed partial class DmfSimulator
{
    /// <summary>
    /// Loss and all layer gradients at the current layers. With 0-based layers, R_j = W_j⋯W_0 and
    /// S_j = W_{N−1}⋯W_j: the top gradient is G·R_{N−2}ᵀ, and layer j &lt; N−1 gets
    /// (∂φ/∂W_j)ᵀ = R_{j−1}·(Gᵀ·S_{j+1}) (just Gᵀ·S_1 for j = 0). With a helper thread the suffix chain runs
    /// beside the prefix chain and forward pass, and the middle layers' gradients beside the top and bottom ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double ComputeLossAndGradient()
    {
        int n = Depth;
        if (n == 1) return SingleLayer();
        var worker = HelperThisStep();

        if (worker is not null) worker.Post(_suffixJob!);
        else SuffixChain(_laneA);
        for (int j = 1; j <= n - 2; j++) MatrixKernels.Multiply(_layers[j], j == 1 ? _layers[0] : _prefix[j - 1], _prefix[j]);
        var belowTop = n == 2 ? _layers[0] : _prefix[n - 2];
        MatrixKernels.Transpose(belowTop, _belowTopT!);

        double loss;
        if (Loss is CompletionMatrixLoss completion)
        {
            // Head of the forward pass here (rows before the split: W_ab = W_{N−1}[a, :]·R_{N−2}ᵀ[b, :]); the tail
            // comes from the suffix side with the suffix chain.
            SparseKernels.SampledDot(_pattern!, _layers[n - 1], _belowTopT!, _sampled, 0, _splitRow);
            var lane = worker is null || worker.Join(_suffixJob!) ? _laneA : _laneB!;
            _suffixInUse = lane.Suffix;
            loss = CompletionResiduals(completion, lane.SampledTail);
        }
        else
        {
            MatrixKernels.Multiply(_layers[n - 1], belowTop, _endToEnd!);
            loss = SensingResiduals((SensingMatrixLoss)Loss);
            _suffixInUse = worker is null || worker.Join(_suffixJob!) ? _laneA.Suffix : _laneB!.Suffix;
        }
        if (worker is not null) worker.Post(_middleJob!);

        // Top layer: G·R_{N−2}ᵀ; bottom layer: (∂φ/∂W_0)ᵀ = Gᵀ·S_1.
        ApplyG(_belowTopT!, _gradient[n - 1]);
        ApplyGTransposed(n == 2 ? _layers[1] : _suffixInUse[1], _gradient[0]);

        Lane middle;
        if (worker is null)
        {
            MiddleGradients(_laneA);
            middle = _laneA;
        }
        else middle = worker.Join(_middleJob!) ? _laneA : _laneB!;
        for (int j = 1; j <= n - 2; j++) _gradientInUse[j] = middle.Gradient[j];
        return loss;
    }

    /// <summary>
    /// The helper for this step, or null to run serially. On a loaded machine the helper rarely gets a core in time
    /// (the stepping thread then does its jobs itself) and its spinning only takes time from the stepping thread:
    /// after <see cref="HelperProbeSteps"/> steps in which it did none of the jobs, steps run serially for
    /// <see cref="SerialBackoffSteps"/> steps (the helper goes to sleep), then the helper is tried again.
    /// </summary>
    private StepWorker? HelperThisStep()
    {
        if (_worker is null) return null;
        if (_serialStepsLeft > 0)
        {
            _serialStepsLeft--;
            return null;
        }
        if (_worker.HelperDone != _helperDoneSeen)
        {
            _helperDoneSeen = _worker.HelperDone;
            _idleHelperSteps = 0;
        }
        else if (++_idleHelperSteps >= HelperProbeSteps)
        {
            _idleHelperSteps = 0;
            _serialStepsLeft = SerialBackoffSteps;
            return null;
        }
        return _worker;
    }

    private const int HelperProbeSteps = 128;
    private const int SerialBackoffSteps = 512;
    private long _helperDoneSeen;
    private int _idleHelperSteps;
    private int _serialStepsLeft;

    /// <summary>Buffers of the work a helper thread may do: the suffix products and the middle layers' gradients.</summary>
    private sealed class Lane
    {
        public Lane(int[] d, int tailEntries)
        {
            int n = d.Length - 1;
            BottomT = n >= 3 && tailEntries > 0 ? new MatrixBuffer(d[0], d[1]) : null;
            SampledTail = new double[tailEntries];
            Suffix = new MatrixBuffer[n];
            Gradient = new MatrixBuffer[n];
            Scratch = new MatrixBuffer[n];
            for (int j = 1; j <= n - 2; j++)
            {
                Suffix[j] = new MatrixBuffer(d[n], d[j]);
                Gradient[j] = new MatrixBuffer(d[j], d[j + 1]);
                Scratch[j] = new MatrixBuffer(d[0], d[j + 1]);
            }
        }

        /// <summary>S_j = W_{N−1}⋯W_j, j = 1 … N−2.</summary>
        public MatrixBuffer[] Suffix { get; }

        /// <summary>(∂φ/∂W_j)ᵀ for the middle layers j = 1 … N−2.</summary>
        public MatrixBuffer[] Gradient { get; }

        /// <summary>Gᵀ·S_{j+1} for each middle layer.</summary>
        public MatrixBuffer[] Scratch { get; }

        /// <summary>W_0ᵀ, for the tail of the forward pass (W_ab = S_1[a, :]·W_0[:, b]).</summary>
        public MatrixBuffer? BottomT { get; }

        /// <summary>W at the observed entries of the tail rows (CSR positions from the split on).</summary>
        public double[] SampledTail { get; }
    }

    /// <summary>
    /// The suffix chain S_{N−2} … S_1 and, for completion losses, the tail of the forward pass from the suffix
    /// side (W_ab = S_1[a, :]·W_0ᵀ[b, :] for the rows from the split on), so both threads share the forward pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SuffixChain(Lane lane)
    {
        int n = Depth;
        for (int j = n - 2; j >= 1; j--)
            MatrixKernels.Multiply(j == n - 2 ? _layers[n - 1] : lane.Suffix[j + 1], _layers[j], lane.Suffix[j]);
        if (lane.BottomT is { } bottomT && _pattern is { } pattern)
        {
            MatrixKernels.Transpose(_layers[0], bottomT);
            SparseKernels.SampledDot(pattern, lane.Suffix[1], bottomT, lane.SampledTail, _splitRow, pattern.Rows, _splitPosition);
        }
    }

    /// <summary>Middle layers: K = Gᵀ·S_{j+1}, gradientᵀ = R_{j−1}·K, with the suffix products chosen for this step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MiddleGradients(Lane lane)
    {
        int n = Depth;
        var suffix = _suffixInUse;
        for (int j = 1; j <= n - 2; j++)
        {
            var above = j + 1 == n - 1 ? _layers[n - 1] : suffix[j + 1];
            ApplyGTransposed(above, lane.Scratch[j]);
            MatrixKernels.Multiply(j == 1 ? _layers[0] : _prefix[j - 1], lane.Scratch[j], lane.Gradient[j]);
        }
    }

    /// <summary>
    /// Completion residuals from W at the observed entries: the head (before the split) in <c>_sampled</c>, the
    /// tail in <paramref name="tail"/> (depth ≥ 3; for depth 2 the whole pass is done here). Stores the weights
    /// 2c·residual in CSR and CSC order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double CompletionResiduals(CompletionMatrixLoss loss, double[] tail)
    {
        double c = loss.Constant, sum = 0;
        for (int e = 0; e < _sampled.Length; e++)
        {
            var w = e < _splitPosition ? _sampled[e] : tail[e - _splitPosition];
            var r = w - _csrTargets[e];
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
        if (_pattern is null) MatrixKernels.Multiply(_denseG!, b, result);
        else SparseKernels.Multiply(_pattern, _residualWeights, b, result);
    }

    /// <summary>result = Gᵀ·B (B is d_N × m).</summary>
    private void ApplyGTransposed(MatrixBuffer b, MatrixBuffer result)
    {
        if (_pattern is null) MatrixKernels.MultiplyTransposed(_denseG!, b, result);
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
