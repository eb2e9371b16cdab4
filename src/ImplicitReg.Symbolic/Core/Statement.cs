namespace ImplicitReg.Symbolic.Core;

/// <summary>
/// A truth-valued statement: a relation between two expressions, or a logical combination. Used by
/// the solver and the claim files; arithmetic operations reject statements.
/// </summary>
public abstract record Statement : Expr;

/// <summary>The relational operators.</summary>
public enum RelOp
{
    /// <summary>Equal (<c>=</c>).</summary>
    Eq,
    /// <summary>Not equal (<c>!=</c>).</summary>
    Ne,
    /// <summary>Less than (<c>&lt;</c>).</summary>
    Lt,
    /// <summary>Less than or equal (<c>&lt;=</c>).</summary>
    Le,
    /// <summary>Greater than (<c>&gt;</c>).</summary>
    Gt,
    /// <summary>Greater than or equal (<c>&gt;=</c>).</summary>
    Ge,
}

/// <summary><c>Left op Right</c>.</summary>
public sealed record Rel(RelOp Op, Expr Left, Expr Right) : Statement
{
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Left, Right];

    /// <summary>The operator as the parser reads it and the text printer writes it (<c>=</c>, <c>!=</c>, <c>&lt;=</c>, …).</summary>
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

    /// <summary>The operator of the negated relation: <c>not (a &lt; b)</c> is <c>a &gt;= b</c>.</summary>
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

/// <summary>The n-ary logical connectives.</summary>
public enum LogicOp
{
    /// <summary>Conjunction (<c>and</c>).</summary>
    And,
    /// <summary>Disjunction (<c>or</c>).</summary>
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

    /// <summary>The connective.</summary>
    public LogicOp Op { get; }
    /// <summary>The operands (at least two, none of the same connective).</summary>
    public IReadOnlyList<Expr> Operands => _operands;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _operands;

    /// <inheritdoc/>
    public bool Equals(Logic? other) =>
        other is not null && Op == other.Op && _operands.AsSpan().SequenceEqual(other._operands);

    /// <inheritdoc/>
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
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Operand];
}

/// <summary><c>Premise implies Conclusion</c>.</summary>
public sealed record Implies(Expr Premise, Expr Conclusion) : Statement
{
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Premise, Conclusion];
}

/// <summary>The constants <c>true</c> and <c>false</c>.</summary>
public sealed record BoolConst(bool Value) : Statement
{
    /// <summary>The constant <c>true</c>.</summary>
    public static readonly BoolConst True = new(true);
    /// <summary>The constant <c>false</c>.</summary>
    public static readonly BoolConst False = new(false);

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
}
