using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// Matrix completion loss <c>L(W) = c · Σ_{(i,j)∈Ω} (W_ij − b_ij)²</c> over a rows × cols matrix, with c from
/// <see cref="LossScale"/> (½, 1/|Ω| or 1).
/// </summary>
public sealed class CompletionLoss : Loss
{
    private readonly Observation[] _observed;

    /// <summary>The completion loss over a <paramref name="rows"/> × <paramref name="cols"/> matrix observed at <paramref name="observed"/> (1-based positions inside the matrix, each at most once), with the constant <paramref name="scale"/>.</summary>
    public CompletionLoss(int rows, int cols, IReadOnlyList<Observation> observed, LossScale scale)
    {
        if (rows < 1 || cols < 1) throw new ArgumentException("the matrix must be at least 1×1");
        if (observed.Count == 0) throw new ArgumentException("at least one entry must be observed", nameof(observed));
        foreach (var o in observed)
            if (o.Row < 1 || o.Row > rows || o.Col < 1 || o.Col > cols)
                throw new ArgumentException($"observed entry ({o.Row},{o.Col}) is outside the {rows}×{cols} matrix (indices are 1-based)");
        var dup = observed.GroupBy(o => (o.Row, o.Col)).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"entry ({dup.Key.Row},{dup.Key.Col}) is observed twice");
        Rows = rows;
        Cols = cols;
        _observed = observed.ToArray();
        Scale = scale;
    }

    /// <inheritdoc />
    public override int Rows { get; }

    /// <inheritdoc />
    public override int Cols { get; }

    /// <summary>Ω with the targets, in the order given.</summary>
    public IReadOnlyList<Observation> Observed => _observed;

    /// <summary>Which constant c multiplies the sum (½, 1/|Ω| or 1); it changes every derived formula.</summary>
    public LossScale Scale { get; }

    /// <summary>The constant c.</summary>
    public Rational Constant => LossScales.Constant(Scale, _observed.Length);

    /// <inheritdoc />
    public override string Describe() =>
        $"L(W) = {Constant} * sum over Omega of (W[i,j] - b[i,j])^2 ({LossScales.Name(Scale)}), Omega = {{{string.Join(", ", _observed.Select(o => o.ToString()))}}}";

    /// <inheritdoc />
    public override Expr Value(Expr[,] endToEnd)
    {
        CheckShape(endToEnd);
        var terms = _observed.Select(o => Expr.Pow(Expr.Sub(endToEnd[o.Row - 1, o.Col - 1], o.Target), 2));
        return Expr.Mul(Constant, Expr.Add(terms));
    }
}
