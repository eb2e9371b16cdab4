using System.Security;
using System.Text;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// Presentation MathML: one <c>&lt;math xmlns="http://www.w3.org/1998/Math/MathML"&gt;</c> element built from
/// <c>mi mn mo mrow mfrac msup msub msqrt</c>, well-formed XML. Every node prints as exactly one element
/// (sequences are wrapped in <c>mrow</c>), so it can be a child of <c>msup</c> or <c>mfrac</c>. Operand order,
/// fractions and parentheses follow the shared <see cref="DisplayOrder"/>, <see cref="ProductParts"/> and
/// <see cref="Precedence"/>; symbol names are split like the LaTeX printer's (<c>W2[1,3]</c> is W2 with
/// subscript 1,3).
/// </summary>
public static class MathMLPrinter
{
    /// <summary>The MathML namespace URI.</summary>
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    // Invisible times (U+2062) and function application (U+2061) keep the semantics for screen readers.
    private const string InvisibleTimes = "<mo>&#x2062;</mo>";
    private const string ApplyFunction = "<mo>&#x2061;</mo>";

    /// <summary>The presentation MathML form of <paramref name="e"/>, one <c>&lt;math&gt;</c> element.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        sb.Append("<math xmlns=\"").Append(Namespace).Append("\">");
        Write(sb, e, 0);
        sb.Append("</math>");
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        StackGuard.Ensure();
        if (Precedence.Of(e) >= context)
        {
            WriteBare(sb, e);
            return;
        }
        sb.Append("<mrow><mo>(</mo>");
        WriteBare(sb, e);
        sb.Append("<mo>)</mo></mrow>");
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
                sb.Append("<msqrt>");
                Write(sb, p.Base, 0);
                sb.Append("</msqrt>");
                return;
            case Pow p:
                sb.Append("<msup>");
                Write(sb, p.Base, Precedence.Atom);
                Write(sb, p.Exponent, 0);
                sb.Append("</msup>");
                return;
            case Call c:
                WriteCall(sb, c);
                return;
            case Rel r:
                sb.Append("<mrow>");
                Write(sb, r.Left, Precedence.Sum);
                Operator(sb, RelationSymbol(r.Op));
                Write(sb, r.Right, Precedence.Sum);
                sb.Append("</mrow>");
                return;
            case Not n:
                sb.Append("<mrow>");
                Operator(sb, "&#xAC;");
                Write(sb, n.Operand, Precedence.Negation + 1);
                sb.Append("</mrow>");
                return;
            case Logic l:
            {
                var (symbol, own) = l.Op == LogicOp.And ? ("&#x2227;", Precedence.Conjunction) : ("&#x2228;", Precedence.Disjunction);
                sb.Append("<mrow>");
                for (int i = 0; i < l.Operands.Count; i++)
                {
                    if (i > 0) Operator(sb, symbol);
                    Write(sb, l.Operands[i], own + 1);
                }
                sb.Append("</mrow>");
                return;
            }
            case Implies im:
                sb.Append("<mrow>");
                Write(sb, im.Premise, Precedence.Implication + 1);
                Operator(sb, "&#x21D2;");
                Write(sb, im.Conclusion, Precedence.Implication);
                sb.Append("</mrow>");
                return;
            case BoolConst b:
                sb.Append(b.Value ? "<mtext>true</mtext>" : "<mtext>false</mtext>");
                return;
            default:
                throw new SymbolicException($"cannot print node {e.GetType().Name} as MathML");
        }
    }

    private static void Operator(StringBuilder sb, string symbol) => sb.Append("<mo>").Append(symbol).Append("</mo>");

    private static void WriteNumber(StringBuilder sb, Num n)
    {
        var v = n.Value;
        var p = System.Numerics.BigInteger.Abs(v.Numerator);
        if (v.Sign < 0) sb.Append("<mrow><mo>-</mo>");
        if (v.IsInteger) sb.Append("<mn>").Append(p).Append("</mn>");
        else sb.Append("<mfrac><mn>").Append(p).Append("</mn><mn>").Append(v.Denominator).Append("</mn></mfrac>");
        if (v.Sign < 0) sb.Append("</mrow>");
    }

    private static void Word(StringBuilder sb, string word)
    {
        var tag = SymbolNameParts.IsNumber(word) ? "mn" : "mi";
        sb.Append('<').Append(tag).Append('>').Append(SecurityElement.Escape(SymbolNameParts.PlainWord(word)))
            .Append("</").Append(tag).Append('>');
    }

    private static void WriteSymbol(StringBuilder sb, string name)
    {
        var parts = SymbolNameParts.Of(name);
        if (parts.Indices.Count > 0) sb.Append("<msub>");
        if (parts.Subscript is { } sub)
        {
            sb.Append("<msub>");
            Word(sb, parts.Stem);
            Word(sb, sub);
            sb.Append("</msub>");
        }
        else Word(sb, parts.Stem);
        if (parts.Indices.Count == 0) return;
        sb.Append("<mrow>");
        for (int i = 0; i < parts.Indices.Count; i++)
        {
            if (i > 0) sb.Append("<mo separator=\"true\">,</mo>");
            sb.Append("<mn>").Append(parts.Indices[i]).Append("</mn>");
        }
        sb.Append("</mrow></msub>");
    }

    private static void WriteSum(StringBuilder sb, Add a)
    {
        var terms = DisplayOrder.Terms(a);
        sb.Append("<mrow>");
        for (int i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            bool neg = Expr.IsNegated(t) && t is not Add;
            if (neg) Operator(sb, "-");
            else if (i > 0) Operator(sb, "+");
            Write(sb, neg ? Expr.Neg(t) : t, Precedence.Sum + 1);
        }
        sb.Append("</mrow>");
    }

    private static void WriteProduct(StringBuilder sb, ProductParts parts)
    {
        if (parts.Negative)
        {
            sb.Append("<mrow>");
            Operator(sb, "-");
        }
        if (parts.Denominator.Count == 0) WriteFactors(sb, parts.Numerator, Precedence.Product + 1);
        else
        {
            sb.Append("<mfrac>");
            if (parts.Numerator.Count == 0) sb.Append("<mn>1</mn>");
            else WriteFactors(sb, parts.Numerator, parts.Numerator.Count == 1 ? 0 : Precedence.Product + 1);
            WriteFactors(sb, parts.Denominator, parts.Denominator.Count == 1 ? 0 : Precedence.Product + 1);
            sb.Append("</mfrac>");
        }
        if (parts.Negative) sb.Append("</mrow>");
    }

    /// <summary>One element: a lone factor, or an mrow of factors joined by invisible times.</summary>
    private static void WriteFactors(StringBuilder sb, IReadOnlyList<Expr> factors, int context)
    {
        if (factors.Count == 1)
        {
            Write(sb, factors[0], context);
            return;
        }
        sb.Append("<mrow>");
        for (int i = 0; i < factors.Count; i++)
        {
            // Between two numbers a visible dot: 2·3^x, not 23^x.
            if (i > 0) sb.Append(StartsWithNumber(factors[i]) ? "<mo>&#xB7;</mo>" : InvisibleTimes);
            Write(sb, factors[i], context);
        }
        sb.Append("</mrow>");
    }

    private static bool StartsWithNumber(Expr e) => e is Num || (e is Pow { Base: Num } p && !Precedence.IsSquareRoot(p));

    private static void WriteCall(StringBuilder sb, Call c)
    {
        if (c.Function == Func.Abs)
        {
            sb.Append("<mrow><mo>|</mo>");
            Write(sb, c.Argument, 0);
            sb.Append("<mo>|</mo></mrow>");
            return;
        }
        sb.Append("<mrow><mi>").Append(Call.NameOf(c.Function)).Append("</mi>").Append(ApplyFunction);
        sb.Append("<mrow><mo>(</mo>");
        Write(sb, c.Argument, 0);
        sb.Append("<mo>)</mo></mrow></mrow>");
    }

    private static string RelationSymbol(RelOp op) => op switch
    {
        RelOp.Eq => "=",
        RelOp.Ne => "&#x2260;",
        RelOp.Lt => "&lt;",
        RelOp.Le => "&#x2264;",
        RelOp.Gt => "&gt;",
        RelOp.Ge => "&#x2265;",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
