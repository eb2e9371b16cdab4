using ImplicitReg.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Initialization;

/// <summary>How the layers of a factorization start.</summary>
public enum InitKind
{
    /// <summary>Each layer i.i.d. N(0, std²).</summary>
    Gaussian,

    /// <summary>
    /// Layers from the SVD of a sampled product: draw Gaussian layers, take W = UΣVᵀ, and set
    /// W_j = Q_j·Σ^{1/N}·Q_{j−1}ᵀ with Q_N = U, Q_0 = V and random orthonormal Q_j in between, so
    /// W_{j+1}ᵀW_{j+1} = W_jW_jᵀ exactly and the product is unchanged.
    /// </summary>
    Balanced,

    /// <summary>W_j = α·I (rectangular identity).</summary>
    Identity,

    /// <summary>W_j = α·Q_j with Q_j a random matrix with orthonormal rows or columns.</summary>
    Orthogonal,
}

/// <summary>Settings of an initialization; <see cref="Scale"/> is the std (Gaussian, Balanced) or α.</summary>
/// <param name="Kind">The scheme.</param>
/// <param name="Scale">Per-layer standard deviation for Gaussian/Balanced sampling, α for Identity/Orthogonal.</param>
/// <param name="PositiveDeterminant">Resample until det W(0) &gt; 0 (square end-to-end matrices only).</param>
public sealed record InitSpec(InitKind Kind, double Scale, bool PositiveDeterminant = false)
{
    /// <summary>
    /// E1's per-layer standard deviation for a target end-to-end scale s: each layer N(0, (s^{1/N}/√d)²),
    /// so ‖W(0)‖_F ≈ s·√d for d × d layers.
    /// </summary>
    public static double StdForEndToEndScale(double scale, int depth, int width) => Math.Pow(scale, 1.0 / depth) / Math.Sqrt(width);
}

/// <summary>Draws initial layers; records how many draws a positive determinant took.</summary>
public static class LayerInitializer
{
    /// <summary>Most draws tried for det W(0) &gt; 0 (probability ½ each for symmetric random layers).</summary>
    public const int MaxResamples = 1000;

    /// <summary>Layers of shapes d_j × d_{j−1} for <paramref name="dimensions"/> = d_0 … d_N.</summary>
    public static MatrixBuffer[] Create(IReadOnlyList<int> dimensions, InitSpec spec, SeededRandom random, out int draws)
    {
        int n = dimensions.Count - 1;
        if (n < 1) throw new ArgumentException("at least one layer is needed");
        if (!(spec.Scale >= 0) || !double.IsFinite(spec.Scale)) throw new ArgumentException($"initialization scale {spec.Scale} must be finite and non-negative");
        bool square = dimensions[0] == dimensions[n];
        if (spec.PositiveDeterminant && !square)
            throw new ArgumentException($"det W(0) > 0 needs a square end-to-end matrix, not {dimensions[n]}×{dimensions[0]}");
        draws = 0;
        while (true)
        {
            draws++;
            var layers = Draw(dimensions, spec, random);
            if (!spec.PositiveDeterminant) return layers;
            var det = Determinant(layers);
            if (det > 0 && double.IsFinite(det)) return layers;
            // An overflowing W(0) would otherwise be redrawn 1000 times and reported as bad luck with the sign.
            if (!double.IsFinite(det))
                throw new ArgumentException($"det W(0) overflows at the initialization scale {spec.Scale:G6} (layers too large for double precision); choose a smaller scale");
            if (spec.Kind == InitKind.Identity)
                throw new ArgumentException("a scaled identity has a fixed determinant; it cannot be resampled to make det W(0) > 0");
            if (draws >= MaxResamples)
                throw new InvalidOperationException($"no draw with det W(0) > 0 in {MaxResamples} tries (the last had det W(0) = {det:G3}); " +
                    "choose a larger initialization scale, or do not require det W(0) > 0");
        }
    }

    private static MatrixBuffer[] Draw(IReadOnlyList<int> d, InitSpec spec, SeededRandom random)
    {
        int n = d.Count - 1;
        return spec.Kind switch
        {
            InitKind.Gaussian => Enumerable.Range(0, n).Select(j => Gaussian(d[j + 1], d[j], spec.Scale, random)).ToArray(),
            InitKind.Balanced => Balanced(d, spec.Scale, random),
            InitKind.Identity => Enumerable.Range(0, n).Select(j => ScaledIdentity(d[j + 1], d[j], spec.Scale)).ToArray(),
            InitKind.Orthogonal => Enumerable.Range(0, n)
                .Select(j => MatrixBuffer.FromMatrix(spec.Scale * Orthonormal(d[j + 1], d[j], random))).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };
    }

    /// <summary>A <paramref name="rows"/> × <paramref name="columns"/> matrix of independent N(0, <paramref name="std"/>²) entries, drawn row by row from <paramref name="random"/>.</summary>
    public static MatrixBuffer Gaussian(int rows, int columns, double std, SeededRandom random)
    {
        var m = new MatrixBuffer(rows, columns);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = std * random.Normal();
        return m;
    }

    private static MatrixBuffer ScaledIdentity(int rows, int columns, double alpha)
    {
        var m = new MatrixBuffer(rows, columns);
        for (int i = 0; i < Math.Min(rows, columns); i++) m[i, i] = alpha;
        return m;
    }

    /// <summary>A rows × columns matrix with orthonormal columns (rows ≥ columns) or rows, Haar-distributed (QR with sign fix).</summary>
    public static Matrix<double> Orthonormal(int rows, int columns, SeededRandom random)
    {
        int big = Math.Max(rows, columns), small = Math.Min(rows, columns);
        var g = Matrix<double>.Build.Dense(big, small, (_, _) => random.Normal());
        var qr = g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        for (int c = 0; c < small; c++)
            if (qr.R[c, c] < 0) q.SetColumn(c, -q.Column(c)); // sign fix makes the distribution Haar
        return rows >= columns ? q : q.Transpose();
    }

    private static MatrixBuffer[] Balanced(IReadOnlyList<int> d, double std, SeededRandom random)
    {
        int n = d.Count - 1;
        var sampled = Enumerable.Range(0, n).Select(j => Gaussian(d[j + 1], d[j], std, random).ToMatrix()).ToArray();
        var w = sampled[0];
        for (int j = 1; j < n; j++) w = sampled[j] * w;
        int k = d.Min();
        var svd = w.Svd(computeVectors: true);
        var root = Matrix<double>.Build.DenseDiagonal(k, k, i => Math.Pow(svd.S[i], 1.0 / n));
        var q = new Matrix<double>[n + 1];
        q[0] = svd.VT.Transpose().SubMatrix(0, d[0], 0, k);
        q[n] = svd.U.SubMatrix(0, d[n], 0, k);
        for (int j = 1; j < n; j++) q[j] = Orthonormal(d[j], k, random);
        return Enumerable.Range(1, n).Select(j => MatrixBuffer.FromMatrix(q[j] * root * q[j - 1].Transpose())).ToArray();
    }

    /// <summary>det(W_N⋯W_1) for a square product.</summary>
    public static double Determinant(IReadOnlyList<MatrixBuffer> layers)
    {
        var w = layers[0].ToMatrix();
        for (int j = 1; j < layers.Count; j++) w = layers[j].ToMatrix() * w;
        return w.Determinant();
    }
}
