using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// Plain-text printer: explicit <c>*</c>, <c>^</c> for powers, <c>sqrt(x)</c> for <c>x^(1/2)</c>,
/// fractions as <c>a/b</c>. Its output parses back to an equal expression.
/// </summary>
public static class TextPrinter
{
    // Precedence levels, loosest first.
    internal const int PImplies = 1, POr = 2, PAnd = 3, PNot = 4, PRel = 5, PAdd = 6, PMul = 7, PUnary = 7, PPow = 8, PAtom = 9;

    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int context = 0)
    {
        int p = Precedence(e);
        bool paren = p < context;
        if (paren) sb.Append('(');
        WriteBare(sb, e);
        if (paren) sb.Append(')');
    }

    /// <summary>The binding strength of e as printed.</summary>
    internal static int Precedence(Expr e) => e switch
    {
        Num n => n.Value.Sign < 0 ? PUnary : n.Value.IsInteger ? PAtom : PMul,
        Sym or Call or BoolConst => PAtom,
        Add => PAdd,
        Mul => PMul,
        Pow { Exponent: Num { Value: var k } } when k.Sign < 0 => PMul,   // printed as 1/...
        Pow { Exponent: Num { Value: var k } } when k == Rational.Half => PAtom, // sqrt(...)
        Pow => PPow,
        Rel => PRel,
        Not => PNot,
        Logic { Op: LogicOp.And } => PAnd,
        Logic => POr,
        Implies => PImplies,
        _ => PAtom,
    };

    private static void WriteBare(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Num n:
                sb.Append(n.Value.ToString());
                return;
            case Sym s:
                sb.Append(s.Name);
                return;
            case Add a:
            {
                var terms = DisplayOrder.Terms(a);
                for (int i = 0; i < terms.Count; i++)
                {
                    var t = terms[i];
                    bool neg = Expr.IsNegated(t) && t is not Add;
                    if (i == 0)
                    {
                        if (neg) sb.Append('-');
                    }
                    else sb.Append(neg ? " - " : " + ");
                    Write(sb, neg ? Expr.Neg(t) : t, PAdd + 1);
                }
                return;
            }
            case Mul or Pow { Exponent: Num { Value.Sign: < 0 } }:
                WriteProduct(sb, ProductParts.Of(e));
                return;
            case Pow { Exponent: Num { Value: var h } } p when h == Rational.Half:
                sb.Append("sqrt(");
                Write(sb, p.Base);
                sb.Append(')');
                return;
            case Pow p:
                Write(sb, p.Base, PAtom);
                sb.Append('^');
                Write(sb, p.Exponent, PAtom);
                return;
            case Call c:
                sb.Append(Call.NameOf(c.Function)).Append('(');
                Write(sb, c.Argument);
                sb.Append(')');
                return;
            case Rel r:
                Write(sb, r.Left, PAdd);
                sb.Append(' ').Append(Rel.Symbol(r.Op)).Append(' ');
                Write(sb, r.Right, PAdd);
                return;
            case Not n:
                sb.Append("not ");
                Write(sb, n.Operand, PNot + 1);
                return;
            case Logic l:
            {
                var word = l.Op == LogicOp.And ? " and " : " or ";
                int own = l.Op == LogicOp.And ? PAnd : POr;
                for (int i = 0; i < l.Operands.Count; i++)
                {
                    if (i > 0) sb.Append(word);
                    Write(sb, l.Operands[i], own + 1);
                }
                return;
            }
            case Implies im:
                Write(sb, im.Premise, PImplies + 1);
                sb.Append(" implies ");
                Write(sb, im.Conclusion, PImplies);
                return;
            case BoolConst b:
                sb.Append(b.Value ? "true" : "false");
                return;
            default:
                throw new SymbolicException($"cannot print node {e.GetType().Name}");
        }
    }

    private static void WriteProduct(StringBuilder sb, ProductParts parts)
    {
        if (parts.Negative) sb.Append('-');
        if (parts.Numerator.Count == 0) sb.Append('1');
        for (int i = 0; i < parts.Numerator.Count; i++)
        {
            if (i > 0) sb.Append('*');
            Write(sb, parts.Numerator[i], PMul + 1);
        }
        if (parts.Denominator.Count == 0) return;
        sb.Append('/');
        if (parts.Denominator.Count == 1)
        {
            Write(sb, parts.Denominator[0], PMul + 1);
            return;
        }
        sb.Append('(');
        for (int i = 0; i < parts.Denominator.Count; i++)
        {
            if (i > 0) sb.Append('*');
            Write(sb, parts.Denominator[i], PMul + 1);
        }
        sb.Append(')');
    }
}
