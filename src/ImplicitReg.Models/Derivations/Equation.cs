using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Derivations;

/// <summary>How the left side of an <see cref="Equation"/> is read.</summary>
public enum EquationForm
{
    /// <summary><c>Lhs op Rhs</c>.</summary>
    Plain,

    /// <summary><c>d/dt Lhs = Rhs</c>: the rate of <c>Lhs</c> along the flow.</summary>
    Rate,
}

/// <summary>
/// One equation (or relation) of a derivation step, both sides in the kernel's syntax. The plain-text form of
/// each side parses back, so another program can re-check it; a <see cref="EquationForm.Rate"/> left side is
/// written <c>d/dt W2[1,3]</c>.
/// </summary>
public sealed record Equation(Expr Lhs, Expr Rhs, EquationForm Form = EquationForm.Plain, RelOp Relation = RelOp.Eq)
{
    /// <summary>A rate equation <c>d/dt lhs = rhs</c>.</summary>
    public static Equation Rate(Expr lhs, Expr rhs) => new(lhs, rhs, EquationForm.Rate);

    /// <summary>The left side as text: <c>d/dt W2[1,3]</c> for a rate, else the expression.</summary>
    public string LhsText => Form == EquationForm.Rate ? "d/dt " + Wrap(Lhs) : Lhs.ToString();

    /// <summary>The right side in the kernel's plain-text syntax (parses back).</summary>
    public string RhsText => Rhs.ToString();

    /// <summary>The relation as written between the sides: <c>=</c>, <c>&lt;=</c>, <c>&gt;</c>, ….</summary>
    public string RelationText => Rel.Symbol(Relation);

    /// <summary><c>lhs relation rhs</c>, e.g. <c>d/dt W1[1,1] = -G[1,1]*W2[1,1]</c>.</summary>
    public override string ToString() => $"{LhsText} {RelationText} {RhsText}";

    private static string Wrap(Expr e) => e is Sym or Num ? e.ToString() : $"({e})";
}
