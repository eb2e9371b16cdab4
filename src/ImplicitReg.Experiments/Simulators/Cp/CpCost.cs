namespace ImplicitReg.Experiments.Simulators.Cp;

/// <summary>
/// Predicts, from the requested sizes alone, the memory and the work of gradient descent on a CP factorization
/// (<see cref="CpProblem"/>, <see cref="CpSimulator"/>), so a caller can refuse before anything is allocated.
/// </summary>
public static class CpCost
{
    /// <summary>Entries of the full tensor, ∏ sizes (as a double: it may overflow a long).</summary>
    public static double TensorEntries(IReadOnlyList<int> sizes)
    {
        double total = 1;
        foreach (var s in sizes) total *= s;
        return total;
    }

    /// <summary>
    /// Bytes: the factors with gradients and optimizer state (4 copies of Σ_n size_n·R), the order + 2 partial
    /// products of length R, the full target and reconstruction tensors (2 × ∏ sizes), the target's rank-r
    /// factors, and 24 bytes per observation.
    /// </summary>
    public static double EstimateBytes(IReadOnlyList<int> sizes, int rank, long observed, long components)
    {
        double factorEntries = 0;
        foreach (var s in sizes) factorEntries += (double)s * components;
        return 8 * (4 * factorEntries + (sizes.Count + 2) * (double)components + 2 * TensorEntries(sizes) + rank * (double)sizes.Sum()) + 24.0 * observed;
    }

    /// <summary>Multiply-adds of one step: every observation touches order × R factor entries twice (value and gradient).</summary>
    public static double WorkPerStep(IReadOnlyList<int> sizes, long observed, long components) =>
        2.0 * observed * sizes.Count * components + Dmf.DmfCost.StepOverhead;
}
