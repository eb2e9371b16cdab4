using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Experiments.Simulators.Losses;

namespace ImplicitReg.Experiments.Simulators.Dmf;

/// <summary>
/// Gradient descent on a deep matrix factorization <c>W = W_N⋯W_1</c> of any depth and shapes, with
/// <c>∂φ/∂W_j = (W_N⋯W_{j+1})ᵀ·G·(W_{j−1}⋯W_1)ᵀ</c> (M1) computed by numeric kernels: the independent side of
/// the flow-versus-descent comparison. For a completion loss G has one non-zero per observed entry: the forward
/// pass evaluates W only at those entries (one row dot product each), and the two products with G are grouped row
/// updates, so a step costs 3(N − 2) dense products (on the <see cref="LinearAlgebraBackend"/>: OpenBLAS, or the
/// managed kernel) plus three passes of |Ω|·d multiply-adds, instead of forming W and multiplying by a dense G.
/// A run is single-threaded: sweeps parallelise across runs.
/// </summary>
public sealed partial class DmfSimulator : GradientModel
{
    private readonly MatrixBuffer[] _layers;
    private readonly MatrixBuffer[] _prefixT;    // _prefixT[j] = (W_j⋯W_0)ᵀ (0-based), j = 1 … N−2 (depth 2: j = 0)
    private readonly MatrixBuffer[] _v;          // _v[j] = Gᵀ·W_{N−1}⋯W_{j+1} (0-based), j = 1 … N−2 (depth 2: j = 0)
    private readonly MatrixBuffer[] _gradient;   // every layer's gradient
    private readonly MatrixBuffer? _denseG;      // sensing: the dense end-to-end gradient
    private readonly MatrixBuffer? _endToEnd;    // sensing: W
    private readonly double[] _residualWeights;  // 2c·residual per observed entry (CSR order) or measurement
    private readonly double[] _cscWeights;       // the same weights in CSC order
    private readonly double[] _sampled;          // W at the observed entries (CSR order)
    private readonly double[] _csrTargets;       // targets in CSR order
    private readonly SparsePattern? _pattern;
    private readonly LinearAlgebraBackend _backend;

    /// <param name="loss">The loss on the end-to-end matrix.</param>
    /// <param name="initialLayers">W_1 … W_N (copied).</param>
    /// <param name="backend">Where the dense products run (default: <see cref="LinearAlgebraBackend.Default"/>).</param>
    public DmfSimulator(MatrixLoss loss, IReadOnlyList<MatrixBuffer> initialLayers, LinearAlgebraBackend? backend = null)
    {
        if (initialLayers.Count == 0) throw new ArgumentException("a factorization needs at least one layer");
        Loss = loss;
        Depth = initialLayers.Count;
        Dimensions = new int[Depth + 1];
        Dimensions[0] = initialLayers[0].Columns;
        for (int j = 0; j < Depth; j++)
        {
            if (initialLayers[j].Columns != Dimensions[j])
                throw new ArgumentException($"layer {j + 1} has {initialLayers[j].Columns} columns; the layer below has {Dimensions[j]} rows");
            Dimensions[j + 1] = initialLayers[j].Rows;
        }
        if (Dimensions[Depth] != loss.Rows || Dimensions[0] != loss.Columns)
            throw new ArgumentException($"the product is {Dimensions[Depth]}×{Dimensions[0]} but the loss is on {loss.Rows}×{loss.Columns} matrices");
        _backend = backend ?? LinearAlgebraBackend.Default;

        _layers = initialLayers.Select(l => l.Clone()).ToArray();
        int n = Depth;
        var d = Dimensions;
        _prefixT = new MatrixBuffer[n];
        _v = new MatrixBuffer[n];
        for (int j = 1; j <= n - 2; j++)
        {
            _prefixT[j] = new MatrixBuffer(d[0], d[j + 1]);
            _v[j] = new MatrixBuffer(d[0], d[j + 1]);
        }
        if (n == 2)
        {
            _prefixT[0] = new MatrixBuffer(d[0], d[1]);
            _v[0] = new MatrixBuffer(d[0], d[1]);
        }
        _gradient = new MatrixBuffer[n];
        for (int j = 0; j < n; j++) _gradient[j] = new MatrixBuffer(d[j + 1], d[j]);
        _residualWeights = new double[loss is CompletionMatrixLoss c ? c.Count : ((SensingMatrixLoss)loss).Count];
        _cscWeights = new double[_residualWeights.Length];
        _sampled = new double[_residualWeights.Length];
        _csrTargets = [];
        if (loss is CompletionMatrixLoss completion)
        {
            _pattern = new SparsePattern(loss.Rows, loss.Columns, completion.RowIndex, completion.ColumnIndex);
            _csrTargets = _pattern.CsrOriginal.Select(k => completion.Targets[k]).ToArray();
        }
        else
        {
            _denseG = new MatrixBuffer(loss.Rows, loss.Columns);
            _endToEnd = new MatrixBuffer(loss.Rows, loss.Columns);
        }
    }

    /// <summary>Where this simulator's dense products run.</summary>
    public LinearAlgebraBackend Backend => _backend;

    /// <summary>The loss on the end-to-end matrix W = W_N ⋯ W_1.</summary>
    public MatrixLoss Loss { get; }

    /// <summary>Number of layers N.</summary>
    public int Depth { get; }

    /// <summary>d_0 … d_N: layer j (1-based) is d_j × d_{j−1}.</summary>
    public int[] Dimensions { get; }

    /// <summary>The current layers W_1 … W_N (index 0 is W_1). Read them; change them only between steps.</summary>
    public IReadOnlyList<MatrixBuffer> Layers => _layers;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double GradientNormSquared()
    {
        double s = 0;
        foreach (var g in _gradient) s += g.FrobeniusSquared();
        return s;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void ApplyGradient(double stepSize)
    {
        for (int j = 0; j < Depth; j++) MatrixKernels.SubtractScaled(_layers[j], stepSize, _gradient[j]);
    }

    /// <inheritdoc />
    public override bool ParametersFinite() => _layers.All(l => l.AllFinite());

    /// <summary>∂φ/∂W_j (0-based j) in its natural orientation; valid after <see cref="ComputeLossAndGradient"/>.</summary>
    public MatrixBuffer LayerGradient(int j) => _gradient[j].Clone();

    /// <summary>The end-to-end matrix W = W_N⋯W_1 (allocates; for metrics).</summary>
    public MatrixBuffer EndToEnd()
    {
        var w = _layers[0].Clone();
        for (int j = 1; j < Depth; j++)
        {
            var next = new MatrixBuffer(_layers[j].Rows, w.Columns);
            MatrixKernels.Multiply(_layers[j], w, next, _backend);
            w = next;
        }
        return w;
    }

    /// <inheritdoc />
    public override double[] FlattenParameters()
    {
        var r = new List<double>();
        foreach (var l in _layers)
            for (int i = 0; i < l.Rows; i++)
                for (int c = 0; c < l.Columns; c++)
                    r.Add(l[i, c]);
        return [.. r];
    }

    /// <inheritdoc />
    public override double[] FlattenGradient()
    {
        var r = new List<double>();
        for (int j = 0; j < Depth; j++)
        {
            var g = LayerGradient(j);
            for (int i = 0; i < g.Rows; i++)
                for (int c = 0; c < g.Columns; c++)
                    r.Add(g[i, c]);
        }
        return [.. r];
    }

    /// <summary>Replaces the layers (same shapes), e.g. to restart from a recorded point.</summary>
    public void SetLayers(IReadOnlyList<MatrixBuffer> layers)
    {
        for (int j = 0; j < Depth; j++) _layers[j].CopyFrom(layers[j]);
    }
}
