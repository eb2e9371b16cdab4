using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M1: the layer gradient flow <c>Ẇ_j = −∂φ/∂W_j</c>, obtained by differentiating the objective
/// <c>φ(W_1..W_N) = L(W_N ⋯ W_1)</c> with the kernel, entry by entry. This is the stable entry point other
/// layers (numerics) integrate: the result lists every layer entry <c>W&lt;j&gt;[r,c]</c> with its rate.
/// </summary>
public static class LayerFlow
{
    /// <summary>
    /// The objective φ as an expression in the layer entries. For a loss known only through its gradient G
    /// this is the chain-rule surrogate <c>Σ_ab G[a,b]·W[a,b]</c> with G held fixed: its gradient in the layer
    /// entries equals ∇φ at the current point, which is all the flow needs.
    /// </summary>
    public static Expr Objective(DeepMatrixFactorization model, Loss loss)
    {
        CheckShapes(model, loss);
        var w = model.EndToEnd();
        var value = loss.Value(w);
        if (value is not null) return value;
        var g = loss.GradientAt(w);
        var terms = new List<Expr>();
        for (int a = 0; a < model.Rows; a++)
            for (int b = 0; b < model.Cols; b++)
                terms.Add(Expr.Mul(g[a, b], w[a, b]));
        return Expr.Add(terms);
    }

    /// <summary>
    /// The derived layer-flow system for a completion loss with concrete observations:
    /// one <see cref="FlowEquation"/> per layer entry, in <see cref="DeepMatrixFactorization.Parameters"/> order,
    /// each right side an expression in the <c>W&lt;j&gt;[r,c]</c> symbols only.
    /// </summary>
    /// <example><c>LayerFlow.Derive(new DeepMatrixFactorization([2, 2, 2]), new CompletionLoss(2, 2, obs, LossScale.HalfSse))</c></example>
    public static IReadOnlyList<FlowEquation> Derive(DeepMatrixFactorization model, CompletionLoss loss) =>
        Derive(model, (Loss)loss);

    /// <summary>The layer-flow system for any loss (a generic loss leaves the symbols <c>G[r,c]</c> in the right sides).</summary>
    public static IReadOnlyList<FlowEquation> Derive(DeepMatrixFactorization model, Loss loss)
    {
        var phi = Objective(model, loss);
        var parameters = model.Parameters();
        var gradient = SumGradient.Of(phi, parameters); // ∂φ/∂θ by the kernel's Diff, term by term
        return parameters.Select(p => new FlowEquation(p, Expr.Neg(gradient[p]))).ToList(); // θ̇ = −∂φ/∂θ
    }

    private static void CheckShapes(DeepMatrixFactorization model, Loss loss)
    {
        if (loss.Rows != model.Rows || loss.Cols != model.Cols)
            throw new ArgumentException($"the loss is on {loss.Rows}×{loss.Cols} matrices but W = W{model.Depth}⋯W1 is {model.Rows}×{model.Cols}");
    }
}
