using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Numerics.Optimization;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// The corollary of E4 (Gunasekar et al. 2017): non-negative least squares with x = u∘u. A is m × n with integer
/// entries uniform in −5 … 5, x* ≥ 0 has <see cref="Support"/> non-zero integer entries 1 … 5, y = A x* (exact, so the
/// linear program is exact). Loss ½‖A(u∘u) − y‖², so u̇ = −2 u∘(Aᵀr), r = A(u∘u) − y. Because u keeps its sign
/// the flow is integrated in w = log u (ẇ = −2 Aᵀr, x = e^{2w}), which resolves α down to 1e-16 without an absolute
/// tolerance below the smallest entry. The comparison is the minimum-ℓ₁ non-negative solution of Ax = y
/// (<see cref="ExactLinearProgram"/>, exact, with its dual certificate), and whether that optimum is unique is decided
/// exactly too: the optimal face {x ≥ 0, Ax = y, Σx = opt} is one point iff max x_j over it equals the optimum's x_j
/// for every j (n more exact linear programs).
/// </summary>
public sealed class E4NonNegative
{
    /// <summary>m: the number of measurements (rows of A).</summary>
    public const int Rows = 4;
    /// <summary>n: the number of unknowns (columns of A); n &gt; m, so Ax = y has many non-negative solutions.</summary>
    public const int Columns = 8;
    /// <summary>How many entries of x* are non-zero.</summary>
    public const int Support = 2;

    /// <summary>The problem with measurement matrix <paramref name="a"/> (m × n, exact) and planted solution <paramref name="xStar"/> (n entries, non-negative); y = A x* is computed exactly.</summary>
    public E4NonNegative(Rational[,] a, Rational[] xStar)
    {
        A = a;
        XStar = xStar;
        Y = Enumerable.Range(0, a.GetLength(0)).Select(i =>
        {
            var s = Rational.Zero;
            for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * xStar[j];
            return s;
        }).ToArray();
        ADouble = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                ADouble[i, j] = a[i, j].ToDouble();
        YDouble = Y.Select(v => v.ToDouble()).ToArray();
    }

    /// <summary>The measurement matrix A, exact.</summary>
    public Rational[,] A { get; }
    /// <summary>The planted non-negative solution x*.</summary>
    public Rational[] XStar { get; }
    /// <summary>The measurements y = A x*, exact.</summary>
    public Rational[] Y { get; }
    /// <summary>A in doubles, for the flow.</summary>
    public double[,] ADouble { get; }
    /// <summary>y in doubles, for the flow.</summary>
    public double[] YDouble { get; }
    /// <summary>m, the rows of A.</summary>
    public int M => A.GetLength(0);
    /// <summary>n, the columns of A.</summary>
    public int N => A.GetLength(1);

    /// <summary>Seed k draws A (row by row) and then the support and values of x*.</summary>
    public static E4NonNegative Draw(int seed)
    {
        var random = new SeededRandom(seed);
        var a = new Rational[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
                a[i, j] = random.Integer(11) - 5;
        var x = Enumerable.Repeat(Rational.Zero, Columns).ToArray();
        foreach (var j in random.Distinct(Columns, Support)) x[j] = 1 + random.Integer(5);
        return new E4NonNegative(a, x);
    }

    /// <summary>The exact minimum-ℓ₁ non-negative solution, and whether it is the only one.</summary>
    public (LinearProgramResult Result, bool Unique) MinimumL1()
    {
        var result = ExactLinearProgram.MinimumL1NonNegative(A, Y);
        if (result.Status != LinearProgramStatus.Optimal) return (result, false);
        var face = new Rational[M + 1, N];
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
                face[i, j] = A[i, j];
        for (int j = 0; j < N; j++) face[M, j] = Rational.One;
        var rhs = Y.Append(result.Value).ToArray();
        for (int j = 0; j < N; j++)
        {
            var cost = Enumerable.Range(0, N).Select(c => c == j ? Rational.MinusOne : Rational.Zero).ToArray();
            var other = ExactLinearProgram.Minimize(face, rhs, cost);
            if (other.Status != LinearProgramStatus.Optimal || -other.Value != result.Solution[j]) return (result, false);
        }
        return (result, true);
    }

    /// <summary>x = e^{2w}.</summary>
    public static double[] X(double[] w) => w.Select(v => Math.Exp(2 * v)).ToArray();

    /// <summary>½‖A x − y‖² at x = e^{2w}.</summary>
    public double Loss(double[] w)
    {
        var x = X(w); // one exponential per coordinate, not one per row and coordinate
        double s = 0;
        for (int i = 0; i < M; i++)
        {
            double r = -YDouble[i];
            for (int j = 0; j < N; j++) r += ADouble[i, j] * x[j];
            s += r * r;
        }
        return 0.5 * s;
    }

    /// <summary>ẇ = −2 Aᵀ r with r = A e^{2w} − y.</summary>
    public OdeFunction Flow()
    {
        var r = new double[M];
        var x = new double[N];
        return (_, w, dw) =>
        {
            for (int j = 0; j < N; j++) x[j] = Math.Exp(2 * w[j]);
            for (int i = 0; i < M; i++)
            {
                double s = -YDouble[i];
                for (int j = 0; j < N; j++) s += ADouble[i, j] * x[j];
                r[i] = s;
            }
            for (int j = 0; j < N; j++)
            {
                double s = 0;
                for (int i = 0; i < M; i++) s += ADouble[i, j] * r[i];
                dw[j] = -2 * s;
            }
        };
    }
}
