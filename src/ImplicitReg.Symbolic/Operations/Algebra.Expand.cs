using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// Multinomial expansion through the sparse polynomial type: <c>(x+y)^2</c> → <c>x^2 + 2*x*y + y^2</c>.
    /// Deep: arguments of functions, bases of negative and fractional powers are expanded too
    /// (<c>sin((x+1)^2)</c> → <c>sin(x^2 + 2*x + 1)</c>); those subexpressions stay as factors of the terms.
    /// Statements are expanded side by side. Throws <see cref="SymbolicLimitException"/> instead of hanging
    /// when the result would be absurdly large (a degree above 32767 in one variable, as in <c>x^1000000</c>,
    /// or more than <see cref="Poly.MaxTerms"/> terms, as in <c>(x+y+z)^5000</c>).
    /// </summary>
    public static Expr Expand(Expr e) => e switch
    {
        Num or Sym => e,
        Rel r => Expr.Relation(r.Op, Expand(r.Left), Expand(r.Right)),
        Logic l => Expr.Combine(l.Op, l.Operands.Select(Expand)),
        Not n => Expr.Negation(Expand(n.Operand)),
        Implies i => Expr.Implication(Expand(i.Premise), Expand(i.Conclusion)),
        BoolConst => e,
        _ => PolyConversion.ToExpr(PolyConversion.ToPoly(e)),
    };
}
