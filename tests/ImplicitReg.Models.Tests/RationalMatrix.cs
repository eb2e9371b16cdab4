using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Tests;

/// <summary>Exact rational matrices for checking symbolic results at points (test-only reference arithmetic).</summary>
internal static class RationalMatrix
{
    public static Rational[,] Product(Rational[,] a, Rational[,] b)
    {
        var m = new Rational[a.GetLength(0), b.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++)
            {
                var s = Rational.Zero;
                for (int k = 0; k < a.GetLength(1); k++) s += a[i, k] * b[k, j];
                m[i, j] = s;
            }
        return m;
    }

    public static Rational[,] Transpose(Rational[,] a)
    {
        var m = new Rational[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                m[j, i] = a[i, j];
        return m;
    }

    public static Rational[,] Identity(int n)
    {
        var m = new Rational[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = i == j ? Rational.One : Rational.Zero;
        return m;
    }

    /// <summary>Small random rationals k/4 with k in [−8, 8], from the caller's seeded generator.</summary>
    public static Rational[,] Random(Random rng, int rows, int cols)
    {
        var m = new Rational[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                m[i, j] = new Rational(rng.Next(-8, 9), 4);
        return m;
    }
}
