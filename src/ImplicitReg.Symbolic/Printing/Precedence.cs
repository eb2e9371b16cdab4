using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// The one precedence table every printer uses: how tightly a node binds as printed (a negative number
/// prints with a sign, <c>x^(-2)</c> prints as the fraction <c>1/x^2</c>, <c>x^(1/2)</c> as <c>sqrt(x)</c>).
/// A child is parenthesised when its level is below the level its context requires. The levels match
/// the parser's, loosest first.
/// </summary>
public static class Precedence
{
    /// <summary><c>implies</c>, the loosest.</summary>
    public const int Implication = 1;
    /// <summary><c>or</c>.</summary>
    public const int Disjunction = 2;
    /// <summary><c>and</c>.</summary>
    public const int Conjunction = 3;
    /// <summary><c>not</c>.</summary>
    public const int Negation = 4;
    /// <summary>Relations (<c>=</c>, <c>&lt;</c>, …).</summary>
    public const int Relation = 5;
    /// <summary>Sums.</summary>
    public const int Sum = 6;
    /// <summary>Products and quotients.</summary>
    public const int Product = 7;
    /// <summary>Unary minus binds like a product: <c>-x*y</c> reads as <c>(-x)*y</c>, the same value.</summary>
    public const int Unary = 7;
    /// <summary>Powers.</summary>
    public const int Power = 8;
    /// <summary>Numbers, symbols, calls and parenthesised forms, the tightest.</summary>
    public const int Atom = 9;

    /// <summary>The binding strength of <paramref name="e"/> as printed.</summary>
    public static int Of(Expr e) => e switch
    {
        Num n => n.Value.Sign < 0 ? Unary : n.Value.IsInteger ? Atom : Product,
        Sym or Call or BoolConst => Atom,
        Add => Sum,
        Mul => Product,
        Pow { Exponent: Num { Value.Sign: < 0 } } => Product,      // printed as 1/...
        Pow { Exponent: Num { Value: var k } } when k == Rational.Half => Atom, // sqrt(...)
        Pow => Power,
        Rel => Relation,
        Not => Negation,
        Logic { Op: LogicOp.And } => Conjunction,
        Logic => Disjunction,
        Implies => Implication,
        _ => Atom,
    };

    /// <summary>True when a square root prints as <c>sqrt(b)</c> rather than as a power.</summary>
    public static bool IsSquareRoot(Pow p) => p.Exponent is Num { Value: var k } && k == Rational.Half;
}
