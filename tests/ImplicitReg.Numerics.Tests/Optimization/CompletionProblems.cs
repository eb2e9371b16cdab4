using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.Optimization;

/// <summary>Test problems for the completion baselines, each drawn from a fixed seed.</summary>
internal static class CompletionProblems
{
    /// <summary>The 2×2 problem of Razin and Cohen: b_12 = b_21 = 1, b_22 = 0 observed, (1,1) free.</summary>
    public static ObservedEntries TwoByTwo() => new(2, 2, [0, 1, 1], [1, 0, 1], [1.0, 1.0, 0.0]);

    /// <summary>A rows × columns target of rank r with Gaussian factors, scaled to entry RMS 1.</summary>
    public static Matrix<double> LowRank(int rows, int columns, int rank, int seed)
    {
        var random = new Random(seed);
        var left = Matrix<double>.Build.Dense(rows, rank, (_, _) => Gaussian(random));
        var right = Matrix<double>.Build.Dense(columns, rank, (_, _) => Gaussian(random));
        var target = left * right.Transpose();
        return target * (Math.Sqrt(rows * columns) / target.FrobeniusNorm());
    }

    /// <summary>Observes <paramref name="count"/> distinct entries of the target, uniformly at random.</summary>
    public static ObservedEntries Observe(Matrix<double> target, int count, int seed)
    {
        var random = new Random(seed);
        var positions = Enumerable.Range(0, target.RowCount * target.ColumnCount).ToArray();
        random.Shuffle(positions);
        var chosen = positions.Take(count).Order().ToArray();
        var rows = chosen.Select(p => p / target.ColumnCount).ToArray();
        var columns = chosen.Select(p => p % target.ColumnCount).ToArray();
        return new ObservedEntries(target.RowCount, target.ColumnCount, rows, columns,
            chosen.Select(p => target[p / target.ColumnCount, p % target.ColumnCount]).ToArray());
    }

    public static double Gaussian(Random random)
    {
        // Box–Muller: one normal deviate from two uniforms (the first kept away from 0 so the log is finite).
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Nuclear(Matrix<double> m) => m.Svd(false).S.Sum();
    public static double Spectral(Matrix<double> m) => m.Svd(false).S[0];
}
