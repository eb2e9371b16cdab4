namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
    private static void RequireExpression(Expr e, string where)
    {
        if (e is Statement) throw new SymbolicException($"{where} needs an expression, not a statement");
    }

    private static void RequireStatement(Expr e, string where)
    {
        if (e is not Statement) throw new SymbolicException($"{where} needs a statement (a relation or logic), not the expression '{e}'");
    }

    /// <summary>The relation <c>left op right</c>; both sides must be expressions, not statements.</summary>
    public static Statement Relation(RelOp op, Expr left, Expr right)
    {
        RequireExpression(left, $"the left side of '{Rel.Symbol(op)}'");
        RequireExpression(right, $"the right side of '{Rel.Symbol(op)}'");
        return new Rel(op, left, right);
    }

    /// <summary><c>a = b</c>.</summary>
    public static Statement Eq(Expr a, Expr b) => Relation(RelOp.Eq, a, b);
    /// <summary><c>a &lt; b</c>.</summary>
    public static Statement Lt(Expr a, Expr b) => Relation(RelOp.Lt, a, b);
    /// <summary><c>a &lt;= b</c>.</summary>
    public static Statement Le(Expr a, Expr b) => Relation(RelOp.Le, a, b);
    /// <summary><c>a &gt; b</c>.</summary>
    public static Statement Gt(Expr a, Expr b) => Relation(RelOp.Gt, a, b);
    /// <summary><c>a &gt;= b</c>.</summary>
    public static Statement Ge(Expr a, Expr b) => Relation(RelOp.Ge, a, b);

    /// <summary>The conjunction of statements (see <see cref="Combine"/>).</summary>
    public static Statement And(params Expr[] operands) => Combine(LogicOp.And, operands);
    /// <summary>The disjunction of statements (see <see cref="Combine"/>).</summary>
    public static Statement Or(params Expr[] operands) => Combine(LogicOp.Or, operands);

    /// <summary>Flattened n-ary and/or; <c>true</c>/<c>false</c> operands are absorbed.</summary>
    public static Statement Combine(LogicOp op, IEnumerable<Expr> operands)
    {
        var list = new List<Expr>();
        var unit = op == LogicOp.And;
        foreach (var o in operands)
        {
            RequireStatement(o, op == LogicOp.And ? "'and'" : "'or'");
            if (o is BoolConst bc)
            {
                if (bc.Value == unit) continue;     // a and true = a; a or false = a
                return bc;                          // a and false = false; a or true = true
            }
            if (o is Logic l && l.Op == op) list.AddRange(l.Operands);
            else list.Add(o);
        }
        if (list.Count == 0) return unit ? BoolConst.True : BoolConst.False;
        if (list.Count == 1) return (Statement)list[0];
        return new Logic(op, list.ToArray());
    }

    /// <summary><c>not s</c>, with <c>not not a = a</c> and the constants folded.</summary>
    public static Statement Negation(Expr s)
    {
        RequireStatement(s, "'not'");
        return s switch
        {
            Not n => (Statement)n.Operand,           // not not a = a
            BoolConst b => b.Value ? BoolConst.False : BoolConst.True,
            _ => new Not(s),
        };
    }

    /// <summary><c>premise implies conclusion</c>; both must be statements.</summary>
    public static Statement Implication(Expr premise, Expr conclusion)
    {
        RequireStatement(premise, "the premise of 'implies'");
        RequireStatement(conclusion, "the conclusion of 'implies'");
        return new Implies(premise, conclusion);
    }
}
