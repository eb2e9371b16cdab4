using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Cp;

/// <summary>
/// Gradient descent on a CP factorization <c>𝒲 = Σ_r w_r^1 ⊗ ⋯ ⊗ w_r^N</c> with a completion loss. Factor n is
/// stored as an n_n × R matrix whose row i holds coordinate i of every component, so an observed entry's
/// prediction is the sum of an elementwise product of N rows, and its gradient contributions
/// <c>∂/∂w_r^n[i_n] = 2c·res·Π_{m≠n} w_r^m[i_m]</c> are prefix/suffix products of the same rows (vectorized
/// over components). No allocation per step.
/// </summary>
public sealed class CpSimulator : GradientModel
{
    private readonly MatrixBuffer[] _factors;
    private readonly MatrixBuffer[] _gradient;
    private readonly double[][] _prefix;  // _prefix[n] = Π_{m<n} row_m (ones for n = 0)
    private readonly double[] _suffix;

    public CpSimulator(CpProblem problem, IReadOnlyList<MatrixBuffer> initialFactors)
    {
        if (initialFactors.Count != problem.Order) throw new ArgumentException($"{initialFactors.Count} factors for an order-{problem.Order} tensor");
        Problem = problem;
        Components = initialFactors[0].Columns;
        for (int n = 0; n < problem.Order; n++)
            if (initialFactors[n].Rows != problem.Sizes[n] || initialFactors[n].Columns != Components)
                throw new ArgumentException($"factor {n + 1} must be {problem.Sizes[n]}×{Components}");
        _factors = initialFactors.Select(f => f.Clone()).ToArray();
        _gradient = initialFactors.Select(f => new MatrixBuffer(f.Rows, f.Columns)).ToArray();
        int stride = _factors[0].Stride;
        _prefix = Enumerable.Range(0, problem.Order + 1).Select(_ => new double[stride]).ToArray();
        _prefix[0].AsSpan(0, Components).Fill(1);
        _suffix = new double[stride];
    }

    public CpProblem Problem { get; }

    /// <summary>R, the number of components.</summary>
    public int Components { get; }

    /// <summary>Factor n (0-based) as an n_n × R matrix: column r is w_r^{n+1}.</summary>
    public IReadOnlyList<MatrixBuffer> Factors => _factors;

    /// <summary>Random factors with i.i.d. N(0, std²) entries (E3's initialization).</summary>
    public static MatrixBuffer[] GaussianFactors(int[] sizes, int components, double std, SeededRandom random) =>
        sizes.Select(n => Initialization.LayerInitializer.Gaussian(n, components, std, random)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double ComputeLossAndGradient()
    {
        foreach (var g in _gradient) g.Clear();
        int order = Problem.Order, stride = _factors[0].Stride;
        double c = Problem.Constant, sum = 0;
        var suffix = _suffix.AsSpan();
        for (int e = 0; e < Problem.Targets.Length; e++)
        {
            var idx = Problem.ObservedIndices[e];
            for (int n = 0; n < order; n++)
                RowKernels.Multiply(_prefix[n], _factors[n].Data.Slice(idx[n] * stride, stride), _prefix[n + 1]);
            var residual = RowKernels.Sum(_prefix[order]) - Problem.Targets[e];
            sum += residual * residual;
            var weight = 2 * c * residual;
            suffix.Clear();
            suffix[..Components].Fill(1);
            for (int n = order - 1; n >= 0; n--)
            {
                var row = _factors[n].Data.Slice(idx[n] * stride, stride);
                RowKernels.AddScaledProduct(weight, _prefix[n], suffix, _gradient[n].Data.Slice(idx[n] * stride, stride));
                if (n > 0) RowKernels.Multiply(suffix, row, suffix);
            }
        }
        return c * sum;
    }

    public override double GradientNormSquared() => _gradient.Sum(g => g.FrobeniusSquared());

    public override void ApplyGradient(double stepSize)
    {
        for (int n = 0; n < _factors.Length; n++) MatrixKernels.SubtractScaled(_factors[n], stepSize, _gradient[n]);
    }

    public override bool ParametersFinite() => _factors.All(f => f.AllFinite());

    public override double[] FlattenParameters() => Flatten(_factors);

    public override double[] FlattenGradient() => Flatten(_gradient);

    private static double[] Flatten(MatrixBuffer[] blocks)
    {
        var r = new List<double>();
        foreach (var b in blocks)
            for (int i = 0; i < b.Rows; i++)
                for (int j = 0; j < b.Columns; j++)
                    r.Add(b[i, j]);
        return [.. r];
    }

    /// <summary>‖⊗_n w_r^n‖ = Π_n ‖w_r^n‖ for every component r.</summary>
    public double[] ComponentNorms()
    {
        var norms = new double[Components];
        for (int r = 0; r < Components; r++)
        {
            double p = 1;
            foreach (var f in _factors)
            {
                double s = 0;
                for (int i = 0; i < f.Rows; i++) s += f[i, r] * f[i, r];
                p *= Math.Sqrt(s);
            }
            norms[r] = p;
        }
        return norms;
    }

    /// <summary>
    /// max_r (max_n ‖w_r^n‖² − min_n ‖w_r^n‖²): the spread of squared factor norms within a component, which
    /// the gradient flow conserves (M7).
    /// </summary>
    public double BalanceSpread()
    {
        double worst = 0;
        for (int r = 0; r < Components; r++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (var f in _factors)
            {
                double s = 0;
                for (int i = 0; i < f.Rows; i++) s += f[i, r] * f[i, r];
                lo = Math.Min(lo, s);
                hi = Math.Max(hi, s);
            }
            worst = Math.Max(worst, hi - lo);
        }
        return worst;
    }

    /// <summary>The full tensor Σ_r ⊗_n w_r^n, row-major over the modes (allocates; for metrics).</summary>
    public double[] FullTensor()
    {
        var total = Problem.EntryCount;
        var tensor = new double[total];
        var idx = new int[Problem.Order];
        var prod = new double[_factors[0].Stride];
        int stride = _factors[0].Stride;
        for (long flat = 0; flat < total; flat++)
        {
            CpProblem.Unflatten(flat, Problem.Sizes, idx);
            _factors[0].Data.Slice(idx[0] * stride, stride).CopyTo(prod);
            for (int n = 1; n < Problem.Order; n++) RowKernels.Multiply(prod, _factors[n].Data.Slice(idx[n] * stride, stride), prod);
            tensor[flat] = RowKernels.Sum(prod);
        }
        return tensor;
    }

    /// <summary>‖𝒲 − 𝒲*‖_F / ‖𝒲*‖_F, or NaN without ground truth.</summary>
    public double ReconstructionError()
    {
        if (Problem.GroundTruth is not { } truth) return double.NaN;
        var w = FullTensor();
        double num = 0, den = 0;
        for (long i = 0; i < w.LongLength; i++)
        {
            var d = w[i] - truth[i];
            num += d * d;
            den += truth[i] * truth[i];
        }
        return Math.Sqrt(num / den);
    }
}
