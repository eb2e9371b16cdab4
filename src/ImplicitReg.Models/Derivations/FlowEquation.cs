using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// One equation of a gradient-flow system: <c>d/dt Variable = Rhs</c>, the right side in the model's own
/// symbols only (the loss substituted concretely).
/// </summary>
public sealed record FlowEquation(Sym Variable, Expr Rhs)
{
    /// <summary><c>d/dt name = rhs</c> in the kernel's plain-text syntax.</summary>
    public override string ToString() => $"d/dt {Variable.Name} = {Rhs}";
}
