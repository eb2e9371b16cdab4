using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// Power rules that hold only for positive bases: <c>(x^a)^b = x^(a·b)</c>, <c>(x·y)^a = x^a·y^a</c> and
/// <c>|x| = x</c>. They are applied only where the base is known positive: an expression the derivation ASSUMES
/// positive (the set passed in, each stated as an assumption step of that derivation), a positive number,
/// <c>exp(…)</c>, or a product, sum or power built from such bases. Every other base is left untouched, so a
/// published <c>|dL|</c> or <c>(dL^2)^(1/2)</c> for a gradient value that can be negative is decided by
/// <see cref="Algebra.Equal"/>, not rewritten into a "proof". Symbolic exponents are brought to the kernel's
/// canonical rational form (<see cref="Algebra.Cancel"/>), valid for any base, so <c>σ^((2N−2)/N)</c> and
/// <c>σ^(2−2/N)</c> become the same power.
/// </summary>
public static class PositivePowers
{
    /// <summary>Normalizes <paramref name="e"/> assuming exactly the expressions in <paramref name="assumedPositive"/> are positive.</summary>
    public static Expr Normalize(Expr e, IEnumerable<Expr> assumedPositive)
    {
        var positive = new HashSet<Expr>(assumedPositive);
        // An assumed sum such as s0^(2/N-1) + (2/N-1)*I must still be recognised after its own exponents are
        // normalized, so the set holds both forms.
        foreach (var x in positive.ToList()) positive.Add(new Normalizer(positive).Run(x));
        return new Normalizer(positive).Run(e);
    }

    private sealed class Normalizer(HashSet<Expr> positive)
    {
        public Expr Run(Expr e) => e switch
        {
            Num or Sym => e,
            Add a => Expr.Add(a.Terms.Select(Run)),
            Mul m => Expr.Mul(m.Factors.Select(Run)),
            Pow p => Power(Run(p.Base), Run(p.Exponent)),
            Call { Function: Func.Abs } c => Abs(Run(c.Argument)),
            Call c => Expr.Apply(c.Function, Run(c.Argument)),
            _ => e,
        };

        private Expr Abs(Expr argument) => IsPositive(argument) ? argument : Expr.Abs(argument); // |x| = x only for x > 0

        /// <summary>True only when positivity follows from the assumptions; false means "not known", never "negative".</summary>
        public bool IsPositive(Expr e) => positive.Contains(e) || e switch
        {
            Num n => n.Value.Sign > 0,
            Pow p => IsPositive(p.Base),                       // x^a > 0 for x > 0, any real a
            Mul m => m.Factors.All(IsPositive),
            Add a => a.Terms.All(IsPositive),
            Call { Function: Func.Exp } => true,
            _ => false,
        };

        private Expr Power(Expr b, Expr exponent)
        {
            if (b is Pow inner && IsPositive(inner.Base)) return Power(inner.Base, Expr.Mul(inner.Exponent, exponent)); // (x^a)^b = x^(a·b), x > 0
            if (b is Mul m && exponent is not Num && m.Factors.All(IsPositive))
                return Expr.Mul(m.Factors.Select(f => Power(f, exponent)));                                      // (x·y)^a = x^a·y^a, x, y > 0
            if (exponent is Num) return Expr.Pow(b, exponent);
            return Expr.Pow(b, Algebra.Cancel(exponent));
        }
    }
}
