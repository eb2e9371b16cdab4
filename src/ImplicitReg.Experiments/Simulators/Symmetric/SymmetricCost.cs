namespace ImplicitReg.Experiments.Simulators.Symmetric;

/// <summary>
/// Predicts, from the requested sizes alone, the memory and the work of gradient descent on X = U Uᵀ
/// (<see cref="SymmetricProblem"/>, <see cref="SymmetricSimulator"/>), so a caller can refuse before allocating.
/// </summary>
public static class SymmetricCost
{
    /// <summary>
    /// Bytes: U with its gradient and scratch (3 × D·K), the dense X, gradient, target and the metrics'
    /// eigen-decomposition (6 × D²), the target's factor (D·rank) and 40 bytes per observation.
    /// </summary>
    public static double EstimateBytes(int size, int columns, int rank, long observed)
    {
        double d = size;
        return 8 * (3 * d * columns + 6 * d * d + d * rank) + 40.0 * observed;
    }

    /// <summary>Multiply-adds of one step: the product U Uᵀ on the observed entries and the gradient, both K per entry, plus a dense pass.</summary>
    public static double WorkPerStep(int size, int columns, long observed) =>
        2.0 * observed * columns + (double)size * columns + Dmf.DmfCost.StepOverhead;
}
