namespace ImplicitReg.Experiments.Simulators.Dmf;

/// <summary>
/// Predicts, from the requested sizes alone, the memory and the work of gradient descent on a deep matrix
/// factorization (<see cref="DmfProblem"/>, <see cref="DmfSimulator"/>), so a caller can refuse a request before
/// anything is allocated. Estimates are upper-end counts of the dense arrays, not measurements.
/// </summary>
public static class DmfCost
{
    /// <summary>Entries of all layers: Σ_j d_j·d_(j−1).</summary>
    public static double LayerEntries(IReadOnlyList<int> dims)
    {
        double sum = 0;
        for (int j = 1; j < dims.Count; j++) sum += (double)dims[j] * dims[j - 1];
        return sum;
    }

    /// <summary>
    /// Bytes for a run: layers with their gradients, optimizer state and partial products (5 copies); the
    /// end-to-end matrix with the target, residual and the metrics' SVD (6 rows×columns arrays, plus rows² and
    /// columns² for the singular vectors); the observations (24 bytes each, plus the sampling index over all
    /// entries) or the sensing matrices (rows×columns each); the target's rank-r factors.
    /// </summary>
    public static double EstimateBytes(IReadOnlyList<int> dims, long observed, long measurements, int rank)
    {
        double rows = dims[^1], columns = dims[0];
        double cells = rows * columns;
        return 8 * (5 * LayerEntries(dims) + 6 * cells + rows * rows + columns * columns + measurements * cells + rank * (rows + columns))
               + 24.0 * observed + 4 * cells;
    }

    /// <summary>
    /// Multiply-adds of one gradient step: the forward and backward products through the chain (about four
    /// chain products of d_0 columns), the loss over its observations or measurements, and a fixed per-step
    /// overhead (a step of a tiny problem still costs about this much).
    /// </summary>
    public static double WorkPerStep(IReadOnlyList<int> dims, long observed, long measurements)
    {
        double chain = 0;
        for (int j = 1; j < dims.Count; j++) chain += (double)dims[0] * dims[j] * dims[j - 1];
        return 4 * chain + observed + measurements * (double)dims[0] * dims[^1] + StepOverhead;
    }

    /// <summary>
    /// Multiply-add equivalents of one record: the metrics take a full SVD of the rows×columns end-to-end matrix (with
    /// its singular vectors, MathNet's managed code) and its determinant, about <see cref="RecordWorkPerCube"/> times
    /// rows·columns·min(rows, columns) at the rate of <see cref="WorkLimit"/>'s steps. Without it a run of a few steps on
    /// large layers passed the work limit and then spent minutes in its first record.
    /// </summary>
    public static double WorkPerRecord(IReadOnlyList<int> dims)
    {
        double rows = dims[^1], columns = dims[0];
        return RecordWorkPerCube * rows * columns * Math.Min(rows, columns);
    }

    /// <summary>
    /// Measured on the 2-core AMD EPYC (28 November 2026, quiet): a record of a 400×400 run took 0.78 s and of an
    /// 800×800 run 3.8 s, i.e. 1.2e-8 and 7.4e-9 s per rows·columns·min; at 1e11 multiply-adds per second that is
    /// about 1,000 multiply-adds per unit (the upper end rounded down, as the step estimate is an upper end).
    /// </summary>
    public const double RecordWorkPerCube = 1000;

    /// <summary>
    /// Per-step overhead in multiply-add equivalents (calls, bookkeeping, loss evaluation, recording): measured, a
    /// step of the 2x2 problem takes 1–9 µs, the time of about 2e5 multiply-adds of the large problems.
    /// </summary>
    public const double StepOverhead = 2e5;

    /// <summary>
    /// Limit of predictable work in multiply-adds: this machine does about 1e11 per second on GD, so 1e13 is a
    /// couple of minutes — beyond that a run is refused rather than left to look hung.
    /// </summary>
    public const double WorkLimit = 1e13;
}
