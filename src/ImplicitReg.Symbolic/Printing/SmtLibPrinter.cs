using System.Globalization;
using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// SMT-LIB2 printer for the part of the kernel that real arithmetic can state exactly: numbers, symbols,
/// sums, products, integer powers (natural powers as products, negative ones as division), <c>abs</c> and
/// <c>sign</c> (as <c>ite</c>), relations and logic. Numerals print as decimals (<c>2.0</c>, <c>(/ 1.0 3.0)</c>) so
/// they are reals in every logic. Non-integer powers (<c>sqrt</c>) and <c>exp</c>, <c>log</c>, <c>sin</c>, <c>cos</c>
/// have no exact SMT-LIB term and are refused; the solver layer first rewrites roots into fresh variables
/// with defining constraints. Symbols that are not simple SMT-LIB symbols are quoted: <c>|W[1,2]|</c>.
/// </summary>
/// <example><c>SmtLibPrinter.Print(Parser.Parse("W[1,2]^2 &lt;= x/2"))</c> is <c>(&lt;= (* |W[1,2]| |W[1,2]|) (* (/ 1.0 2.0) x))</c>.</example>
public static class SmtLibPrinter
{
    /// <summary>Largest natural power written out as a product (larger ones are refused, not silently huge).</summary>
    public const int MaxExpandedPower = 64;

    private static readonly HashSet<string> Reserved =
    [
        "_", "!", "as", "let", "exists", "forall", "match", "par", "BINARY", "DECIMAL", "HEXADECIMAL", "NUMERAL", "STRING",
        "true", "false", "not", "and", "or", "xor", "ite", "distinct", "Real", "Int", "Bool",
    ];

    /// <summary>The SMT-LIB2 term of <paramref name="e"/> over the reals; what real arithmetic cannot state exactly is refused with a <see cref="Core.SymbolicException"/>.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    /// <summary>The SMT-LIB form of a symbol name, quoted with <c>|...|</c> unless it is a simple symbol.</summary>
    public static string Symbol(string name)
    {
        if (name.Length == 0) throw new SymbolicException("an SMT-LIB symbol cannot be empty");
        if (IsSimpleSymbol(name)) return name;
        if (name.Contains('|') || name.Contains('\\'))
            throw new SymbolicException($"symbol '{name}' cannot be written in SMT-LIB2 (it contains '|' or '\\')");
        return "|" + name + "|";
    }

    /// <summary>An exact real numeral: <c>3.0</c>, <c>(- 3.0)</c>, <c>(/ 1.0 3.0)</c>.</summary>
    public static string Numeral(Rational value)
    {
        var magnitude = value.Abs();
        var body = magnitude.IsInteger
            ? Decimal(magnitude.Numerator)
            : $"(/ {Decimal(magnitude.Numerator)} {Decimal(magnitude.Denominator)})";
        return value.Sign < 0 ? $"(- {body})" : body;
    }

    private static string Decimal(System.Numerics.BigInteger n) => n.ToString(CultureInfo.InvariantCulture) + ".0";

    private static bool IsSimpleSymbol(string name)
    {
        if (Reserved.Contains(name) || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && "~!@$%^&*_-+=<>.?/".IndexOf(c) < 0) return false;
        return true;
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Num n:
                sb.Append(Numeral(n.Value));
                return;
            case Sym s:
                sb.Append(Symbol(s.Name));
                return;
            case Add a:
                Apply(sb, "+", a.Terms);
                return;
            case Mul m:
                WriteProduct(sb, m);
                return;
            case Pow p:
                WritePower(sb, p);
                return;
            case Call { Function: Func.Abs } c:
                // |a| = ite(a >= 0, a, -a)
                sb.Append("(ite (>= ");
                Write(sb, c.Argument);
                sb.Append(" 0.0) ");
                Write(sb, c.Argument);
                sb.Append(" (- ");
                Write(sb, c.Argument);
                sb.Append("))");
                return;
            case Call { Function: Func.Sign } c:
                // sign a = ite(a > 0, 1, ite(a < 0, -1, 0))
                sb.Append("(ite (> ");
                Write(sb, c.Argument);
                sb.Append(" 0.0) 1.0 (ite (< ");
                Write(sb, c.Argument);
                sb.Append(" 0.0) (- 1.0) 0.0))");
                return;
            case Call c:
                throw new SymbolicException(
                    $"{Call.NameOf(c.Function)}() has no exact SMT-LIB2 real-arithmetic form: '{c}' cannot be printed");
            case Rel r:
                WriteRelation(sb, r);
                return;
            case Not n:
                Apply(sb, "not", [n.Operand]);
                return;
            case Logic l:
                Apply(sb, l.Op == LogicOp.And ? "and" : "or", l.Operands);
                return;
            case Implies i:
                Apply(sb, "=>", [i.Premise, i.Conclusion]);
                return;
            case BoolConst b:
                sb.Append(b.Value ? "true" : "false");
                return;
            default:
                throw new SymbolicException($"cannot print node {e.GetType().Name} in SMT-LIB2");
        }
    }

    private static void Apply(StringBuilder sb, string head, IEnumerable<Expr> args)
    {
        sb.Append('(').Append(head);
        foreach (var a in args)
        {
            sb.Append(' ');
            Write(sb, a);
        }
        sb.Append(')');
    }

    private static void WriteProduct(StringBuilder sb, Mul m)
    {
        var factors = m.Factors;
        // -1*x prints as (- x); other coefficients stay an ordinary factor.
        if (factors[0] is Num { Value: var c } && c == Rational.MinusOne)
        {
            sb.Append("(- ");
            if (factors.Count == 2) Write(sb, factors[1]);
            else Apply(sb, "*", factors.Skip(1));
            sb.Append(')');
            return;
        }
        Apply(sb, "*", factors);
    }

    private static void WritePower(StringBuilder sb, Pow p)
    {
        if (p.Exponent is not Num { Value: { IsInteger: true } k })
            throw new SymbolicException(
                $"the power '{p}' has a non-integer exponent and no exact SMT-LIB2 term; state it with an auxiliary variable (r >= 0 and r^q = x^p)");
        if (System.Numerics.BigInteger.Abs(k.Numerator) > MaxExpandedPower)
            throw new SymbolicException($"the power '{p}' exceeds the largest power written out ({MaxExpandedPower})");
        var n = (int)System.Numerics.BigInteger.Abs(k.Numerator);
        if (k.Sign < 0)
        {
            sb.Append("(/ 1.0 ");
            WriteNaturalPower(sb, p.Base, n);
            sb.Append(')');
            return;
        }
        WriteNaturalPower(sb, p.Base, n);
    }

    private static void WriteNaturalPower(StringBuilder sb, Expr b, int n)
    {
        if (n == 1)
        {
            Write(sb, b);
            return;
        }
        Apply(sb, "*", Enumerable.Repeat(b, n));
    }

    private static void WriteRelation(StringBuilder sb, Rel r)
    {
        if (r.Op == RelOp.Ne)
        {
            sb.Append("(not ");
            Apply(sb, "=", [r.Left, r.Right]);
            sb.Append(')');
            return;
        }
        var head = r.Op switch
        {
            RelOp.Eq => "=",
            RelOp.Lt => "<",
            RelOp.Le => "<=",
            RelOp.Gt => ">",
            RelOp.Ge => ">=",
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
        Apply(sb, head, [r.Left, r.Right]);
    }
}
