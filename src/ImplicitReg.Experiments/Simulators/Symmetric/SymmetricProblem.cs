using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Symmetric;

/// <summary>A completion or sensing problem on d × d PSD matrices for the symmetric factorization.</summary>
public sealed record SymmetricProblem(string Name, MatrixLoss Loss, int Size, MatrixBuffer? GroundTruth)
{
    /// <summary>
    /// A random PSD target B·Bᵀ of the given rank (B with i.i.d. N(0, 1) entries) and <paramref name="observed"/>
    /// entries of its upper triangle (diagonal included) drawn uniformly without replacement (E4's setting).
    /// </summary>
    public static SymmetricProblem RandomPsdCompletion(int size, int rank, int observed, LossScale scale, SeededRandom random)
    {
        int slots = size * (size + 1) / 2;
        if (observed < 1 || observed > slots) throw new ArgumentException($"observed count {observed} must be between 1 and {slots} (entries on and above the diagonal)");
        var b = Matrix<double>.Build.Dense(size, rank, (_, _) => random.Normal());
        var truth = MatrixBuffer.FromMatrix(b * b.Transpose());
        var upper = new List<(int, int)>();
        for (int i = 0; i < size; i++)
            for (int j = i; j < size; j++)
                upper.Add((i, j));
        var entries = random.Distinct(slots, observed).Select(k => (upper[k].Item1, upper[k].Item2, truth[upper[k].Item1, upper[k].Item2])).ToList();
        return new SymmetricProblem($"random rank-{rank} PSD {size}x{size} completion, {observed} observed",
            new CompletionMatrixLoss(size, size, entries, scale), size, truth);
    }
}
