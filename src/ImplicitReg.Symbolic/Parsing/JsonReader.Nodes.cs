using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

public static partial class JsonReader
{
    private static readonly Dictionary<string, string[]> FieldsOf = new(StringComparer.Ordinal)
    {
        ["num"] = ["value"],
        ["sym"] = ["name"],
        ["add"] = ["terms"],
        ["mul"] = ["factors"],
        ["pow"] = ["base", "exponent"],
        ["call"] = ["function", "argument"],
        ["rel"] = ["op", "left", "right"],
        ["and"] = ["operands"],
        ["or"] = ["operands"],
        ["not"] = ["operand"],
        ["implies"] = ["premise", "conclusion"],
        ["bool"] = ["value"],
    };

    /// <summary>Builds the expression of a closed JSON object through the smart constructors.</summary>
    private static Expr Build(Node node, Context context)
    {
        var type = node.Fields.TryGetValue("type", out var t) && t.Payload is string s
            ? s
            : throw context.Error(node.Offset, "every node needs a string field \"type\" (num, sym, add, mul, pow, call, rel, and, or, not, implies, bool)");
        if (!FieldsOf.TryGetValue(type, out var expected))
            throw context.Error(t.Offset, $"unknown node type '{type}' (known: {string.Join(", ", FieldsOf.Keys)})");
        foreach (var (key, value) in node.Fields)
            if (key != "type" && Array.IndexOf(expected, key) < 0)
                throw context.Error(value.Offset, $"unknown field '{key}' in a '{type}' node (expected: {string.Join(", ", expected)})");
        foreach (var key in expected)
            if (!node.Fields.ContainsKey(key))
                throw context.Error(node.Offset, $"a '{type}' node needs the field '{key}'");
        try
        {
            return type switch
            {
                "num" => Number(node.Fields["value"], context),
                "sym" => Symbol(node.Fields["name"], context),
                "add" => Expr.Add(List(node, "terms", context, expression: true)),
                "mul" => Expr.Mul(List(node, "factors", context, expression: true)),
                "pow" => Expr.Pow(Child(node, "base", context, expression: true), Child(node, "exponent", context, expression: true)),
                "call" => Function(node.Fields["function"], context)(Child(node, "argument", context, expression: true)),
                "rel" => Expr.Relation(Relation(node.Fields["op"], context),
                    Child(node, "left", context, expression: true), Child(node, "right", context, expression: true)),
                "and" => Expr.Combine(LogicOp.And, List(node, "operands", context, expression: false)),
                "or" => Expr.Combine(LogicOp.Or, List(node, "operands", context, expression: false)),
                "not" => Expr.Negation(Child(node, "operand", context, expression: false)),
                "implies" => Expr.Implication(Child(node, "premise", context, expression: false),
                    Child(node, "conclusion", context, expression: false)),
                _ => Bool(node.Fields["value"], context),
            };
        }
        catch (ParseException)
        {
            throw;
        }
        catch (Exception e) when (e is SymbolicException or DivideByZeroException)
        {
            throw context.Error(node.Offset, e.Message);
        }
    }

    private static Expr Child(Node node, string field, Context context, bool expression)
    {
        var v = node.Fields[field];
        if (v.Payload is not Expr e) throw context.Error(v.Offset, $"field '{field}' must be an expression object");
        Check(e, v.Offset, field, context, expression);
        return e;
    }

    private static Expr[] List(Node node, string field, Context context, bool expression)
    {
        var v = node.Fields[field];
        if (v.Payload is not List<Value> items) throw context.Error(v.Offset, $"field '{field}' must be an array of expression objects");
        if (items.Count == 0) throw context.Error(v.Offset, $"field '{field}' must not be empty");
        foreach (var item in items) Check((Expr)item.Payload, item.Offset, field, context, expression);
        return items.Select(i => (Expr)i.Payload).ToArray();
    }

    private static void Check(Expr e, int offset, string field, Context context, bool expression)
    {
        if (expression && e is Statement)
            throw context.Error(offset, $"'{field}' must be an expression, but this is a statement (relation or logic)");
        if (!expression && e is not Statement)
            throw context.Error(offset, $"'{field}' must be a statement (relation or logic), but this is an expression");
    }

    private static Expr Number(Value v, Context context)
    {
        var text = v.Payload switch
        {
            string s => s,
            JsonNumber n => n.Text,
            _ => throw context.Error(v.Offset, "a number's \"value\" must be a string such as \"3/4\" or \"0.1\""),
        };
        var slash = text.IndexOf('/');
        var (p, q) = slash < 0 ? (text, "1") : (text[..slash], text[(slash + 1)..]);
        if (!Exact(p.StartsWith('-') ? p[1..] : p, out var numerator) || !Exact(q, out var denominator))
            throw context.Error(v.Offset, $"'{text}' is not an exact number (write an integer, a decimal or p/q)");
        if (denominator.IsZero) throw context.Error(v.Offset, $"division by zero in the number '{text}'");
        return Num.Of(p.StartsWith('-') ? -(numerator / denominator) : numerator / denominator);
    }

    /// <summary>An unsigned decimal literal, checked by the lexer so only number-shaped text reaches the conversion.</summary>
    private static bool Exact(string text, out Numbers.Rational value)
    {
        value = Numbers.Rational.Zero;
        try
        {
            var tokens = Lexer.Tokenize(text);
            return tokens.Count == 2 && tokens[0].Kind == TokenKind.Number && tokens[0].Text == text
                && NumberLiteral.TryParse(text, out value, out _);
        }
        catch (ParseException)
        {
            return false;
        }
    }

    private static Expr Symbol(Value v, Context context)
    {
        if (v.Payload is not string name) throw context.Error(v.Offset, "a symbol's \"name\" must be a string");
        if (!Parser.IsValidSymbolName(name))
            throw context.Error(v.Offset, $"'{name}' is not a symbol name (an identifier with optional indices such as W2[1,3], not a keyword or function name)");
        return new Sym(name);
    }

    private static Func<Expr, Expr> Function(Value v, Context context) => v.Payload switch
    {
        "exp" => Expr.Exp,
        "log" => Expr.Log,
        "abs" => Expr.Abs,
        "sign" => Expr.Sign,
        "sin" => Expr.Sin,
        "cos" => Expr.Cos,
        "sqrt" => Expr.Sqrt,
        _ => throw context.Error(v.Offset, "\"function\" must be one of exp, log, abs, sign, sin, cos, sqrt"),
    };

    private static RelOp Relation(Value v, Context context) => v.Payload switch
    {
        "=" => RelOp.Eq,
        "!=" => RelOp.Ne,
        "<" => RelOp.Lt,
        "<=" => RelOp.Le,
        ">" => RelOp.Gt,
        ">=" => RelOp.Ge,
        _ => throw context.Error(v.Offset, "\"op\" must be one of =, !=, <, <=, >, >="),
    };

    private static Expr Bool(Value v, Context context) =>
        v.Payload is bool b ? (b ? BoolConst.True : BoolConst.False) : throw context.Error(v.Offset, "a bool's \"value\" must be true or false");
}
