using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

/// <summary>
/// An immutable expression in canonical form. Only a few heads exist: numbers, symbols, n-ary sums
/// and products, powers, and calls of the built-in real functions; statements (relations and logic)
/// derive from <see cref="Statement"/>. <c>a − b</c> is <c>Add(a, Mul(−1, b))</c> and <c>a / b</c> is
/// <c>Mul(a, Pow(b, −1))</c>. Build nodes only through the smart constructors on this class (or the
/// operators), which flatten, fold, collect and sort: e.g. <c>Expr.Add(x, x)</c> is <c>2*x</c>.
/// </summary>
public abstract partial record Expr : IComparable<Expr>
{
    /// <summary>The number 0.</summary>
    public static readonly Num Zero = new(Rational.Zero);
    /// <summary>The number 1.</summary>
    public static readonly Num One = new(Rational.One);
    /// <summary>The number −1.</summary>
    public static readonly Num MinusOne = new(Rational.MinusOne);
    /// <summary>The number 2.</summary>
    public static readonly Num Two = new(new Rational(2));
    /// <summary>The number 1/2 (the exponent of a square root).</summary>
    public static readonly Num Half = new(Rational.Half);

    /// <summary>Child expressions, in storage order.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>Storage order (<see cref="ExprOrder"/>): a total order used to sort operands canonically.</summary>
    public int CompareTo(Expr? other) => other is null ? 1 : ExprOrder.Compare(this, other);

    /// <summary>Plain-text form (explicit <c>*</c>, <c>^</c> for powers); parses back to an equal expression.</summary>
    public sealed override string ToString() => Printing.TextPrinter.Print(this);

    /// <summary>The exact integer <paramref name="value"/> as a number node.</summary>
    public static implicit operator Expr(int value) => Num.Of(value);
    /// <summary>The exact rational <paramref name="value"/> as a number node.</summary>
    public static implicit operator Expr(Rational value) => Num.Of(value);

    /// <summary>The canonical sum <c>a + b</c>.</summary>
    public static Expr operator +(Expr a, Expr b) => Add(a, b);
    /// <summary>The canonical sum <c>a + (−1)·b</c>.</summary>
    public static Expr operator -(Expr a, Expr b) => Add(a, Neg(b));
    /// <summary>The canonical product <c>(−1)·a</c>.</summary>
    public static Expr operator -(Expr a) => Neg(a);
    /// <summary>The canonical product <c>a·b</c>.</summary>
    public static Expr operator *(Expr a, Expr b) => Mul(a, b);
    /// <summary>The canonical product <c>a·b^(−1)</c>; a zero divisor is an error.</summary>
    public static Expr operator /(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));
}

/// <summary>An exact rational constant.</summary>
public sealed record Num(Rational Value) : Expr
{
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];

    /// <summary>The number node for <paramref name="value"/>, sharing the instances of 0, 1 and −1.</summary>
    public static Num Of(Rational value) =>
        value.IsZero ? Zero : value.IsOne ? One : value == Rational.MinusOne ? MinusOne : new Num(value);

    /// <inheritdoc/>
    public bool Equals(Num? other) => other is not null && Value.Equals(other.Value);
    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>
/// A real symbol. Names are identifiers (<c>x</c>, <c>w3_12</c>) optionally followed by integer indices
/// (<c>W[1,2]</c>, <c>W2[1,3]</c>); the indices are part of the name.
/// </summary>
public sealed record Sym(string Name) : Expr
{
    // The hash is kept: sums and products of symbols hash them again and again while collecting terms.
    private readonly string _name = Name;
    private readonly int _hash = StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The name, indices included (<c>W2[1,3]</c>).</summary>
    public string Name
    {
        get => _name;
        init
        {
            _name = value;
            _hash = StringComparer.Ordinal.GetHashCode(value);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc/>
    public bool Equals(Sym? other) =>
        ReferenceEquals(this, other) || (other is not null && _hash == other._hash && string.Equals(_name, other._name, StringComparison.Ordinal));
    /// <inheritdoc/>
    public override int GetHashCode() => _hash;
}

/// <summary>An n-ary sum (at least two terms, canonical); build with <see cref="Expr.Add(Expr[])"/>.</summary>
public sealed record Add : Expr
{
    private readonly Expr[] _terms;
    private int _hash;

    internal Add(Expr[] terms) => _terms = terms;

    /// <summary>The terms, in canonical (storage) order.</summary>
    public IReadOnlyList<Expr> Terms => _terms;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _terms;
    internal ReadOnlySpan<Expr> Span => _terms;

    /// <inheritdoc/>
    public bool Equals(Add? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (GetHashCode() == other.GetHashCode() && _terms.AsSpan().SequenceEqual(other._terms)));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var h = new HashCode();
        h.Add(0x5A11);
        foreach (var t in _terms) h.Add(t);
        var v = h.ToHashCode();
        return _hash = v == 0 ? 1 : v;
    }
}

/// <summary>An n-ary product (at least two factors, canonical: a rational coefficient, if any, comes first).</summary>
public sealed record Mul : Expr
{
    private readonly Expr[] _factors;
    private int _hash;

    internal Mul(Expr[] factors) => _factors = factors;

    /// <summary>The factors, in canonical order; a rational coefficient, if any, is first.</summary>
    public IReadOnlyList<Expr> Factors => _factors;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _factors;
    internal ReadOnlySpan<Expr> Span => _factors;

    /// <summary>The rational coefficient (1 when there is none).</summary>
    public Rational Coefficient => _factors[0] is Num n ? n.Value : Rational.One;

    /// <inheritdoc/>
    public bool Equals(Mul? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (GetHashCode() == other.GetHashCode() && _factors.AsSpan().SequenceEqual(other._factors)));

    /// <inheritdoc/>
    public override int GetHashCode() => _hash != 0 ? _hash : _hash = HashOf(_factors);

    /// <summary>The hash a product of exactly these factors has (sums use it to find like terms without building the product).</summary>
    internal static int HashOf(ReadOnlySpan<Expr> factors)
    {
        var h = new HashCode();
        h.Add(0x3A1);
        foreach (var t in factors) h.Add(t);
        var v = h.ToHashCode();
        return v == 0 ? 1 : v;
    }
}

/// <summary>A power <c>Base^Exponent</c>; non-integer powers are real only for non-negative bases.</summary>
public sealed record Pow : Expr
{
    private int _hash;

    internal Pow(Expr @base, Expr exponent)
    {
        Base = @base;
        Exponent = exponent;
    }

    /// <summary>The base.</summary>
    public Expr Base { get; }
    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Base, Exponent];

    /// <inheritdoc/>
    public bool Equals(Pow? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (GetHashCode() == other.GetHashCode() && Base.Equals(other.Base) && Exponent.Equals(other.Exponent)));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var v = HashCode.Combine(0x90, Base, Exponent);
        return _hash = v == 0 ? 1 : v;
    }
}

/// <summary>The built-in real functions of one argument (sqrt is <c>Pow(x, 1/2)</c>).</summary>
public enum Func
{
    /// <summary>The exponential function.</summary>
    Exp,
    /// <summary>The natural logarithm, real for positive arguments.</summary>
    Log,
    /// <summary>The absolute value.</summary>
    Abs,
    /// <summary>The sign: −1, 0 or 1.</summary>
    Sign,
    /// <summary>The sine.</summary>
    Sin,
    /// <summary>The cosine.</summary>
    Cos,
}

/// <summary>A call of a built-in function.</summary>
public sealed record Call : Expr
{
    private int _hash;

    internal Call(Func function, Expr argument)
    {
        Function = function;
        Argument = argument;
    }

    /// <summary>The function called.</summary>
    public Func Function { get; }
    /// <summary>The argument.</summary>
    public Expr Argument { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Argument];

    /// <inheritdoc/>
    public bool Equals(Call? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Function == other.Function && GetHashCode() == other.GetHashCode() && Argument.Equals(other.Argument)));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var v = HashCode.Combine(0xCA11, (int)Function, Argument);
        return _hash = v == 0 ? 1 : v;
    }

    /// <summary>The name of <paramref name="f"/> as the parser reads it and the printers write it (<c>exp</c>, <c>log</c>, …).</summary>
    public static string NameOf(Func f) => f switch
    {
        Func.Exp => "exp",
        Func.Log => "log",
        Func.Abs => "abs",
        Func.Sign => "sign",
        Func.Sin => "sin",
        Func.Cos => "cos",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };
}
