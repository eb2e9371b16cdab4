namespace ImplicitReg.Symbolic.Core;

/// <summary>
/// A truth-valued statement: a relation between two expressions, or a logical combination. Used by
/// the solver and the claim files; arithmetic operations reject statements.
/// </summary>
public abstract record Statement : Expr;

public enum RelOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// <summary><c>Left op Right</c>.</summary>
public sealed record Rel(RelOp Op, Expr Left, Expr Right) : Statement
{
    public override IReadOnlyList<Expr> Children => [Left, Right];

    public static string Symbol(RelOp op) => op switch
    {
        RelOp.Eq => "=",
        RelOp.Ne => "!=",
        RelOp.Lt => "<",
        RelOp.Le => "<=",
        RelOp.Gt => ">",
        RelOp.Ge => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static RelOp Negate(RelOp op) => op switch
    {
        RelOp.Eq => RelOp.Ne,
        RelOp.Ne => RelOp.Eq,
        RelOp.Lt => RelOp.Ge,
        RelOp.Le => RelOp.Gt,
        RelOp.Gt => RelOp.Le,
        RelOp.Ge => RelOp.Lt,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}

public enum LogicOp
{
    And,
    Or,
}

/// <summary>An n-ary conjunction or disjunction (flattened, at least two operands).</summary>
public sealed record Logic : Statement
{
    private readonly Expr[] _operands;

    internal Logic(LogicOp op, Expr[] operands)
    {
        Op = op;
        _operands = operands;
    }

    public LogicOp Op { get; }
    public IReadOnlyList<Expr> Operands => _operands;
    public override IReadOnlyList<Expr> Children => _operands;

    public bool Equals(Logic? other) =>
        other is not null && Op == other.Op && _operands.AsSpan().SequenceEqual(other._operands);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Op);
        foreach (var o in _operands) h.Add(o);
        return h.ToHashCode();
    }
}

/// <summary>Logical negation.</summary>
public sealed record Not(Expr Operand) : Statement
{
    public override IReadOnlyList<Expr> Children => [Operand];
}

/// <summary><c>Premise implies Conclusion</c>.</summary>
public sealed record Implies(Expr Premise, Expr Conclusion) : Statement
{
    public override IReadOnlyList<Expr> Children => [Premise, Conclusion];
}

/// <summary>The constants <c>true</c> and <c>false</c>.</summary>
public sealed record BoolConst(bool Value) : Statement
{
    public static readonly BoolConst True = new(true);
    public static readonly BoolConst False = new(false);

    public override IReadOnlyList<Expr> Children => [];
}
