using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>
/// Infix parser for expressions and statements. Precedence, loosest first: <c>implies</c> (right),
/// <c>or</c>, <c>and</c>, <c>not</c>, relations (<c>= != &lt; &lt;= &gt; &gt;=</c>; chains like
/// <c>0 &lt; x &lt; 1</c> mean a conjunction), <c>+ -</c>, <c>* /</c>, unary minus, <c>^</c> (right; <c>**</c> too).
/// Decimals are exact (<c>0.1</c> is 1/10). Errors carry line and column.
/// </summary>
/// <example><c>Parser.Parse("x^2*sin(y) + W2[1,3]")</c></example>
public sealed class Parser
{
    /// <summary>Deepest nesting accepted; deeper input is refused with a clear error, never a stack overflow.</summary>
    public const int MaxDepth = 500;

    private static readonly HashSet<string> Keywords = ["and", "or", "not", "implies", "true", "false"];

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _depth;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    /// <summary>Parses an expression or a statement.</summary>
    public static Expr Parse(string text)
    {
        var p = new Parser(text);
        if (p.Peek.Kind == TokenKind.End) throw Lexer.Error(text, 0, "empty input: expected an expression");
        var e = p.ParseImplication();
        if (p.Peek.Kind != TokenKind.End) throw p.Unexpected(p.Peek, "end of input");
        return e;
    }

    /// <summary>Parses text that must be an arithmetic expression (not a statement).</summary>
    public static Expr ParseExpression(string text)
    {
        var e = Parse(text);
        if (e is Statement) throw Lexer.Error(text, 0, "expected an expression, found a statement (relation or logic)");
        return e;
    }

    /// <summary>Parses text that must be a statement (relation or logic).</summary>
    public static Statement ParseStatement(string text)
    {
        var e = Parse(text);
        return e as Statement ?? throw Lexer.Error(text, 0, "expected a statement such as 'x >= 0' or 'a = b', found an expression");
    }

    private Token Peek => _tokens[_pos];

    private Token Next() => _tokens[_pos++];

    private bool IsOp(string op) => Peek.Kind == TokenKind.Operator && Peek.Text == op;

    private bool IsWord(string w) => Peek.Kind == TokenKind.Identifier && Peek.Text == w;

    private ParseException Unexpected(Token t, string expected) =>
        t.Kind == TokenKind.End
            ? Lexer.Error(_text, t.Offset, $"unexpected end of input: expected {expected}")
            : Lexer.Error(_text, t.Offset, $"unexpected '{t.Text}': expected {expected}");

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
            throw Lexer.Error(_text, at.Offset, $"nesting deeper than {MaxDepth} levels; split the input into smaller parts");
    }

    private void Leave() => _depth--;

    private Expr Build(Token at, Func<Expr> build)
    {
        try
        {
            return build();
        }
        catch (ParseException)
        {
            throw;
        }
        catch (SymbolicException e)
        {
            throw Lexer.Error(_text, at.Offset, e.Message);
        }
        catch (DivideByZeroException e)
        {
            throw Lexer.Error(_text, at.Offset, e.Message);
        }
    }

    private Expr ParseImplication()
    {
        var left = ParseOr();
        if (!IsWord("implies") && !IsOp("=>")) return left;
        var op = Next();
        Enter(op);
        var right = ParseImplication();
        Leave();
        return Build(op, () => Expr.Implication(left, right));
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var op = Next();
            var right = ParseAnd();
            var l = left;
            left = Build(op, () => Expr.Or(l, right));
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            var op = Next();
            var right = ParseNot();
            var l = left;
            left = Build(op, () => Expr.And(l, right));
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (!IsWord("not")) return ParseRelation();
        var op = Next();
        Enter(op);
        var operand = ParseNot();
        Leave();
        return Build(op, () => Expr.Negation(operand));
    }

    private static RelOp? RelationOf(Token t) =>
        t.Kind != TokenKind.Operator
            ? null
            : t.Text switch
            {
                "=" or "==" => RelOp.Eq,
                "!=" => RelOp.Ne,
                "<" => RelOp.Lt,
                "<=" => RelOp.Le,
                ">" => RelOp.Gt,
                ">=" => RelOp.Ge,
                _ => null,
            };

    private Expr ParseRelation()
    {
        var left = ParseAdditive();
        var parts = new List<Expr>();
        while (RelationOf(Peek) is { } op)
        {
            var at = Next();
            var right = ParseAdditive();
            var l = left;
            parts.Add(Build(at, () => Expr.Relation(op, l, right)));
            left = right;
        }
        if (parts.Count == 0) return left;
        return parts.Count == 1 ? parts[0] : Expr.And(parts.ToArray());
    }

    private Expr ParseAdditive()
    {
        var first = ParseMultiplicative();
        if (!IsOp("+") && !IsOp("-")) return first;
        var terms = new List<Expr> { first };
        Token at = Peek;
        while (IsOp("+") || IsOp("-"))
        {
            var op = Next();
            var t = ParseMultiplicative();
            terms.Add(op.Text == "-" ? Build(op, () => Expr.Neg(t)) : t);
        }
        return Build(at, () => Expr.Add(terms));
    }

    private Expr ParseMultiplicative()
    {
        var first = ParseUnary();
        if (!IsOp("*") && !IsOp("/")) return RejectJuxtaposition(first);
        var factors = new List<Expr> { first };
        while (IsOp("*") || IsOp("/"))
        {
            var op = Next();
            var f = ParseUnary();
            factors.Add(op.Text == "/" ? Build(op, () => Expr.Pow(f, Expr.MinusOne)) : f);
        }
        var at = Peek;
        return RejectJuxtaposition(Build(at, () => Expr.Mul(factors)));
    }

    private Expr RejectJuxtaposition(Expr e)
    {
        if (Peek.Kind is TokenKind.Number or TokenKind.LeftParen ||
            (Peek.Kind == TokenKind.Identifier && !Keywords.Contains(Peek.Text)))
        {
            var prev = _tokens[_pos - 1];
            throw Lexer.Error(_text, Peek.Offset, $"missing operator between '{prev.Text}' and '{Peek.Text}' (write '*' for a product)");
        }
        return e;
    }

    private Expr ParseUnary()
    {
        if (IsOp("-") || IsOp("+"))
        {
            var op = Next();
            Enter(op);
            var operand = ParseUnary();
            Leave();
            return op.Text == "-" ? Build(op, () => Expr.Neg(operand)) : operand;
        }
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var b = ParsePrimary();
        if (!IsOp("^") && !IsOp("**")) return b;
        var op = Next();
        Enter(op);
        var e = ParseUnary(); // right associative; allows x^-2
        Leave();
        return Build(op, () => Expr.Pow(b, e));
    }

    private Expr ParsePrimary()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Next();
                if (!Rational.TryParse(t.Text, out var value))
                    throw Lexer.Error(_text, t.Offset, $"malformed number '{t.Text}'");
                return Num.Of(value);
            case TokenKind.LeftParen:
            {
                Next();
                Enter(t);
                var inner = ParseImplication();
                Leave();
                Expect(TokenKind.RightParen, "')'", t);
                return inner;
            }
            case TokenKind.Identifier:
                return ParseIdentifier();
            default:
                throw Unexpected(t, "a number, a symbol, a function call or '('");
        }
    }

    private Expr ParseIdentifier()
    {
        var t = Next();
        switch (t.Text)
        {
            case "true": return BoolConst.True;
            case "false": return BoolConst.False;
        }
        if (Keywords.Contains(t.Text))
            throw Lexer.Error(_text, t.Offset, $"unexpected keyword '{t.Text}': expected an expression");
        if (Peek.Kind != TokenKind.LeftParen) return new Sym(t.Text);
        var open = Next();
        var fn = FunctionOf(t);
        Enter(open);
        if (Peek.Kind == TokenKind.RightParen) throw Lexer.Error(_text, Peek.Offset, $"{t.Text}() needs one argument");
        var arg = ParseImplication();
        if (Peek.Kind == TokenKind.Comma) throw Lexer.Error(_text, Peek.Offset, $"{t.Text}() takes exactly one argument");
        Leave();
        Expect(TokenKind.RightParen, "')'", open);
        return Build(t, () => fn(arg));
    }

    private Func<Expr, Expr> FunctionOf(Token t) => t.Text switch
    {
        "sqrt" => Expr.Sqrt,
        "exp" => Expr.Exp,
        "log" => Expr.Log,
        "abs" => Expr.Abs,
        "sign" => Expr.Sign,
        "sin" => Expr.Sin,
        "cos" => Expr.Cos,
        _ => throw Lexer.Error(_text, t.Offset, $"unknown function '{t.Text}' (known: sqrt, exp, log, abs, sign, sin, cos)"),
    };

    private void Expect(TokenKind kind, string what, Token opener)
    {
        if (Peek.Kind == kind)
        {
            Next();
            return;
        }
        if (Peek.Kind == TokenKind.End)
            throw Lexer.Error(_text, Peek.Offset, $"unexpected end of input: expected {what} to close the '(' at column {ColumnOf(opener.Offset)}");
        throw Unexpected(Peek, what);
    }

    private int ColumnOf(int offset)
    {
        var nl = _text.LastIndexOf('\n', Math.Max(0, offset - 1));
        return offset - nl;
    }
}
