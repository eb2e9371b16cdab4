using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// Matrix sensing loss <c>L(W) = c · Σ_i (⟨A_i, W⟩ − y_i)²</c> with measurement matrices A_i (entries may be
/// symbolic) and targets y_i; <c>A(W)_i = ⟨A_i, W⟩</c>, residual <c>r_i = A(W)_i − y_i</c>, <c>A*(r) = Σ r_i A_i</c>.
/// </summary>
public sealed class SensingLoss : Loss
{
    private readonly Expr[][,] _measurements;
    private readonly Expr[] _targets;

    /// <summary>The sensing loss with measurement matrices A_i (all of one shape, at least one), one target y_i per matrix, and the constant <paramref name="scale"/>.</summary>
    public SensingLoss(IReadOnlyList<Expr[,]> measurements, IReadOnlyList<Expr> targets, LossScale scale)
    {
        if (measurements.Count == 0) throw new ArgumentException("at least one measurement is needed", nameof(measurements));
        if (measurements.Count != targets.Count) throw new ArgumentException($"{measurements.Count} measurements but {targets.Count} targets");
        Rows = measurements[0].GetLength(0);
        Cols = measurements[0].GetLength(1);
        if (measurements.Any(a => a.GetLength(0) != Rows || a.GetLength(1) != Cols))
            throw new ArgumentException("all measurement matrices must have the same shape", nameof(measurements));
        _measurements = measurements.ToArray();
        _targets = targets.ToArray();
        Scale = scale;
    }

    /// <inheritdoc />
    public override int Rows { get; }

    /// <inheritdoc />
    public override int Cols { get; }

    /// <summary>The measurement matrices A_i, in order.</summary>
    public IReadOnlyList<Expr[,]> Measurements => _measurements;

    /// <summary>The targets y_i, one per measurement.</summary>
    public IReadOnlyList<Expr> Targets => _targets;

    /// <summary>Which constant c multiplies the sum (½, 1/m or 1); κ in the derived flows depends on it.</summary>
    public LossScale Scale { get; }

    /// <summary>The constant c (the mean divides by the number of measurements m).</summary>
    public Rational Constant => LossScales.Constant(Scale, _measurements.Length);

    /// <inheritdoc />
    public override string Describe() =>
        $"L(W) = {Constant} * sum_i (<A_i, W> - y_i)^2 ({LossScales.Name(Scale)}), m = {_measurements.Length} measurements";

    /// <summary>⟨A_i, W⟩ = Σ_ab A_i[a,b]·W[a,b].</summary>
    public Expr Measure(int i, Expr[,] w)
    {
        CheckShape(w);
        var a = _measurements[i];
        var terms = new List<Expr>();
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
                terms.Add(Expr.Mul(a[r, c], w[r, c]));
        return Expr.Add(terms);
    }

    /// <summary>The residuals r_i = ⟨A_i, W⟩ − y_i.</summary>
    public Expr[] Residuals(Expr[,] w) => Enumerable.Range(0, _measurements.Length).Select(i => Expr.Sub(Measure(i, w), _targets[i])).ToArray();

    /// <summary>The adjoint A*(r) = Σ_i r_i A_i.</summary>
    public Expr[,] Adjoint(IReadOnlyList<Expr> r)
    {
        var sum = ExprMatrices.Scale(r[0], _measurements[0]);
        for (int i = 1; i < _measurements.Length; i++) sum = ExprMatrices.Add(sum, ExprMatrices.Scale(r[i], _measurements[i]));
        return sum;
    }

    /// <inheritdoc />
    public override Expr Value(Expr[,] endToEnd) =>
        Expr.Mul(Constant, Expr.Add(Residuals(endToEnd).Select(r => Expr.Pow(r, 2))));
}
