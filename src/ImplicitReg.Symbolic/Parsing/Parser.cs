using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>
/// Infix parser for expressions and statements. Precedence, loosest first: <c>implies</c> (or <c>=&gt;</c>,
/// right associative), <c>or</c>, <c>and</c>, <c>not</c>, relations (<c>= != &lt; &lt;= &gt; &gt;=</c>; chains like
/// <c>0 &lt; x &lt; 1</c> mean a conjunction), <c>+ -</c>, <c>* /</c>, unary <c>- +</c>, <c>^</c> (or <c>**</c>, right
/// associative, so <c>-x^2</c> is <c>-(x^2)</c>, <c>x^y^z</c> is <c>x^(y^z)</c> and <c>x^-2</c> is allowed).
/// Decimals are exact (<c>0.1</c> is 1/10). Functions: sqrt, exp, log, abs, sign, sin, cos.
/// Every error is a <see cref="ParseException"/> with line and column.
/// </summary>
/// <remarks>
/// An operator-precedence parser with explicit operator and operand stacks: it never recurses, so no
/// input can overflow the stack while parsing. The depth of the parse tree is still limited to
/// <see cref="MaxDepth"/>, because every later operation (printing, differentiation, substitution,
/// equality) walks the expression tree recursively.
/// </remarks>
/// <example><c>Parser.Parse("x^2*sin(y) + W2[1,3]")</c></example>
public sealed partial class Parser
{
    /// <summary>
    /// Deepest parse tree accepted: every operator, function call and pair of parentheses is one level
    /// (<c>sin(x + 1)</c> has depth 3), while a long sum or product is one level however many terms it has.
    /// Expressions within this depth print, differentiate and substitute on a thread with a 1 MB stack,
    /// about four times below the depth where those recursive operations would overflow it.
    /// </summary>
    public const int MaxDepth = 500;

    private static readonly HashSet<string> Keywords = ["and", "or", "not", "implies", "true", "false"];

    private const string KnownFunctions = "sqrt, exp, log, abs, sign, sin, cos";

    private readonly string _text;
    private readonly Lexer _lexer;
    private Token _current;  // the token being read
    private Token _previous; // the one before it (for "missing operator between ...")

    private Parser(string text)
    {
        _text = text;
        _lexer = new Lexer(text);
        _current = _lexer.Next();
    }

    /// <summary>Moves to the next token.</summary>
    private void Advance()
    {
        _previous = _current;
        _current = _lexer.Next();
    }

    /// <summary>Parses an expression or a statement.</summary>
    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text);
        if (p._current.Kind == TokenKind.End) throw Lexer.Error(text, 0, "empty input: expected an expression");
        return p.Run();
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

    /// <summary>
    /// True when <paramref name="name"/> is a symbol name that the parser reads back as that same symbol:
    /// an identifier with optional indices (<c>W2[1,3]</c>), not a keyword or a function name.
    /// </summary>
    public static bool IsValidSymbolName(string name)
    {
        if (string.IsNullOrEmpty(name) || Keywords.Contains(name) || FunctionOf(name) is not null) return false;
        try
        {
            var tokens = Lexer.Tokenize(name);
            return tokens.Count == 2 && tokens[0].Kind == TokenKind.Identifier && tokens[0].Text == name;
        }
        catch (ParseException)
        {
            return false;
        }
    }

    private static Func<Expr, Expr>? FunctionOf(string name) => name switch
    {
        "sqrt" => Expr.Sqrt,
        "exp" => Expr.Exp,
        "log" => Expr.Log,
        "abs" => Expr.Abs,
        "sign" => Expr.Sign,
        "sin" => Expr.Sin,
        "cos" => Expr.Cos,
        _ => null,
    };

    /// <summary>Runs a smart constructor, turning a mathematical error into a syntax error at <paramref name="at"/>.</summary>
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

    /// <summary>"column 7" on one-line input, "line 2, column 7" otherwise.</summary>
    private string PlaceOf(int offset)
    {
        var (line, column) = Lexer.Position(_text, offset);
        return _text.Contains('\n') ? $"line {line}, column {column}" : $"column {column}";
    }

    private ParseException Unexpected(Token t, string expected) =>
        t.Kind == TokenKind.End
            ? Lexer.Error(_text, t.Offset, $"unexpected end of input: expected {expected}")
            : Lexer.Error(_text, t.Offset, $"unexpected '{t.Text}': expected {expected}");
}
