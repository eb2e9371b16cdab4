using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
    /// <summary>A call of <paramref name="f"/> with the automatic simplifications valid over the reals.</summary>
    public static Expr Apply(Func f, Expr x) => f switch
    {
        Func.Exp => Exp(x),
        Func.Log => Log(x),
        Func.Abs => Abs(x),
        Func.Sign => Sign(x),
        Func.Sin => Sin(x),
        Func.Cos => Cos(x),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    private static void RejectStatement(Expr x, string name)
    {
        if (x is Statement) throw new SymbolicException($"{name}() takes an expression, not a statement");
    }

    /// <summary><c>exp(x)</c>, with <c>exp(0) = 1</c> and <c>exp(log a) = a</c>.</summary>
    public static Expr Exp(Expr x)
    {
        RejectStatement(x, "exp");
        if (x is Num { Value.IsZero: true }) return One;          // exp(0) = 1
        if (x is Call { Function: Func.Log } l) return l.Argument; // exp(log a) = a where log a is defined
        return new Call(Func.Exp, x);
    }

    /// <summary><c>log(x)</c>, with <c>log(1) = 0</c> and <c>log(exp a) = a</c>; the logarithm of a non-positive number is an error.</summary>
    public static Expr Log(Expr x)
    {
        RejectStatement(x, "log");
        if (x is Num { Value.IsOne: true }) return Zero;           // log(1) = 0
        if (x is Num { Value.Sign: <= 0 } bad)
            throw new UndefinedTermException($"log({bad.Value}) is not a real number");
        if (x is Call { Function: Func.Exp } e) return e.Argument; // log(exp a) = a for all real a
        return new Call(Func.Log, x);
    }

    /// <summary><c>abs(x)</c>, folded for numbers, even powers, roots, exponentials and rational coefficients.</summary>
    public static Expr Abs(Expr x)
    {
        RejectStatement(x, "abs");
        switch (x)
        {
            case Num n: return Num.Of(n.Value.Abs());
            case Call { Function: Func.Abs or Func.Exp }: return x;                       // ||a|| = |a|, |exp a| = exp a
            case Pow { Exponent: Num { Value: var k } } when k.IsInteger && k.Numerator.IsEven: return x; // |x^(2k)| = x^(2k)
            case Pow { Exponent: Num { Value.IsInteger: false } }: return x;             // x^(p/q) >= 0 where defined
            case Mul m when m.Span[0] is Num c:                                          // |c a| = |c| |a|
            {
                var (coef, rest) = SplitCoefficient(m);
                _ = c;
                return Scale(coef.Abs(), Abs(rest));
            }
        }
        return new Call(Func.Abs, x);
    }

    /// <summary><c>sign(x)</c>, folded for numbers, exponentials and rational coefficients.</summary>
    public static Expr Sign(Expr x)
    {
        RejectStatement(x, "sign");
        switch (x)
        {
            case Num n: return Num.Of(new Rational(n.Value.Sign));
            case Call { Function: Func.Sign }: return x;          // sign(sign a) = sign a
            case Call { Function: Func.Exp }: return One;         // exp a > 0
            case Mul m when m.Span[0] is Num:                     // sign(c a) = sign(c) sign(a)
            {
                var (coef, rest) = SplitCoefficient(m);
                return Scale(new Rational(coef.Sign), Sign(rest));
            }
        }
        return new Call(Func.Sign, x);
    }

    /// <summary><c>sin(x)</c>, with <c>sin 0 = 0</c> and <c>sin(−a) = −sin a</c>.</summary>
    public static Expr Sin(Expr x)
    {
        RejectStatement(x, "sin");
        if (x is Num { Value.IsZero: true }) return Zero;         // sin 0 = 0
        if (IsNegated(x)) return Neg(Sin(Neg(x)));                // sin(-a) = -sin a
        return new Call(Func.Sin, x);
    }

    /// <summary><c>cos(x)</c>, with <c>cos 0 = 1</c> and <c>cos(−a) = cos a</c>.</summary>
    public static Expr Cos(Expr x)
    {
        RejectStatement(x, "cos");
        if (x is Num { Value.IsZero: true }) return One;          // cos 0 = 1
        if (IsNegated(x)) return Cos(Neg(x));                     // cos(-a) = cos a
        return new Call(Func.Cos, x);
    }

    /// <summary>
    /// True when the expression reads as a negative: a negative number or coefficient, or a sum whose
    /// greatest term (coefficients ignored) has a negative coefficient. Exactly one of a, -a is negated
    /// unless both are zero-free of sign, so odd/even rewrites terminate.
    /// </summary>
    public static bool IsNegated(Expr x)
    {
        switch (x)
        {
            case Num n: return n.Value.Sign < 0;
            case Mul m: return m.Span[0] is Num { Value.Sign: < 0 };
            case Add a:
            {
                Expr? best = null;
                var sign = 0;
                foreach (var t in a.Span)
                {
                    if (t is Num) continue;
                    var (c, rest) = SplitCoefficient(t);
                    if (best is null || ExprOrder.Compare(rest, best) > 0)
                    {
                        best = rest;
                        sign = c.Sign;
                    }
                }
                return sign < 0;
            }
            default: return false;
        }
    }
}
