using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Metrics;

/// <summary>
/// What is tracked along a deep-matrix-factorization run at one iterate: loss, spectrum, determinant,
/// norms, chosen entries, balancedness, the gradient's alignment with the singular pairs, and the
/// reconstruction error when the ground truth is known.
/// </summary>
public sealed record DmfSnapshot(
    long Step,
    double Time,
    double Loss,
    double[] SingularValues,
    double Determinant,
    double Frobenius,
    double Nuclear,
    double Spectral,
    double Balancedness,
    double[] Alignment,
    double[] Entries,
    double ReconstructionError)
{
    /// <summary>Measures the simulator's current layers (allocates; called at recording points only).</summary>
    /// <param name="simulator">The run.</param>
    /// <param name="step">Iteration number.</param>
    /// <param name="time">Σ step sizes so far.</param>
    /// <param name="loss">Loss at this iterate.</param>
    /// <param name="top">How many singular values and alignments to keep.</param>
    /// <param name="entries">0-based (row, column) entries of W to report.</param>
    /// <param name="groundTruth">W* for ‖W − W*‖²_F/‖W*‖²_F, or null.</param>
    public static DmfSnapshot Take(DmfSimulator simulator, long step, double time, double loss, int top,
        IReadOnlyList<(int Row, int Column)> entries, MatrixBuffer? groundTruth)
    {
        var w = simulator.EndToEnd();
        var metrics = MatrixMetrics.Of(w);
        var g = simulator.Loss.Gradient(w);
        double reconstruction = double.NaN;
        if (groundTruth is not null)
        {
            double num = 0, den = groundTruth.FrobeniusSquared();
            for (int i = 0; i < w.Data.Length; i++)
            {
                var d = w.Data[i] - groundTruth.Data[i];
                num += d * d;
            }
            reconstruction = num / den;
        }
        return new DmfSnapshot(step, time, loss, metrics.SingularValues.Take(top).ToArray(), metrics.Determinant,
            metrics.Frobenius, metrics.Nuclear, metrics.Spectral, Metrics.Balancedness.Deviation(simulator.Layers),
            metrics.Alignment(g, top), entries.Select(e => w[e.Row, e.Column]).ToArray(), reconstruction);
    }
}
