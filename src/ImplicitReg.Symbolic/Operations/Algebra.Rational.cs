using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// One fraction over a common denominator: the numerator expanded, the denominator the least common
    /// multiple of the factored denominators, with denominator factors that divide the numerator removed:
    /// <c>1/x + 1/y</c> → <c>(x + y)/(x*y)</c>, <c>x/(x+1) + 1/(x+1)^2</c> → <c>(x^2 + x + 1)/(x + 1)^2</c>.
    /// Arguments of functions and bases of fractional powers are brought together too.
    /// </summary>
    public static Expr Together(Expr e) =>
        MapStatement(e, Together) ?? RationalConversion.ToRationalForm(e, Together).DivideOutFactors().ToExpr();

    /// <summary>
    /// Cancels common factors of numerator and denominator (multivariate polynomial gcd over Q) and returns
    /// expanded N/D with gcd(N, D) = 1 and D primitive with a positive leading coefficient (as SymPy's
    /// <c>cancel</c>): <c>(x^2 − 1)/(x^2 + x)</c> → <c>(x − 1)/x</c>. The result is canonical for rational
    /// functions: two expressions equal as rational functions cancel to the same expression.
    /// </summary>
    public static Expr Cancel(Expr e) =>
        MapStatement(e, Cancel) ?? RationalConversion.ToRationalForm(e, Cancel).ToCancelledExpr();

    /// <summary>Statements are transformed side by side; null for expressions.</summary>
    private static Expr? MapStatement(Expr e, Func<Expr, Expr> f) => e switch
    {
        Rel r => Expr.Relation(r.Op, f(r.Left), f(r.Right)),
        Logic l => Expr.Combine(l.Op, l.Operands.Select(f)),
        Not n => Expr.Negation(f(n.Operand)),
        Implies i => Expr.Implication(f(i.Premise), f(i.Conclusion)),
        BoolConst => e,
        _ => null,
    };
}
