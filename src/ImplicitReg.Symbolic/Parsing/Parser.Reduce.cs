using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

public sealed partial class Parser
{
    /// <summary>The n-ary operator an operand is still collecting operands for.</summary>
    private enum Group
    {
        None,
        Sum,
        Product,
        And,
        Or,
        Chain,
    }

    /// <summary>
    /// A parsed operand and the offset where its text starts (errors point there). An operand of an n-ary
    /// operator stays open (<see cref="Pending"/>) while more operands of the same operator follow, so
    /// <c>a + b + … + z</c> is built by one canonical <c>Add</c>, not one per '+'.
    /// </summary>
    private sealed class Operand(Expr? value, int start, int depth = 1)
    {
        public Expr? Value { get; set; } = value;
        public int Start { get; } = start;
        /// <summary>Depth of the parse tree below and including this operand (a leaf is 1).</summary>
        public int Depth { get; set; } = depth;
        public Group Pending { get; set; }
        // Only operands of an n-ary operator need these; most operands are leaves, so they come on demand.
        public List<Operand> Items => _items ??= new(8);
        public List<PendingOp> Ops => _ops ??= new(8);
        private List<Operand>? _items;
        private List<PendingOp>? _ops;
    }

    private Operand PopOperand()
    {
        var o = _operands[^1];
        _operands.RemoveAt(_operands.Count - 1);
        return o;
    }

    private static Group GroupOf(OpKind k) => k switch
    {
        OpKind.Add or OpKind.Sub => Group.Sum,
        OpKind.Mul or OpKind.Div => Group.Product,
        OpKind.And => Group.And,
        OpKind.Or => Group.Or,
        OpKind.Relation => Group.Chain,
        _ => Group.None,
    };

    /// <summary>Applies the operator on top of the stack to the operands on top of the operand stack.</summary>
    private void Reduce()
    {
        var op = _ops[^1];
        _ops.RemoveAt(_ops.Count - 1);
        var right = PopOperand();
        Finalize(right);
        switch (op.Kind)
        {
            case OpKind.Neg or OpKind.Plus:
                RequireExpression(right, $"the operand of unary '{op.Token.Text}'");
                var signed = op.Kind == OpKind.Plus ? right.Value : Build(op.Token, () => Expr.Neg(right.Value!));
                _operands.Add(new Operand(signed, op.Token.Offset, Deeper(op.Token, right.Depth)));
                return;
            case OpKind.Not:
                RequireStatement(right, "the operand of 'not'");
                var negation = Build(op.Token, () => Expr.Negation(right.Value!));
                _operands.Add(new Operand(negation, op.Token.Offset, Deeper(op.Token, right.Depth)));
                return;
        }
        var left = PopOperand();
        switch (op.Kind)
        {
            case OpKind.Pow:
                _depth--;
                Finalize(left);
                RequireExpression(left, "the base of a power");
                RequireExpression(right, "an exponent");
                RecordPowerDomain(left.Value!, right.Value!);
                var power = Build(op.Token, () => Expr.Pow(left.Value!, right.Value!));
                _operands.Add(new Operand(power, left.Start, Deeper(op.Token, Math.Max(left.Depth, right.Depth))));
                return;
            case OpKind.Implies:
                _depth--;
                Finalize(left);
                RequireStatement(left, "the premise of 'implies'");
                RequireStatement(right, "the conclusion of 'implies'");
                var implication = Build(op.Token, () => Expr.Implication(left.Value!, right.Value!));
                _operands.Add(new Operand(implication, left.Start, Deeper(op.Token, Math.Max(left.Depth, right.Depth))));
                return;
        }
        var group = GroupOf(op.Kind);
        if (left.Pending != group)
        {
            Finalize(left);
            var open = new Operand(null, left.Start, Deeper(op.Token, left.Depth)) { Pending = group };
            open.Items.Add(left);
            left = open;
        }
        left.Depth = Math.Max(left.Depth, Deeper(op.Token, right.Depth));
        left.Items.Add(right);
        left.Ops.Add(op);
        _operands.Add(left);
    }

    /// <summary>Builds the value of an operand that is still collecting operands of an n-ary operator.</summary>
    private void Finalize(Operand o)
    {
        if (o.Pending == Group.None) return;
        var items = o.Items;
        var ops = o.Ops;
        switch (o.Pending)
        {
            case Group.Sum:
            {
                var terms = new Expr[items.Count];
                for (int i = 0; i < items.Count; i++)
                {
                    RequireExpression(items[i], "a term of a sum");
                    var term = items[i].Value!;
                    terms[i] = i > 0 && ops[i - 1].Kind == OpKind.Sub ? Build(ops[i - 1].Token, () => Expr.Neg(term)) : term;
                }
                o.Value = Build(ops[0].Token, () => Expr.Add(terms));
                break;
            }
            case Group.Product:
            {
                var factors = new Expr[items.Count];
                for (int i = 0; i < items.Count; i++)
                {
                    bool divisor = i > 0 && ops[i - 1].Kind == OpKind.Div;
                    RequireExpression(items[i], divisor ? "a divisor" : "a factor of a product");
                    var factor = items[i].Value!;
                    if (divisor) RequireDefined(RelOp.Ne, factor); // a / b is defined where b != 0
                    factors[i] = divisor ? Build(ops[i - 1].Token, () => Expr.Pow(factor, Expr.MinusOne)) : factor;
                }
                o.Value = Build(ops[0].Token, () => Expr.Mul(factors));
                break;
            }
            case Group.And or Group.Or:
            {
                var word = o.Pending == Group.And ? "'and'" : "'or'";
                foreach (var item in items) RequireStatement(item, $"each side of {word}");
                var operands = items.Select(i => i.Value!).ToArray();
                var logic = o.Pending == Group.And ? LogicOp.And : LogicOp.Or;
                o.Value = Build(ops[0].Token, () => Expr.Combine(logic, operands));
                break;
            }
            case Group.Chain:
            {
                // a < b < c means a < b and b < c.
                var relations = new Expr[ops.Count];
                for (int i = 0; i < ops.Count; i++)
                {
                    var (op, l, r) = (ops[i], items[i], items[i + 1]);
                    var symbol = $"'{op.Token.Text}'";
                    RequireExpression(l, $"the left side of {symbol}");
                    RequireExpression(r, $"the right side of {symbol}");
                    relations[i] = Build(op.Token, () => Expr.Relation(op.Relation, l.Value!, r.Value!));
                }
                o.Value = relations.Length == 1 ? relations[0] : Expr.And(relations);
                break;
            }
        }
        o.Pending = Group.None;
        o.Items.Clear();
        o.Ops.Clear();
    }

    /// <summary>Closes a parenthesis or a function call whose operand is on top of the operand stack.</summary>
    private void CloseBarrier(PendingOp barrier)
    {
        var inner = PopOperand();
        Finalize(inner);
        if (barrier.Kind == OpKind.Paren)
        {
            // A parenthesised operand is finished, so (a + b) + c never merges into an open sum.
            _operands.Add(new Operand(inner.Value, barrier.Token.Offset, Deeper(barrier.Token, inner.Depth)));
            return;
        }
        RequireExpression(inner, $"the argument of {barrier.Token.Text}()");
        var fn = barrier.Function!;
        switch (barrier.Token.Text)
        {
            case "sqrt": RequireDefined(RelOp.Ge, inner.Value!); break; // sqrt(a) needs a >= 0
            case "log": RequireDefined(RelOp.Gt, inner.Value!); break;  // log(a) needs a > 0
        }
        var call = Build(barrier.Token, () => fn(inner.Value!));
        _operands.Add(new Operand(call, barrier.Token.Offset, Deeper(barrier.Token, inner.Depth)));
    }

    /// <summary>The depth of a node over a child of depth <paramref name="childDepth"/>, refused beyond <see cref="MaxDepth"/>.</summary>
    private int Deeper(Token at, int childDepth)
    {
        if (childDepth + 1 > MaxDepth) throw TooDeep(at);
        return childDepth + 1;
    }

    private ParseException TooDeep(Token at) =>
        Lexer.Error(_text, at.Offset,
            $"expression nested deeper than {MaxDepth} levels; split it into smaller parts (later steps walk the tree recursively)");

    private void RequireExpression(Operand o, string role)
    {
        if (o.Value is Statement)
            throw Lexer.Error(_text, o.Start, $"{role} must be an expression, but '{Show(o.Value)}' is a statement (relation or logic)");
    }

    private void RequireStatement(Operand o, string role)
    {
        if (o.Value is not Statement)
            throw Lexer.Error(_text, o.Start, $"{role} must be a statement such as 'x >= 0', but '{Show(o.Value!)}' is an expression");
    }

    /// <summary>An expression for an error message, cut short so a message stays one readable line.</summary>
    private static string Show(Expr e)
    {
        var s = e.ToString();
        return s.Length <= 60 ? s : s[..45] + " ... " + s[^10..];
    }
}
