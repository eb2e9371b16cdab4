using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Parsing;

public sealed partial class Parser
{
    private List<Statement>? _domain;

    /// <summary>
    /// Parses like <see cref="Parse"/> and also returns where the input, <em>as written</em>, is defined:
    /// <c>b != 0</c> for every divisor and negative integer power, <c>a >= 0</c> for every <c>sqrt(a)</c> and
    /// non-integer power, <c>a > 0</c> for every <c>log(a)</c>. Canonical forms may lose these conditions
    /// (<c>x/x</c> is <c>1</c>, <c>sqrt(x)*sqrt(x)</c> is <c>x</c>), so a checker that must decide the statement
    /// "wherever its terms are defined" adds them as premises.
    /// </summary>
    public static Expr ParseWithDomain(string text, out IReadOnlyList<Statement> domain)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text) { _domain = [] };
        if (p._current.Kind == TokenKind.End) throw Lexer.Error(text, 0, "empty input: expected an expression");
        var e = p.Run();
        domain = p._domain.Distinct().ToList();
        return e;
    }

    /// <summary><see cref="ParseWithDomain"/> for text that must be a statement.</summary>
    public static Statement ParseStatementWithDomain(string text, out IReadOnlyList<Statement> domain)
    {
        var e = ParseWithDomain(text, out domain);
        return e as Statement ?? throw Lexer.Error(text, 0, "expected a statement such as 'x >= 0' or 'a = b', found an expression");
    }

    /// <summary>Records <c>operand op 0</c> unless it holds trivially (a constant that satisfies it).</summary>
    private void RequireDefined(RelOp op, Expr operand)
    {
        if (_domain is null || operand is Statement) return;
        if (operand is Num n && Operations.Algebra.Compare(op, n.Value, Rational.Zero)) return;
        _domain.Add(Expr.Relation(op, operand, Expr.Zero));
    }

    private void RecordPowerDomain(Expr b, Expr exponent)
    {
        if (_domain is null || exponent is not Num { Value: var k }) return;
        if (!k.IsInteger) RequireDefined(k.Sign < 0 ? RelOp.Gt : RelOp.Ge, b); // real powers need b >= 0 (b > 0 if negative)
        else if (k.Sign < 0) RequireDefined(RelOp.Ne, b);                       // b^(-n) needs b != 0
    }
}
