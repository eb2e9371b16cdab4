using System.Numerics;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// A product seen as a signed fraction for display: <c>-3*x/(4*y^2)</c> is negative, numerator
/// [3, x], denominator [4, y^2]. Shared by every printer so they agree on what is a fraction.
/// </summary>
public sealed record ProductParts(bool Negative, IReadOnlyList<Expr> Numerator, IReadOnlyList<Expr> Denominator)
{
    /// <summary>Splits a product or a power; other expressions are a numerator of one factor.</summary>
    public static ProductParts Of(Expr e)
    {
        var factors = e switch
        {
            Mul m => m.Factors,
            _ => (IReadOnlyList<Expr>)[e],
        };
        bool negative = false;
        var num = new List<Expr>();
        var den = new List<Expr>();
        foreach (var f in DisplayOrder.Factors(factors))
        {
            switch (f)
            {
                case Num n:
                {
                    var v = n.Value;
                    negative = v.Sign < 0;
                    var p = BigInteger.Abs(v.Numerator);
                    if (!p.IsOne) num.Insert(0, Num.Of(p));
                    if (!v.Denominator.IsOne) den.Insert(0, Num.Of(v.Denominator));
                    break;
                }
                case Pow { Exponent: Num { Value.Sign: < 0 } k } p:
                    den.Add(Expr.Pow(p.Base, Num.Of(-k.Value)));
                    break;
                default:
                    num.Add(f);
                    break;
            }
        }
        return new ProductParts(negative, num, den);
    }

    /// <summary>True when printing as a fraction or with a sign differs from printing the factors plainly.</summary>
    public bool IsFractionOrSigned => Negative || Denominator.Count > 0;
}
