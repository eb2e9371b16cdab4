using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Numerics.Parallel;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Experiments.Simulators.Dmf;

/// <summary>
/// The completion step cut into a fixed number of shares (<see cref="Parts"/>), in four phases whose order the
/// dependencies dictate: (1) the prefix products R_j and the transpose of R_{N−2} as one share, the suffix products
/// S_j as the other (independent chains); (2) the fused sparse pass over the rows of Ω (sampled W, residuals, top
/// gradient), split by rows into halves of the non-zeros; (3) the sparse products with Gᵀ (bottom gradient and the
/// middle layers' Gᵀ·S_{j+1}), split by columns, with the loss summed by share 0; (4) the middle layers' dense
/// products, split into two fixed blocks of rows. The shares, their boundaries and the kernels do not depend on how
/// many threads run them: one thread runs share 0 then share 1 of each phase, two threads run one share each and
/// meet at a barrier between phases. Every output element is written by exactly one share with the same operands,
/// so one and two threads give bitwise the same iterates.
/// </summary>
public sealed partial class DmfSimulator
{
    /// <summary>Shares per phase; also the most threads a run can use.</summary>
    private const int Parts = 2;

    /// <summary>The most threads one simulation can use (the step has two independent shares per phase).</summary>
    public const int MaxThreads = Parts;

    private PhasedWorkers? _workers;
    private Action<int>? _gradientJob;
    private int[] _rowSplit = [];
    private int[] _columnSplit = [];
    private int[][] _middleSplit = [];
    private double _lossSum;
    private double _lossConstant;
    private double _weightScale;
    private DmfStepProfile? _profile;

    /// <summary>Threads this simulation's steps run on (1 unless more were asked for and the loss is a completion loss of depth ≥ 2).</summary>
    public int Threads => _workers?.Count ?? 1;

    /// <summary>"1 thread per step" or "2 threads per step", for run outputs.</summary>
    public static string DescribeThreads(int threads) => threads == 1 ? "1 thread per step" : $"{threads} threads per step";

    /// <summary>Times every later step by phase (one-thread completion runs only); returns the profile that accumulates the times.</summary>
    public DmfStepProfile EnableProfile()
    {
        if (Threads != 1 || _rowSplit.Length == 0)
            throw new InvalidOperationException("only a one-thread completion run of depth ≥ 2 can be profiled by phase");
        return _profile = new DmfStepProfile();
    }

    private void SetUpParts(int threads)
    {
        if (_pattern is null || Depth < 2) return;
        _lossConstant = ((CompletionMatrixLoss)Loss).Constant;
        _weightScale = 2 * _lossConstant;
        _rowSplit = [0, HalfOfEntries(_pattern.RowStart), _pattern.Rows];
        _columnSplit = [0, HalfOfEntries(_pattern.ColumnStart), _pattern.Columns];
        _middleSplit = new int[Depth][];
        for (int j = 1; j <= Depth - 2; j++)
        {
            // A multiple of 4 rows: the managed kernel's register blocks then fall the same way in both halves.
            int rows = _gradient[j].Rows, half = Math.Min(rows, (rows / 2 + 3) & ~3);
            _middleSplit[j] = [0, half, rows];
        }
        if (threads == 1) return;
        _workers = new PhasedWorkers(threads);
        _gradientJob = GradientShares;
    }

    /// <summary>The first group at which the running count of entries reaches half of all.</summary>
    private static int HalfOfEntries(int[] start)
    {
        int groups = start.Length - 1, half = start[groups] / 2, g = 0;
        while (g < groups && start[g] < half) g++;
        return g;
    }

    /// <summary>Loss and gradients of a completion loss at depth ≥ 2, on the shares.</summary>
    private double CompletionStep()
    {
        _profile?.Start();
        if (_workers is null) GradientShares(0);
        else _workers.Run(_gradientJob!);
        _profile?.CountStep();
        return _lossConstant * _lossSum;
    }

    private void GradientShares(int worker)
    {
        int stride = _workers?.Count ?? 1;
        for (int p = worker; p < Parts; p += stride) ProductsShare(p);
        _workers?.Sync();
        for (int p = worker; p < Parts; p += stride) RowsShare(p);
        _workers?.Sync();
        for (int p = worker; p < Parts; p += stride) ColumnsShare(p);
        _workers?.Sync();
        for (int p = worker; p < Parts; p += stride) MiddleShare(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProductsShare(int part)
    {
        int n = Depth;
        if (part == 0)
        {
            for (int j = 1; j <= n - 2; j++) MatrixKernels.Multiply(_layers[j], j == 1 ? _layers[0] : _prefix[j - 1], _prefix[j], _backend);
            _profile?.Mark(0);
            MatrixKernels.Transpose(n == 2 ? _layers[0] : _prefix[n - 2], _belowTopT!);
            _profile?.Mark(1);
        }
        else
        {
            for (int j = n - 2; j >= 1; j--) MatrixKernels.Multiply(j == n - 2 ? _layers[n - 1] : _suffix[j + 1], _layers[j], _suffix[j], _backend);
            _profile?.Mark(2);
        }
    }

    private void RowsShare(int part)
    {
        // W_ab = W_{N−1}[a, :]·R_{N−2}ᵀ[b, :] at the observed entries of these rows, then the top gradient's rows.
        SparseKernels.SampledResidualProduct(_pattern!, _layers[Depth - 1], _belowTopT!, _csrTargets, _weightScale,
            _sampled, _residualWeights, _gradient[Depth - 1], _rowSplit[part], _rowSplit[part + 1]);
        _profile?.Mark(3);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ColumnsShare(int part)
    {
        int n = Depth, first = _columnSplit[part], end = _columnSplit[part + 1];
        if (part == 0)
        {
            // In CSR order, as a single chain: the loss does not depend on the shares.
            double sum = 0;
            foreach (var r in _sampled) sum += r * r;
            _lossSum = sum;
        }
        var fromCsr = _pattern!.CscFromCsr;
        for (int e = _pattern.ColumnStart[first]; e < _pattern.ColumnStart[end]; e++) _cscWeights[e] = _residualWeights[fromCsr[e]];
        _profile?.Mark(4);
        SparseKernels.MultiplyTransposed(_pattern, _cscWeights, n == 2 ? _layers[1] : _suffix[1], _gradient[0], first, end);
        _profile?.Mark(5);
        for (int j = 1; j <= n - 2; j++)
            SparseKernels.MultiplyTransposed(_pattern, _cscWeights, j + 1 == n - 1 ? _layers[n - 1] : _suffix[j + 1], _scratch[j], first, end);
        _profile?.Mark(6);
    }

    private void MiddleShare(int part)
    {
        for (int j = 1; j <= Depth - 2; j++)
            _backend.MultiplyRows(j == 1 ? _layers[0] : _prefix[j - 1], _scratch[j], _gradient[j], _middleSplit[j][part], _middleSplit[j][part + 1]);
        _profile?.Mark(7);
    }

    /// <summary>
    /// θ ← θ − stepSize·∇ on the caller's thread alone: the updates are a few microseconds of streaming, less than
    /// the two barriers that handing half of them to the helper would cost (and elementwise, so the result is the
    /// same either way).
    /// </summary>
    private void ApplyTimed(double stepSize)
    {
        _profile?.Start();
        for (int j = 0; j < Depth; j++) ApplyLayer(j, stepSize);
        _profile?.Mark(8);
        _profile?.Close(8, 9);
    }

    private void ApplyLayer(int j, double stepSize)
    {
        if (IsTransposed(j)) MatrixKernels.SubtractScaledTransposed(_layers[j], stepSize, _gradient[j]);
        else MatrixKernels.SubtractScaled(_layers[j], stepSize, _gradient[j]);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _workers?.Dispose();
        base.Dispose(disposing);
    }
}
