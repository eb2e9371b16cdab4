using System.Text;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// The expression tree as JSON, one object per node, numbers as exact strings:
/// <c>{"type":"num","value":"3/4"}</c>, <c>{"type":"sym","name":"W2[1,3]"}</c>,
/// <c>{"type":"add","terms":[…]}</c>, <c>{"type":"mul","factors":[…]}</c>,
/// <c>{"type":"pow","base":…,"exponent":…}</c>, <c>{"type":"call","function":"sin","argument":…}</c>,
/// <c>{"type":"rel","op":"&lt;=","left":…,"right":…}</c>, <c>{"type":"and","operands":[…]}</c> (and <c>or</c>),
/// <c>{"type":"not","operand":…}</c>, <c>{"type":"implies","premise":…,"conclusion":…}</c>,
/// <c>{"type":"bool","value":true}</c>. It is the kernel's tree (no subtraction or division nodes:
/// <c>x - y</c> is an add with a mul by -1), with terms and factors in display order.
/// <see cref="Parsing.JsonReader"/> reads it back to an equal expression.
/// </summary>
public static class JsonPrinter
{
    /// <summary>The JSON form of <paramref name="e"/> (one document, read back by <see cref="Parsing.JsonReader"/>).</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        StackGuard.Ensure();
        switch (e)
        {
            case Num n:
                Open(sb, "num").Append(",\"value\":");
                String(sb, n.Value.ToString());
                break;
            case Sym s:
                Open(sb, "sym").Append(",\"name\":");
                String(sb, s.Name);
                break;
            case Add a:
                Open(sb, "add");
                List(sb, "terms", DisplayOrder.Terms(a));
                break;
            case Mul m:
                Open(sb, "mul");
                List(sb, "factors", DisplayOrder.Factors(m.Factors));
                break;
            case Pow p:
                Open(sb, "pow");
                Field(sb, "base", p.Base);
                Field(sb, "exponent", p.Exponent);
                break;
            case Call c:
                Open(sb, "call").Append(",\"function\":");
                String(sb, Call.NameOf(c.Function));
                Field(sb, "argument", c.Argument);
                break;
            case Rel r:
                Open(sb, "rel").Append(",\"op\":");
                String(sb, Rel.Symbol(r.Op));
                Field(sb, "left", r.Left);
                Field(sb, "right", r.Right);
                break;
            case Logic l:
                Open(sb, l.Op == LogicOp.And ? "and" : "or");
                List(sb, "operands", l.Operands);
                break;
            case Not n:
                Open(sb, "not");
                Field(sb, "operand", n.Operand);
                break;
            case Implies im:
                Open(sb, "implies");
                Field(sb, "premise", im.Premise);
                Field(sb, "conclusion", im.Conclusion);
                break;
            case BoolConst b:
                Open(sb, "bool").Append(",\"value\":").Append(b.Value ? "true" : "false");
                break;
            default:
                throw new SymbolicException($"cannot print node {e.GetType().Name} as JSON");
        }
        sb.Append('}');
    }

    private static StringBuilder Open(StringBuilder sb, string type) => sb.Append("{\"type\":\"").Append(type).Append('"');

    private static void Field(StringBuilder sb, string name, Expr value)
    {
        sb.Append(",\"").Append(name).Append("\":");
        Write(sb, value);
    }

    private static void List(StringBuilder sb, string name, IReadOnlyList<Expr> items)
    {
        sb.Append(",\"").Append(name).Append("\":[");
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(',');
            Write(sb, items[i]);
        }
        sb.Append(']');
    }

    /// <summary>A JSON string literal; names and numbers are ASCII, but escape anything that is not.</summary>
    private static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else sb.Append(c);
        }
        sb.Append('"');
    }
}
