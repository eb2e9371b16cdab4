using ImplicitReg.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Metrics;

/// <summary>
/// Deviation from balancedness (M2): <c>max_j ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖_F</c>, conserved by the gradient flow
/// and zero at a balanced initialization.
/// </summary>
public static class Balancedness
{
    /// <summary><c>max_j ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖_F</c> over consecutive layers; 0 for a single layer.</summary>
    public static double Deviation(IReadOnlyList<MatrixBuffer> layers) =>
        Differences(layers).Select(d => d.FrobeniusNorm()).DefaultIfEmpty(0).Max();

    /// <summary>The matrices W_{j+1}ᵀW_{j+1} − W_jW_jᵀ, j = 1 … N−1.</summary>
    public static IEnumerable<Matrix<double>> Differences(IReadOnlyList<MatrixBuffer> layers)
    {
        for (int j = 0; j + 1 < layers.Count; j++)
        {
            var lower = layers[j].ToMatrix();
            var upper = layers[j + 1].ToMatrix();
            yield return upper.TransposeThisAndMultiply(upper) - lower.TransposeAndMultiply(lower);
        }
    }
}
