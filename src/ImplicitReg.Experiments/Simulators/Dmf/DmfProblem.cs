using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using MathNet.Numerics.LinearAlgebra;
using ImplicitReg.Models.Losses;
using ImplicitReg.Models.Problems;

namespace ImplicitReg.Experiments.Simulators.Dmf;

/// <summary>
/// A matrix problem for factorized gradient descent: the loss, the layer dimensions, and (when known) the
/// ground truth for reconstruction errors.
/// </summary>
/// <param name="Name">Short description for outputs.</param>
/// <param name="Loss">The loss on the end-to-end matrix.</param>
/// <param name="Dimensions">d_0 … d_N.</param>
/// <param name="GroundTruth">The matrix the observations came from, or null.</param>
public sealed record DmfProblem(string Name, MatrixLoss Loss, int[] Dimensions, MatrixBuffer? GroundTruth)
{
    /// <summary>The depth N: the number of layers, one fewer than the dimensions d_0 … d_N.</summary>
    public int Depth => Dimensions.Length - 1;

    /// <summary>d_0 … d_N for a depth-N factorization of a rows × columns matrix with hidden width <paramref name="hidden"/>.</summary>
    public static int[] LayerDimensions(int rows, int columns, int depth, int? hidden = null)
    {
        if (depth < 1) throw new ArgumentException($"depth must be at least 1, got {depth}");
        var d = new int[depth + 1];
        d[0] = columns;
        d[depth] = rows;
        for (int j = 1; j < depth; j++) d[j] = hidden ?? Math.Min(rows, columns);
        return d;
    }

    /// <summary>
    /// E1 (Arora et al. 2019): a rows × columns target W* = U·Vᵀ of the given rank with i.i.d. N(0, 1) factors,
    /// rescaled to entry RMS 1 (‖W*‖_F = √(rows·columns)), with <paramref name="observed"/> entries drawn
    /// uniformly without replacement.
    /// </summary>
    public static DmfProblem RandomCompletion(int rows, int columns, int rank, int observed, int depth,
        LossScale constant, SeededRandom random, int? hidden = null)
    {
        if (rank < 1 || rank > Math.Min(rows, columns)) throw new ArgumentException($"rank {rank} must be between 1 and {Math.Min(rows, columns)}");
        if (observed < 1 || observed > rows * columns) throw new ArgumentException($"observed count {observed} must be between 1 and {rows * columns}");
        var u = Matrix<double>.Build.Dense(rows, rank, (_, _) => random.Normal());
        var v = Matrix<double>.Build.Dense(columns, rank, (_, _) => random.Normal());
        var target = u * v.Transpose();
        target *= Math.Sqrt(rows * (double)columns) / target.FrobeniusNorm();
        var truth = MatrixBuffer.FromMatrix(target);
        var entries = random.Distinct(rows * columns, observed)
            .Select(i => (i / columns, i % columns, truth[i / columns, i % columns])).ToList();
        var loss = new CompletionMatrixLoss(rows, columns, entries, constant);
        return new DmfProblem($"random rank-{rank} {rows}x{columns} completion, {observed} observed", loss,
            LayerDimensions(rows, columns, depth, hidden), truth);
    }

    /// <summary>
    /// M6 (Razin and Cohen 2020): Ω = {(1,2), (2,1), (2,2)} with targets 1, 1, 0; every solution is
    /// [[x, 1], [1, 0]] with det = −1. The construction is defined once, in <see cref="RazinCohenConstruction"/>.
    /// </summary>
    public static DmfProblem TwoByTwo(int depth, LossScale constant = LossScale.HalfSse, int? hidden = null) =>
        FromCompletion(RazinCohenConstruction.TwoByTwo, depth, constant, hidden);

    /// <summary>
    /// M6's d × d′ generalization (<see cref="RazinCohenConstruction.Generalized"/>): target with (1,2) = (2,1) = 1,
    /// (i,i) = 1 for i ≥ 3, zero elsewhere; every entry observed except (1,1).
    /// </summary>
    public static DmfProblem Generalized(int rows, int columns, int depth, LossScale constant = LossScale.HalfSse, int? hidden = null) =>
        FromCompletion(RazinCohenConstruction.Generalized(rows, columns), depth, constant, hidden);

    /// <summary>A completion problem of the papers (exact targets, 1-based) for the simulators (0-based, doubles).</summary>
    public static DmfProblem FromCompletion(CompletionProblem problem, int depth, LossScale constant = LossScale.HalfSse, int? hidden = null)
    {
        var entries = problem.Observed.Select(o => (o.Row - 1, o.Col - 1, o.Target.ToDouble())).ToList();
        return new DmfProblem(problem.Description, new CompletionMatrixLoss(problem.Rows, problem.Cols, entries, constant),
            LayerDimensions(problem.Rows, problem.Cols, depth, hidden), null);
    }

    /// <summary>
    /// Matrix sensing: a random rank-r target (entry RMS 1) measured by <paramref name="measurements"/> matrices
    /// with i.i.d. N(0, 1) entries.
    /// </summary>
    public static DmfProblem RandomSensing(int rows, int columns, int rank, int measurements, int depth,
        LossScale constant, SeededRandom random, int? hidden = null)
    {
        var u = Matrix<double>.Build.Dense(rows, rank, (_, _) => random.Normal());
        var v = Matrix<double>.Build.Dense(columns, rank, (_, _) => random.Normal());
        var target = u * v.Transpose();
        target *= Math.Sqrt(rows * (double)columns) / target.FrobeniusNorm();
        var truth = MatrixBuffer.FromMatrix(target);
        var a = new List<MatrixBuffer>();
        var y = new List<double>();
        for (int i = 0; i < measurements; i++)
        {
            var m = new MatrixBuffer(rows, columns);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++)
                    m[r, c] = random.Normal();
            a.Add(m);
            y.Add(RowKernels.Dot(m.Data, truth.Data));
        }
        return new DmfProblem($"random rank-{rank} {rows}x{columns} sensing, {measurements} measurements",
            new SensingMatrixLoss(a, y, constant), LayerDimensions(rows, columns, depth, hidden), truth);
    }
}
