using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>How a linear program ended.</summary>
public enum LinearProgramStatus
{
    /// <summary>An optimal x with a dual y of equal objective (strong duality, exact).</summary>
    Optimal,
    /// <summary>No x ≥ 0 solves Ax = b; a Farkas vector y with Aᵀy ≤ 0 and bᵀy &gt; 0 proves it.</summary>
    Infeasible,
    /// <summary>The objective decreases without bound along a ray d ≥ 0 with Ad = 0 and cᵀd &lt; 0 (from a feasible x).</summary>
    Unbounded,
}

/// <summary>
/// The exact outcome of <see cref="ExactLinearProgram"/> for <c>minimise cᵀx subject to Ax = b, x ≥ 0</c>, with the
/// certificate of its status. Every result is checked by <see cref="Verify"/> before it is returned, in exact
/// arithmetic, so a bug in the pivoting cannot yield a wrong "optimal".
/// </summary>
public sealed class LinearProgramResult
{
    private readonly Rational[,] _a;
    private readonly Rational[] _b, _c;

    private LinearProgramResult(LinearProgramStatus status, Rational[,] a, IReadOnlyList<Rational> b, IReadOnlyList<Rational> c,
        Rational[] solution, Rational[] dual, Rational[] ray)
    {
        Status = status;
        _a = a;
        _b = b.ToArray();
        _c = c.ToArray();
        Solution = solution;
        Dual = dual;
        Ray = ray;
        Verify();
    }

    /// <summary>How the linear program ended (optimal, infeasible or unbounded).</summary>
    public LinearProgramStatus Status { get; }

    /// <summary>The optimal x (Optimal; a feasible x for Unbounded is not reported); empty otherwise.</summary>
    public IReadOnlyList<Rational> Solution { get; }

    /// <summary>Optimal: the dual optimum y (Aᵀy ≤ c, bᵀy = cᵀx). Infeasible: the Farkas vector. Empty for Unbounded.</summary>
    public IReadOnlyList<Rational> Dual { get; }

    /// <summary>Unbounded: the improving ray d. Empty otherwise.</summary>
    public IReadOnlyList<Rational> Ray { get; }

    /// <summary>The optimal value cᵀx; refused (exception) unless the status is Optimal.</summary>
    public Rational Value => Status == LinearProgramStatus.Optimal
        ? Dot(_c, Solution)
        : throw new InvalidOperationException($"the linear program has no optimal value: it is {Status.ToString().ToLowerInvariant()}");

    internal static LinearProgramResult Optimal(Rational[,] a, IReadOnlyList<Rational> b, IReadOnlyList<Rational> c, Rational[] x, Rational[] y) =>
        new(LinearProgramStatus.Optimal, a, b, c, x, y, []);

    internal static LinearProgramResult Infeasible(Rational[,] a, IReadOnlyList<Rational> b, IReadOnlyList<Rational> c, Rational[] y) =>
        new(LinearProgramStatus.Infeasible, a, b, c, [], y, []);

    internal static LinearProgramResult Unbounded(Rational[,] a, IReadOnlyList<Rational> b, IReadOnlyList<Rational> c, Rational[] d) =>
        new(LinearProgramStatus.Unbounded, a, b, c, [], [], d);

    /// <summary>Checks the certificate of the status exactly; throws if it does not hold.</summary>
    public void Verify()
    {
        int m = _a.GetLength(0), n = _a.GetLength(1);
        switch (Status)
        {
            case LinearProgramStatus.Optimal:
                Require(Solution.All(v => v.Sign >= 0), "x >= 0");
                for (int i = 0; i < m; i++) Require(RowDot(i, Solution) == _b[i], $"row {i} of Ax = b");
                for (int j = 0; j < n; j++) Require(ColumnDot(j, Dual) <= _c[j], $"column {j} of A^T y <= c");
                Require(Dot(_b, Dual) == Dot(_c, Solution), "b^T y = c^T x");
                break;
            case LinearProgramStatus.Infeasible:
                for (int j = 0; j < n; j++) Require(ColumnDot(j, Dual).Sign <= 0, $"column {j} of A^T y <= 0");
                Require(Dot(_b, Dual).Sign > 0, "b^T y > 0");
                break;
            case LinearProgramStatus.Unbounded:
                Require(Ray.All(v => v.Sign >= 0), "d >= 0");
                for (int i = 0; i < m; i++) Require(RowDot(i, Ray).IsZero, $"row {i} of A d = 0");
                Require(Dot(_c, Ray).Sign < 0, "c^T d < 0");
                break;
        }
    }

    /// <summary>Readable summary, e.g. "optimal, value 3/2".</summary>
    public override string ToString() => Status switch
    {
        LinearProgramStatus.Optimal => $"optimal, value {Value}, x = ({string.Join(", ", Solution)}), y = ({string.Join(", ", Dual)})",
        LinearProgramStatus.Infeasible => $"infeasible, Farkas y = ({string.Join(", ", Dual)})",
        _ => $"unbounded along d = ({string.Join(", ", Ray)})",
    };

    private void Require(bool holds, string what)
    {
        if (!holds) throw new InvalidOperationException($"exact simplex certificate failed ({Status}): {what} does not hold; this is a bug");
    }

    private Rational RowDot(int i, IReadOnlyList<Rational> x)
    {
        var s = Rational.Zero;
        for (int j = 0; j < x.Count; j++) s += _a[i, j] * x[j];
        return s;
    }

    private Rational ColumnDot(int j, IReadOnlyList<Rational> y)
    {
        var s = Rational.Zero;
        for (int i = 0; i < y.Count; i++) s += _a[i, j] * y[i];
        return s;
    }

    private static Rational Dot(IReadOnlyList<Rational> u, IReadOnlyList<Rational> v)
    {
        var s = Rational.Zero;
        for (int k = 0; k < u.Count; k++) s += u[k] * v[k];
        return s;
    }
}
