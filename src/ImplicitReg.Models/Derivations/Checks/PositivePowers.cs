using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// Power rules that hold when every base is positive, which the singular-value derivations assume (σ &gt; 0):
/// <c>(x^a)^b = x^(a·b)</c> for symbolic exponents, and <c>|x| = x</c>. Symbolic exponents are brought to the
/// kernel's canonical rational form (<see cref="Algebra.Cancel"/>), so <c>σ^((2N−2)/N)</c> and <c>σ^(2−2/N)</c>
/// become the same power. The kernel's own <c>Pow</c> does not do this, rightly: it is false for negative bases.
/// </summary>
public static class PositivePowers
{
    public static Expr Normalize(Expr e) => e switch
    {
        Num or Sym => e,
        Add a => Expr.Add(a.Terms.Select(Normalize)),
        Mul m => Expr.Mul(m.Factors.Select(Normalize)),
        Pow p => Power(Normalize(p.Base), Normalize(p.Exponent)),
        Call { Function: Func.Abs } c => Normalize(c.Argument),      // |x| = x for x > 0
        Call c => Expr.Apply(c.Function, Normalize(c.Argument)),
        _ => e,
    };

    private static Expr Power(Expr b, Expr exponent)
    {
        if (b is Pow inner) return Power(inner.Base, Expr.Mul(inner.Exponent, exponent)); // (x^a)^b = x^(a·b), x > 0
        if (b is Mul m && exponent is not Num) return Expr.Mul(m.Factors.Select(f => Power(f, exponent))); // (x·y)^a = x^a·y^a
        if (exponent is Num) return Expr.Pow(b, exponent);
        return Expr.Pow(b, Algebra.Cancel(exponent));
    }
}
