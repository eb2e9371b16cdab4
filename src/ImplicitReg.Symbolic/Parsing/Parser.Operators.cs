using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

public sealed partial class Parser
{
    private enum OpKind
    {
        Implies,
        Or,
        And,
        Not,
        Relation,
        Add,
        Sub,
        Mul,
        Div,
        Neg,
        Plus,
        Pow,
        Paren,
        Call,
    }

    /// <summary>An operator waiting on the stack for its right operand.</summary>
    private readonly record struct PendingOp(OpKind Kind, Token Token, RelOp Relation = RelOp.Eq, Func<Expr, Expr>? Function = null);

    // Loosest first; unary minus sits between products and powers: -x*y = (-x)*y and -x^2 = -(x^2).
    private static int PrecedenceOf(OpKind k) => k switch
    {
        OpKind.Implies => 2,
        OpKind.Or => 4,
        OpKind.And => 6,
        OpKind.Not => 8,
        OpKind.Relation => 10,
        OpKind.Add or OpKind.Sub => 12,
        OpKind.Mul or OpKind.Div => 14,
        OpKind.Neg or OpKind.Plus => 15,
        OpKind.Pow => 16,
        _ => 0, // parentheses and calls are barriers, never reduced by an operator
    };

    private static bool IsBarrier(OpKind k) => k is OpKind.Paren or OpKind.Call;

    /// <summary>Operators that stay open while their operand is read, so their count bounds the final depth.</summary>
    private static bool Nests(OpKind k) => k is OpKind.Paren or OpKind.Call or OpKind.Pow or OpKind.Implies;

    private readonly List<PendingOp> _ops = [];
    private readonly List<Operand> _operands = [];
    private int _depth;

    private Expr Run()
    {
        bool expectOperand = true;
        while (true)
        {
            var t = _current;
            if (expectOperand) expectOperand = !ReadOperand(t);
            else if (t.Kind == TokenKind.End) break;
            else expectOperand = ReadOperator(t);
        }
        ReduceToBarrier();
        if (_ops.Count > 0)
        {
            var open = _ops[^1];
            throw Unexpected(_current, $"')' to close {Describe(open)}");
        }
        var result = _operands[^1];
        Finalize(result);
        return result.Value!;
    }

    private string Describe(PendingOp barrier) =>
        barrier.Kind == OpKind.Call
            ? $"'{barrier.Token.Text}(' at {PlaceOf(barrier.Token.Offset)}"
            : $"the '(' at {PlaceOf(barrier.Token.Offset)}";

    /// <summary>Reads a token where an operand must start; true when a whole operand was read.</summary>
    private bool ReadOperand(Token t)
    {
        if (t.Kind is TokenKind.Number or TokenKind.Identifier || t is { Kind: TokenKind.Operator, Text: "-" })
        {
            if (TryReadProduct(t)) return true;
        }
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (!NumberLiteral.TryParse(t.Text, out var value, out var error)) throw Lexer.Error(_text, t.Offset, error!);
                _operands.Add(new Operand(Num.Of(value), t.Offset));
                return true;
            case TokenKind.Identifier:
                return ReadIdentifier(t);
            case TokenKind.LeftParen:
                Advance();
                PushOp(new PendingOp(OpKind.Paren, t));
                return false;
            case TokenKind.Operator when t.Text is "-" or "+":
                Advance();
                PushOp(new PendingOp(t.Text == "-" ? OpKind.Neg : OpKind.Plus, t));
                return false;
            case TokenKind.RightParen when _ops.Count > 0 && _ops[^1].Kind == OpKind.Call:
                throw Lexer.Error(_text, t.Offset, $"{_ops[^1].Token.Text}() needs one argument");
            case TokenKind.RightParen when _ops.Count > 0 && _ops[^1].Kind == OpKind.Paren:
                throw Lexer.Error(_text, t.Offset, "empty parentheses: expected an expression inside '()'");
            case TokenKind.RightParen when !_ops.Any(o => IsBarrier(o.Kind)):
                throw Lexer.Error(_text, t.Offset, "unmatched ')': no '(' is open here");
            default:
                throw Unexpected(t, "a number, a symbol, a function call or '('");
        }
    }

    private bool ReadIdentifier(Token t)
    {
        Advance();
        switch (t.Text)
        {
            case "true":
                _operands.Add(new Operand(BoolConst.True, t.Offset));
                return true;
            case "false":
                _operands.Add(new Operand(BoolConst.False, t.Offset));
                return true;
            case "not":
                PushOp(new PendingOp(OpKind.Not, t));
                return false;
        }
        if (Keywords.Contains(t.Text))
            throw Lexer.Error(_text, t.Offset, $"unexpected keyword '{t.Text}': expected an expression");
        var fn = FunctionOf(t.Text);
        if (_current.Kind == TokenKind.LeftParen)
        {
            if (fn is null)
                throw Lexer.Error(_text, t.Offset,
                    $"unknown function '{t.Text}' (known: {KnownFunctions}); write '{t.Text}*(...)' for a product");
            Advance();
            PushOp(new PendingOp(OpKind.Call, t, Function: fn));
            return false;
        }
        if (fn is not null)
            throw Lexer.Error(_text, t.Offset, $"'{t.Text}' is a function: write its argument in parentheses, as in {t.Text}(x)");
        _operands.Add(new Operand(t.Symbol ?? new Sym(t.Text), t.Offset));
        return true;
    }

    /// <summary>Reads a token after a complete operand; true when an operand must follow.</summary>
    private bool ReadOperator(Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.RightParen:
            {
                Advance();
                ReduceToBarrier();
                if (_ops.Count == 0) throw Lexer.Error(_text, t.Offset, "unmatched ')': no '(' is open here");
                var barrier = _ops[^1];
                _ops.RemoveAt(_ops.Count - 1);
                _depth--;
                CloseBarrier(barrier);
                return false;
            }
            case TokenKind.Comma:
            {
                var call = _ops.LastOrDefault(o => IsBarrier(o.Kind));
                if (call.Kind == OpKind.Call && call.Function is not null)
                    throw Lexer.Error(_text, t.Offset, $"{call.Token.Text}() takes exactly one argument");
                throw Unexpected(t, "an operator or the end of input");
            }
            case TokenKind.Number or TokenKind.LeftParen:
            case TokenKind.Identifier when !Keywords.Contains(t.Text):
            {
                var prev = _previous;
                throw Lexer.Error(_text, t.Offset, $"missing operator between '{prev.Text}' and '{t.Text}' (write '*' for a product)");
            }
        }
        var op = BinaryOf(t) ?? throw Unexpected(t, "an operator or the end of input");
        Advance();
        int p = PrecedenceOf(op.Kind);
        bool rightAssociative = op.Kind is OpKind.Pow or OpKind.Implies;
        while (_ops.Count > 0 && !IsBarrier(_ops[^1].Kind))
        {
            int top = PrecedenceOf(_ops[^1].Kind);
            if (top < p || (top == p && rightAssociative)) break;
            Reduce();
        }
        PushOp(op);
        return true;
    }

    private static PendingOp? BinaryOf(Token t)
    {
        if (t.Kind == TokenKind.Identifier)
        {
            return t.Text switch
            {
                "and" => new PendingOp(OpKind.And, t),
                "or" => new PendingOp(OpKind.Or, t),
                "implies" => new PendingOp(OpKind.Implies, t),
                _ => null,
            };
        }
        if (t.Kind != TokenKind.Operator) return null;
        return t.Text switch
        {
            "+" => new PendingOp(OpKind.Add, t),
            "-" => new PendingOp(OpKind.Sub, t),
            "*" => new PendingOp(OpKind.Mul, t),
            "/" => new PendingOp(OpKind.Div, t),
            "^" or "**" => new PendingOp(OpKind.Pow, t),
            "=>" => new PendingOp(OpKind.Implies, t),
            "=" or "==" => new PendingOp(OpKind.Relation, t, RelOp.Eq),
            "!=" => new PendingOp(OpKind.Relation, t, RelOp.Ne),
            "<" => new PendingOp(OpKind.Relation, t, RelOp.Lt),
            "<=" => new PendingOp(OpKind.Relation, t, RelOp.Le),
            ">" => new PendingOp(OpKind.Relation, t, RelOp.Gt),
            ">=" => new PendingOp(OpKind.Relation, t, RelOp.Ge),
            _ => null,
        };
    }

    private void PushOp(PendingOp op)
    {
        // Each open parenthesis, call, '^' or 'implies' will add a level above its operand, so counting
        // them refuses 10,000 '(' at the 501st, before reading the rest.
        if (Nests(op.Kind) && ++_depth >= MaxDepth) throw TooDeep(op.Token);
        _ops.Add(op);
    }

    private void ReduceToBarrier()
    {
        while (_ops.Count > 0 && !IsBarrier(_ops[^1].Kind)) Reduce();
    }
}
