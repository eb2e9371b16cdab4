namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// In-place LU factorization with partial pivoting of a small dense row-major matrix, reusing its storage
/// (the stiff method factors <c>I − h·d·J</c> every step; MathNet's LU would allocate each time).
/// </summary>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _lu;
    private readonly int[] _pivot;

    public DenseLu(int n)
    {
        _n = n;
        _lu = new double[n * n];
        _pivot = new int[n];
    }

    /// <summary>The matrix to factor; fill it, then call <see cref="Factor"/>.</summary>
    public double[] Matrix => _lu;

    /// <summary>Factors the matrix in place; false when it is singular to working precision.</summary>
    public bool Factor()
    {
        int n = _n;
        var a = _lu;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                var v = Math.Abs(a[i * n + k]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }
            _pivot[k] = p;
            if (best == 0 || !double.IsFinite(best)) return false;
            if (p != k)
                for (int j = 0; j < n; j++) (a[k * n + j], a[p * n + j]) = (a[p * n + j], a[k * n + j]);
            var inv = 1 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                var m = a[i * n + k] *= inv;
                if (m == 0) continue;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= m * a[k * n + j];
            }
        }
        return true;
    }

    /// <summary>Solves <c>A·x = b</c> in place (<paramref name="b"/> becomes x).</summary>
    public void Solve(double[] b)
    {
        int n = _n;
        var a = _lu;
        for (int k = 0; k < n; k++)
        {
            var p = _pivot[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
        }
        for (int i = 1; i < n; i++)
        {
            double s = b[i];
            for (int j = 0; j < i; j++) s -= a[i * n + j] * b[j];
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < n; j++) s -= a[i * n + j] * b[j];
            b[i] = s / a[i * n + i];
        }
    }
}
