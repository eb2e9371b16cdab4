using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// One 3 × 3 PSD completion problem of E4 (Gunasekar et al. 2017): a pattern of 4 of the 6 distinct entries
/// X_ij, i ≤ j (an observed off-diagonal entry fixes X_ij and X_ji alike), and the target's values there.
/// The measurements are A_k = sym(e_i e_jᵀ), so ⟨A_k, X⟩ = X_ij, one per observed entry, and the loss is
/// L(X) = ½ Σ_k (⟨A_k, X⟩ − b_k)². With X = UUᵀ, ∇_U L = 2 A*(r) U, A*(r) = Σ_k r_k A_k, so gradient flow is
/// <c>U̇ = −2 A*(r) U</c> and <c>Ẋ = −2 (A*(r) X + X A*(r))</c>: the constant 2 only rescales time, the limit
/// does not depend on it.
/// </summary>
public sealed class E4PsdCompletion
{
    /// <summary>The 6 distinct entries (i ≤ j, 0-based) in the order patterns are numbered from.</summary>
    public static readonly (int I, int J)[] Entries = [(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)];

    /// <summary>All 15 patterns: the 4-subsets of <see cref="Entries"/> in lexicographic order of their indices.</summary>
    public static IReadOnlyList<int[]> Patterns { get; } =
        (from a in Enumerable.Range(0, 6)
         from b in Enumerable.Range(a + 1, 5 - a)
         from c in Enumerable.Range(b + 1, 5 - b)
         from d in Enumerable.Range(c + 1, 5 - c)
         select new[] { a, b, c, d }).ToList();

    /// <summary>The problem observing the entries numbered <paramref name="pattern"/> (4 distinct indices into <see cref="Entries"/>) of the 3 × 3 <paramref name="target"/>.</summary>
    public E4PsdCompletion(int[] pattern, Matrix<double> target)
    {
        if (pattern.Length != 4 || pattern.Distinct().Count() != 4 || pattern.Any(p => p is < 0 or > 5))
            throw new ArgumentException("a pattern is 4 distinct entries of the 6 (i <= j) of a symmetric 3x3 matrix");
        if (target.RowCount != 3 || target.ColumnCount != 3) throw new ArgumentException("the target must be 3x3");
        Pattern = pattern.Order().ToArray();
        Target = target;
        Values = Pattern.Select(k => target[Entries[k].I, Entries[k].J]).ToArray();
    }

    /// <summary>The observed entries, as indices into <see cref="Entries"/>, ascending.</summary>
    public int[] Pattern { get; }
    /// <summary>The PSD matrix the observed values come from.</summary>
    public Matrix<double> Target { get; }
    /// <summary>b_k, the target at the observed entries.</summary>
    public double[] Values { get; }

    /// <summary>The pattern as 1-based entries, e.g. <c>11,12,13,22</c>.</summary>
    public static string Name(int[] pattern) => string.Join(",", pattern.Select(k => $"{Entries[k].I + 1}{Entries[k].J + 1}"));

    /// <summary>Seed k draws V (3 × 2, i.i.d. N(0, 1)); the rank-1 target is v₁v₁ᵀ, the rank-2 target VVᵀ (the same for every pattern).</summary>
    public static Matrix<double> DrawTarget(int seed, int rank)
    {
        if (rank is < 1 or > 2) throw new ArgumentException($"target rank {rank}: E4 draws rank 1 or 2");
        var random = new SeededRandom(seed);
        var v = Matrix<double>.Build.Dense(3, 2, (_, _) => random.Normal());
        var used = v.SubMatrix(0, 3, 0, rank);
        return used * used.Transpose();
    }

    /// <summary>Every diagonal entry observed: the trace is the same for every completion.</summary>
    public bool DiagonalObserved => new[] { 0, 3, 5 }.All(Pattern.Contains);

    /// <summary>The symmetric observed entries for <see cref="TraceCompletion"/> (both (i,j) and (j,i) off the diagonal).</summary>
    public ObservedEntries Observed()
    {
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int k = 0; k < 4; k++)
        {
            var (i, j) = Entries[Pattern[k]];
            rows.Add(i); cols.Add(j); vals.Add(Values[k]);
            if (i != j) { rows.Add(j); cols.Add(i); vals.Add(Values[k]); }
        }
        return new ObservedEntries(3, 3, rows, cols, vals);
    }

    /// <summary>½ Σ_k (X_ij − b_k)².</summary>
    public double Loss(Matrix<double> x)
    {
        double s = 0;
        for (int k = 0; k < 4; k++)
        {
            var (i, j) = Entries[Pattern[k]];
            var r = x[i, j] - Values[k];
            s += r * r;
        }
        return 0.5 * s;
    }

    /// <summary>
    /// ½ Σ_k ((UUᵀ)_ij − b_k)² of the flattened factor without forming UUᵀ: the flow's stopping event evaluates it at
    /// every step, where <see cref="Loss(Matrix{double})"/> of <see cref="Product"/> allocated three matrices each time.
    /// </summary>
    public double FactorLoss(double[] u)
    {
        double s = 0;
        for (int k = 0; k < 4; k++)
        {
            var (i, j) = Entries[Pattern[k]];
            var r = u[3 * i] * u[3 * j] + u[3 * i + 1] * u[3 * j + 1] + u[3 * i + 2] * u[3 * j + 2] - Values[k];
            s += r * r;
        }
        return 0.5 * s;
    }

    /// <summary>X = UUᵀ of the flattened (row-major) 3 × 3 factor.</summary>
    public static Matrix<double> Product(double[] u)
    {
        var m = Matrix<double>.Build.Dense(3, 3, (i, j) => u[3 * i + j]);
        return m * m.Transpose();
    }

    /// <summary>The right-hand side U̇ = −2 A*(r) U on the flattened factor.</summary>
    public OdeFunction Flow()
    {
        var g = new double[9];
        return (_, u, du) =>
        {
            Array.Clear(g);
            for (int k = 0; k < 4; k++)
            {
                var (i, j) = Entries[Pattern[k]];
                double xij = u[3 * i] * u[3 * j] + u[3 * i + 1] * u[3 * j + 1] + u[3 * i + 2] * u[3 * j + 2];
                double r = xij - Values[k];
                if (i == j) g[3 * i + i] += r;
                else { g[3 * i + j] += r / 2; g[3 * j + i] += r / 2; }
            }
            for (int a = 0; a < 3; a++)
                for (int c = 0; c < 3; c++)
                    du[3 * a + c] = -2 * (g[3 * a] * u[c] + g[3 * a + 1] * u[3 + c] + g[3 * a + 2] * u[6 + c]);
        };
    }
}
