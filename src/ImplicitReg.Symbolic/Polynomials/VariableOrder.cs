using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// The ordered variables of a polynomial ring: symbols and opaque generators (non-polynomial
/// subexpressions such as <c>sin(x)</c> or <c>x^(1/2)</c>, treated as independent variables). Variable 0 is
/// the most significant in the lexicographic term order. Polynomials combine only over equal orders.
/// </summary>
public sealed class VariableOrder : IEquatable<VariableOrder>
{
    private readonly Expr[] _variables;
    private readonly Dictionary<Expr, int> _index;
    private MonomialLayout? _narrow, _wide;
    private int _hash;

    /// <summary>The variables in the given order (duplicates are an error).</summary>
    public VariableOrder(IEnumerable<Expr> variables)
    {
        _variables = variables.ToArray();
        _index = new Dictionary<Expr, int>(_variables.Length);
        for (int i = 0; i < _variables.Length; i++)
        {
            if (_variables[i] is Num or Statement)
                throw new ArgumentException($"'{_variables[i]}' cannot be a polynomial variable");
            if (!_index.TryAdd(_variables[i], i))
                throw new ArgumentException($"variable '{_variables[i]}' listed twice");
        }
    }

    /// <summary>The order with no variables (constants only).</summary>
    public static readonly VariableOrder Empty = new([]);

    /// <summary>Symbols by name: <c>VariableOrder.Of("x", "y")</c>.</summary>
    public static VariableOrder Of(params string[] names) => new(names.Select(n => (Expr)new Sym(n)));

    /// <summary>
    /// The canonical order of a set of atoms: symbols first in natural name order (<c>W1[1,2]</c> before
    /// <c>W1[1,10]</c>), then generators by <see cref="ExprOrder"/>.
    /// </summary>
    public static VariableOrder Canonical(IEnumerable<Expr> atoms)
    {
        var distinct = new HashSet<Expr>(atoms).ToArray();
        Array.Sort(distinct, CompareAtoms);
        return new VariableOrder(distinct);
    }

    private static int CompareAtoms(Expr a, Expr b) => (a, b) switch
    {
        (Sym sa, Sym sb) => ExprOrder.CompareNames(sa.Name, sb.Name),
        (Sym, _) => -1,
        (_, Sym) => 1,
        _ => ExprOrder.Compare(a, b),
    };

    /// <summary>Number of variables.</summary>
    public int Count => _variables.Length;
    /// <summary>Variable <paramref name="index"/> (0 is the most significant in monomial order).</summary>
    public Expr this[int index] => _variables[index];
    /// <summary>The variables in order.</summary>
    public IReadOnlyList<Expr> Variables => _variables;

    /// <summary>Index of a variable, or −1.</summary>
    public int IndexOf(Expr variable) => _index.TryGetValue(variable, out var i) ? i : -1;

    /// <summary>Index of the symbol named <paramref name="symbolName"/>, or −1.</summary>
    public int IndexOf(string symbolName) => IndexOf(new Sym(symbolName));

    /// <summary>The canonical order of the union of both variable sets.</summary>
    public VariableOrder Union(VariableOrder other) =>
        Equals(other) ? this : Canonical(_variables.Concat(other._variables));

    internal MonomialLayout Layout(int bits) => bits == MonomialLayout.NarrowBits
        ? _narrow ??= new MonomialLayout(Count, bits)
        : _wide ??= new MonomialLayout(Count, bits);

    /// <inheritdoc/>
    public bool Equals(VariableOrder? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (GetHashCode() == other.GetHashCode() && _variables.AsSpan().SequenceEqual(other._variables)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VariableOrder o && Equals(o);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var h = new HashCode();
        foreach (var v in _variables) h.Add(v);
        var x = h.ToHashCode();
        return _hash = x == 0 ? 1 : x;
    }

    /// <summary>The variables in order, as <c>[x, y]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _variables.Select(v => v.ToString())) + "]";
}
