using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Experiments.Simulators.Losses;

/// <summary>
/// A squared loss on an end-to-end matrix W (rows × columns), completion or sensing, in the numeric form the
/// simulators use (0-based indices, double targets); the symbolic counterparts live in ImplicitReg.Models.Losses.
/// </summary>
public abstract class MatrixLoss
{
    /// <summary>A loss on <paramref name="rows"/> × <paramref name="columns"/> matrices whose constant is fixed by <paramref name="scale"/> and the <paramref name="count"/> of terms in the sum (for the mean).</summary>
    protected MatrixLoss(int rows, int columns, LossScale scale, int count)
    {
        Rows = rows;
        Columns = columns;
        Scale = scale;
        Constant = LossScales.Constant(scale, count).ToDouble();
    }

    /// <summary>Rows of W.</summary>
    public int Rows { get; }
    /// <summary>Columns of W.</summary>
    public int Columns { get; }
    /// <summary>Which constant (½, mean or 1), named as in the symbolic models.</summary>
    public LossScale Scale { get; }

    /// <summary>The numeric constant c of <c>c·Σ residual²</c>.</summary>
    public double Constant { get; }

    /// <summary>L(W) evaluated directly from a dense W (reference path, allocation allowed).</summary>
    public abstract double Evaluate(MatrixBuffer w);

    /// <summary>∇L(W) as a dense matrix (reference path).</summary>
    public abstract MatrixBuffer Gradient(MatrixBuffer w);
}

/// <summary>
/// Completion: <c>L(W) = c·Σ_{(i,j)∈Ω} (W_ij − b_ij)²</c>. Its gradient has one non-zero per observed entry,
/// which the simulators exploit.
/// </summary>
public sealed class CompletionMatrixLoss : MatrixLoss
{
    /// <summary>The completion loss over the observed entries (0-based row, column and target; at least one), with the constant <paramref name="constant"/>.</summary>
    public CompletionMatrixLoss(int rows, int columns, IReadOnlyList<(int Row, int Column, double Target)> observed, LossScale constant)
        : base(rows, columns, constant, observed.Count)
    {
        if (observed.Count == 0) throw new ArgumentException("a completion loss needs at least one observed entry");
        RowIndex = new int[observed.Count];
        ColumnIndex = new int[observed.Count];
        Targets = new double[observed.Count];
        var seen = new HashSet<(int, int)>();
        for (int k = 0; k < observed.Count; k++)
        {
            var (r, c, b) = observed[k];
            if (r < 0 || r >= rows || c < 0 || c >= columns)
                throw new ArgumentException($"observed entry ({r + 1},{c + 1}) is outside the {rows}×{columns} matrix");
            if (!seen.Add((r, c))) throw new ArgumentException($"entry ({r + 1},{c + 1}) is observed twice");
            RowIndex[k] = r;
            ColumnIndex[k] = c;
            Targets[k] = b;
        }
    }

    /// <summary>0-based row of each observed entry.</summary>
    public int[] RowIndex { get; }

    /// <summary>0-based column of each observed entry.</summary>
    public int[] ColumnIndex { get; }

    /// <summary>The target of each observed entry, in the order given.</summary>
    public double[] Targets { get; }

    /// <summary>The number of observed entries |Ω|.</summary>
    public int Count => Targets.Length;

    /// <inheritdoc />
    public override double Evaluate(MatrixBuffer w)
    {
        double s = 0;
        for (int k = 0; k < Count; k++)
        {
            var r = w[RowIndex[k], ColumnIndex[k]] - Targets[k];
            s += r * r;
        }
        return Constant * s;
    }

    /// <inheritdoc />
    public override MatrixBuffer Gradient(MatrixBuffer w)
    {
        var g = new MatrixBuffer(Rows, Columns);
        for (int k = 0; k < Count; k++)
            g[RowIndex[k], ColumnIndex[k]] = 2 * Constant * (w[RowIndex[k], ColumnIndex[k]] - Targets[k]);
        return g;
    }
}

/// <summary>
/// Sensing: <c>L(W) = c·Σ_i (⟨A_i, W⟩ − y_i)²</c>, gradient <c>2c·Σ_i r_i·A_i</c> (dense).
/// </summary>
public sealed class SensingMatrixLoss : MatrixLoss
{
    /// <summary>The sensing loss with matrices A_i (all of one shape) and one value y_i each, with the constant <paramref name="constant"/>.</summary>
    public SensingMatrixLoss(IReadOnlyList<MatrixBuffer> measurements, IReadOnlyList<double> values, LossScale constant)
        : base(measurements[0].Rows, measurements[0].Columns, constant, measurements.Count)
    {
        if (measurements.Count != values.Count) throw new ArgumentException("one value per measurement matrix is needed");
        foreach (var a in measurements) a.RequireSameShape(measurements[0]);
        Measurements = measurements;
        Values = values.ToArray();
    }

    /// <summary>The measurement matrices A_i, all of the loss's shape.</summary>
    public IReadOnlyList<MatrixBuffer> Measurements { get; }
    /// <summary>The measured values y_i, one per matrix.</summary>
    public double[] Values { get; }

    /// <summary>The number of measurements m.</summary>
    public int Count => Values.Length;

    /// <summary>⟨A_i, W⟩ − y_i.</summary>
    public double Residual(int i, MatrixBuffer w) => RowKernels.Dot(Measurements[i].Data, w.Data) - Values[i];

    /// <inheritdoc />
    public override double Evaluate(MatrixBuffer w)
    {
        double s = 0;
        for (int i = 0; i < Count; i++)
        {
            var r = Residual(i, w);
            s += r * r;
        }
        return Constant * s;
    }

    /// <inheritdoc />
    public override MatrixBuffer Gradient(MatrixBuffer w)
    {
        var g = new MatrixBuffer(Rows, Columns);
        for (int i = 0; i < Count; i++) RowKernels.AddScaled(2 * Constant * Residual(i, w), Measurements[i].Data, g.Data);
        return g;
    }
}
