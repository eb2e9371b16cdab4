using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Losses;

/// <summary>An observed entry (1-based row and column) and its exact target value.</summary>
public sealed record Observation(int Row, int Col, Rational Target)
{
    /// <summary><c>(row,col)=target</c>, e.g. <c>(1,2)=1</c>.</summary>
    public override string ToString() => $"({Row},{Col})={Target}";
}
