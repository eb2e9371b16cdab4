using System.Text;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// LaTeX (math mode) printer: <c>\frac{a}{b}</c> for fractions, powers with braces (<c>x^{2}</c>),
/// <c>\sqrt{x}</c>, <c>\left|x\right|</c>, <c>\operatorname{sign}</c>, <c>\exp \log \sin \cos</c>,
/// <c>\le \ge \ne</c>, <c>\land \lor \lnot \Rightarrow</c>. Indexed symbols are subscripted:
/// <c>W2[1,3]</c> prints as <c>W2_{1,3}</c>, <c>w1_2[3]</c> as <c>{w1_{2}}_{3}</c>, <c>eta</c> as <c>\eta</c>,
/// other multi-letter names upright (<c>\mathrm{loss}</c>). Operand order and parentheses follow the
/// shared <see cref="DisplayOrder"/>, <see cref="ProductParts"/> and <see cref="Precedence"/>.
/// </summary>
/// <example><c>LatexPrinter.Print(Parser.Parse("3*x^2/(4*y)"))</c> is <c>\frac{3 x^{2}}{4 y}</c>.</example>
public static class LatexPrinter
{
    /// <summary>The LaTeX form of <paramref name="e"/> (math mode, without delimiters).</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        StackGuard.Ensure();
        bool paren = Precedence.Of(e) < context;
        if (paren) sb.Append(@"\left(");
        WriteBare(sb, e);
        if (paren) sb.Append(@"\right)");
    }

    private static void WriteBare(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Num n:
                WriteNumber(sb, n);
                return;
            case Sym s:
                WriteSymbol(sb, s.Name);
                return;
            case Add a:
                WriteSum(sb, a);
                return;
            case Mul or Pow { Exponent: Num { Value.Sign: < 0 } }:
                WriteProduct(sb, ProductParts.Of(e));
                return;
            case Pow p when Precedence.IsSquareRoot(p):
                sb.Append(@"\sqrt{");
                Write(sb, p.Base, 0);
                sb.Append('}');
                return;
            case Pow p:
                Write(sb, p.Base, Precedence.Atom);
                sb.Append("^{");
                Write(sb, p.Exponent, 0);
                sb.Append('}');
                return;
            case Call c:
                WriteCall(sb, c);
                return;
            case Rel r:
                Write(sb, r.Left, Precedence.Sum);
                sb.Append(' ').Append(RelationSymbol(r.Op)).Append(' ');
                Write(sb, r.Right, Precedence.Sum);
                return;
            case Not n:
                sb.Append(@"\lnot ");
                Write(sb, n.Operand, Precedence.Negation + 1);
                return;
            case Logic l:
            {
                var (word, own) = l.Op == LogicOp.And ? (@" \land ", Precedence.Conjunction) : (@" \lor ", Precedence.Disjunction);
                for (int i = 0; i < l.Operands.Count; i++)
                {
                    if (i > 0) sb.Append(word);
                    Write(sb, l.Operands[i], own + 1);
                }
                return;
            }
            case Implies im:
                Write(sb, im.Premise, Precedence.Implication + 1);
                sb.Append(@" \Rightarrow ");
                Write(sb, im.Conclusion, Precedence.Implication);
                return;
            case BoolConst b:
                sb.Append(b.Value ? @"\mathrm{true}" : @"\mathrm{false}");
                return;
            default:
                throw new SymbolicException($"cannot print node {e.GetType().Name} as LaTeX");
        }
    }

    private static void WriteNumber(StringBuilder sb, Num n)
    {
        var v = n.Value;
        if (v.Sign < 0) sb.Append('-');
        var p = System.Numerics.BigInteger.Abs(v.Numerator);
        if (v.IsInteger) sb.Append(p);
        else sb.Append(@"\frac{").Append(p).Append("}{").Append(v.Denominator).Append('}');
    }

    /// <summary><c>W2[1,3]</c> → <c>W2_{1,3}</c>; <c>w1_2[3]</c> → <c>{w1_{2}}_{3}</c>.</summary>
    private static void WriteSymbol(StringBuilder sb, string name)
    {
        var parts = SymbolNameParts.Of(name);
        var core = SymbolNameParts.LatexWord(parts.Stem);
        if (parts.Subscript is { } sub) core = core + "_{" + SymbolNameParts.LatexWord(sub) + "}";
        if (parts.Indices.Count == 0)
        {
            sb.Append(core);
            return;
        }
        if (parts.Subscript is not null) core = "{" + core + "}";
        sb.Append(core).Append("_{").Append(string.Join(",", parts.Indices)).Append('}');
    }

    private static void WriteSum(StringBuilder sb, Add a)
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
            Write(sb, neg ? Expr.Neg(t) : t, Precedence.Sum + 1);
        }
    }

    private static void WriteProduct(StringBuilder sb, ProductParts parts)
    {
        if (parts.Negative) sb.Append('-');
        if (parts.Denominator.Count == 0)
        {
            WriteFactors(sb, parts.Numerator, Precedence.Product + 1);
            return;
        }
        // Inside \frac's braces a lone factor needs no parentheses; several factors do, as in a product.
        sb.Append(@"\frac{");
        if (parts.Numerator.Count == 0) sb.Append('1');
        else WriteFactors(sb, parts.Numerator, parts.Numerator.Count == 1 ? 0 : Precedence.Product + 1);
        sb.Append("}{");
        WriteFactors(sb, parts.Denominator, parts.Denominator.Count == 1 ? 0 : Precedence.Product + 1);
        sb.Append('}');
    }

    private static void WriteFactors(StringBuilder sb, IReadOnlyList<Expr> factors, int context)
    {
        for (int i = 0; i < factors.Count; i++)
        {
            var start = sb.Length;
            if (i > 0) sb.Append(' ');
            Write(sb, factors[i], context);
            // Juxtaposed digits would read as one number (2 3^{x} as 23^x): separate them with \cdot.
            if (i > 0 && start + 1 < sb.Length && char.IsAsciiDigit(sb[start + 1]))
                sb.Insert(start, @" \cdot");
        }
    }

    private static void WriteCall(StringBuilder sb, Call c)
    {
        switch (c.Function)
        {
            case Func.Abs:
                sb.Append(@"\left|");
                Write(sb, c.Argument, 0);
                sb.Append(@"\right|");
                return;
            case Func.Sign:
                sb.Append(@"\operatorname{sign}");
                break;
            default:
                sb.Append('\\').Append(Call.NameOf(c.Function));
                break;
        }
        sb.Append(@"\left(");
        Write(sb, c.Argument, 0);
        sb.Append(@"\right)");
    }

    private static string RelationSymbol(RelOp op) => op switch
    {
        RelOp.Eq => "=",
        RelOp.Ne => @"\ne",
        RelOp.Lt => "<",
        RelOp.Le => @"\le",
        RelOp.Gt => ">",
        RelOp.Ge => @"\ge",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
