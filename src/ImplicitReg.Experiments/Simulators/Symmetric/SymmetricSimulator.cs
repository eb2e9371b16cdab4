using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Symmetric;

/// <summary>
/// Gradient descent on the symmetric factorization <c>X = U·Uᵀ</c> (M8, Gunasekar et al. 2017) with
/// <c>∇_U L(UUᵀ) = (G + Gᵀ)·U</c>, G = ∇L(X). For completion G is sparse: X is sampled at the observed
/// entries and both products with G are grouped row updates. No allocation per step.
/// </summary>
public sealed class SymmetricSimulator : GradientModel
{
    private readonly MatrixBuffer _u;
    private readonly MatrixBuffer _gradient;
    private readonly MatrixBuffer _scratch;
    private readonly SparsePattern? _pattern;
    private readonly double[] _csrWeights;
    private readonly double[] _cscWeights;
    private readonly double[] _sampled;
    private readonly double[] _csrTargets = [];
    private readonly MatrixBuffer? _x;
    private readonly MatrixBuffer? _denseG;

    /// <summary>A simulator of <c>X = U·Uᵀ</c> on a square <paramref name="loss"/>, starting from <paramref name="initialFactor"/> (copied; size × rank).</summary>
    public SymmetricSimulator(MatrixLoss loss, MatrixBuffer initialFactor)
    {
        if (loss.Rows != loss.Columns) throw new ArgumentException("X = U·Uᵀ is square; the loss must be on square matrices");
        if (initialFactor.Rows != loss.Rows) throw new ArgumentException($"U has {initialFactor.Rows} rows; X is {loss.Rows}×{loss.Rows}");
        Loss = loss;
        _u = initialFactor.Clone();
        _gradient = new MatrixBuffer(_u.Rows, _u.Columns);
        _scratch = new MatrixBuffer(_u.Rows, _u.Columns);
        int count = loss is CompletionMatrixLoss c ? c.Count : ((SensingMatrixLoss)loss).Count;
        _csrWeights = new double[count];
        _cscWeights = new double[count];
        _sampled = new double[count];
        if (loss is CompletionMatrixLoss completion)
        {
            _pattern = new SparsePattern(loss.Rows, loss.Columns, completion.RowIndex, completion.ColumnIndex);
            _csrTargets = _pattern.CsrOriginal.Select(k => completion.Targets[k]).ToArray();
        }
        else
        {
            _x = new MatrixBuffer(loss.Rows, loss.Columns);
            _denseG = new MatrixBuffer(loss.Rows, loss.Columns);
        }
    }

    /// <summary>The loss on X.</summary>
    public MatrixLoss Loss { get; }

    /// <summary>The factor U (d × k).</summary>
    public MatrixBuffer Factor => _u;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double ComputeLossAndGradient()
    {
        double c = Loss.Constant, sum = 0;
        if (_pattern is { } pattern)
        {
            SparseKernels.SampledDot(pattern, _u, _u, _sampled);
            for (int e = 0; e < _sampled.Length; e++)
            {
                var r = _sampled[e] - _csrTargets[e];
                sum += r * r;
                _csrWeights[e] = 2 * c * r;
            }
            for (int e = 0; e < _cscWeights.Length; e++) _cscWeights[e] = _csrWeights[pattern.CscFromCsr[e]];
            SparseKernels.Multiply(pattern, _csrWeights, _u, _gradient);              // G·U
            SparseKernels.MultiplyTransposed(pattern, _cscWeights, _u, _scratch);     // Gᵀ·U
        }
        else
        {
            var sensing = (SensingMatrixLoss)Loss;
            MultiplyByTranspose(_u, _x!);
            _denseG!.Clear();
            for (int i = 0; i < sensing.Count; i++)
            {
                var r = sensing.Residual(i, _x!);
                sum += r * r;
                RowKernels.AddScaled(2 * c * r, sensing.Measurements[i].Data, _denseG.Data);
            }
            MatrixKernels.Multiply(_denseG, _u, _gradient);
            MatrixKernels.MultiplyTransposed(_denseG, _u, _scratch);
        }
        RowKernels.AddScaled(1, _scratch.Data, _gradient.Data); // (G + Gᵀ)·U
        return c * sum;
    }

    /// <summary>X = U·Uᵀ by row dot products.</summary>
    private static void MultiplyByTranspose(MatrixBuffer u, MatrixBuffer x)
    {
        for (int a = 0; a < u.Rows; a++)
            for (int b = 0; b <= a; b++)
                x[a, b] = x[b, a] = RowKernels.Dot(u.Data.Slice(a * u.Stride, u.Stride), u.Data.Slice(b * u.Stride, u.Stride));
    }

    /// <inheritdoc />
    public override double GradientNormSquared() => _gradient.FrobeniusSquared();

    /// <inheritdoc />
    public override void ApplyGradient(double stepSize) => MatrixKernels.SubtractScaled(_u, stepSize, _gradient);

    /// <inheritdoc />
    public override bool ParametersFinite() => _u.AllFinite();

    /// <inheritdoc />
    public override double[] FlattenParameters() => Flatten(_u);

    /// <inheritdoc />
    public override double[] FlattenGradient() => Flatten(_gradient);

    private static double[] Flatten(MatrixBuffer m)
    {
        var r = new double[m.Rows * m.Columns];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++)
                r[i * m.Columns + j] = m[i, j];
        return r;
    }

    /// <summary>X = U·Uᵀ (allocates).</summary>
    public MatrixBuffer Product()
    {
        var x = new MatrixBuffer(_u.Rows, _u.Rows);
        MultiplyByTranspose(_u, x);
        return x;
    }

    /// <summary>Eigenvalues of X in decreasing order (X is symmetric positive semidefinite).</summary>
    public double[] Eigenvalues()
    {
        var x = Product().ToMatrix();
        return x.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).OrderByDescending(v => v).ToArray();
    }
}
