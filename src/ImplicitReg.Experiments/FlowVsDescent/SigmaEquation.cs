namespace ImplicitReg.Experiments.FlowVsDescent;

/// <summary>
/// M4 (Arora, Cohen, Hu, Luo 2019) for one singular value of a depth-N product from a balanced start:
/// <c>σ̇ = −N·(σ²)^{1−1/N}·⟨G, u vᵀ⟩</c>, and its closed form in terms of <c>Q(t) = ∫₀ᵗ g</c> with
/// <c>g = −N·⟨G, u vᵀ⟩</c>: N = 1: σ(0) + Q; N = 2: σ(0)·e^Q; N ≥ 3: (σ(0)^{2/N−1} + (2/N−1)·Q)^{1/(2/N−1)}.
/// </summary>
public static class SigmaEquation
{
    /// <summary>The rate σ̇ given the depth, σ and the alignment a = ⟨G, u vᵀ⟩.</summary>
    public static double Rate(int depth, double sigma, double alignment) =>
        -depth * Math.Pow(sigma * sigma, 1 - 1.0 / depth) * alignment;

    /// <summary>The closed form σ(t) from σ(0) and Q(t) = ∫₀ᵗ g.</summary>
    public static double ClosedForm(int depth, double sigma0, double integral)
    {
        if (depth == 1) return sigma0 + integral;
        if (depth == 2) return sigma0 * Math.Exp(integral);
        var p = 2.0 / depth - 1;
        return Math.Pow(Math.Pow(sigma0, p) + p * integral, 1 / p);
    }
}
