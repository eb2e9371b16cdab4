using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>
/// The fast path of <see cref="Parser.ParseExpanded"/>: text that is a polynomial written out (numbers, symbols,
/// <c>+ - *</c>, parentheses, division by numbers, powers with positive integer literal exponents) is expanded
/// straight into one packed polynomial, without building an expression tree first. Anything else (a function, a
/// relation, a division by a symbol, a syntax error, nesting deeper than <see cref="MaxNesting"/>, an exponent
/// beyond the 8-bit packing) is refused, and the caller takes the tree path, which gives the same result or
/// reports the error with its line and column.
/// </summary>
/// <remarks>
/// Hand-written because no served library expands text into our packed polynomials. Two passes: the lexer
/// (<c>PolynomialText.Lexing.cs</c>) turns the text into compact tokens (one <c>int</c> each, parentheses
/// matched) and collects the symbols, so the variable order and the packing are known before anything is
/// expanded; the evaluator then distributes each product over its one parenthesised sum, carrying the
/// product of the other factors down as a context (coefficient and monomial), so every monomial of the text
/// is added once, multiplied by its context, into one table. Only products of several sums, and powers of
/// sums, are expanded as separate polynomials. The result equals <c>Algebra.Expand(Parser.Parse(text))</c>:
/// both compute the same element of the polynomial ring, and <see cref="PolyConversion.ToExpr"/> prints it
/// in canonical form whatever the variable order.
/// </remarks>
internal sealed partial class PolynomialText
{
    /// <summary>
    /// Deepest nesting of parentheses taken; deeper text takes the tree path. Each level adds at most eight levels
    /// to the parse tree (parenthesis, sum, product, four unary signs, power), so text within this bound is also
    /// within <see cref="Parser.MaxDepth"/>.
    /// </summary>
    public const int MaxNesting = Parser.MaxDirectNesting;

    /// <summary>Most unary signs in a row in front of one factor (<c>--x</c> is two); more take the tree path.</summary>
    public const int MaxSigns = 4;

    /// <summary>Largest exponent literal taken (<c>x^1000</c>); larger ones take the tree path.</summary>
    public const int MaxPower = 1000;

    private MonomialLayout _layout = null!;
    private VariableOrder _variables = null!;
    private readonly List<ulong[]> _keys = [];
    private MonomialAccumulator? _local;
    private ulong[] Zero => _zero ??= new ulong[_layout.Words];
    private ulong[]? _zero;
    private readonly List<List<(int Start, int End, int Power)>> _groups = [];

    /// <summary>
    /// The expansion of <paramref name="text"/> when it is a polynomial this path reads; false (and no partial
    /// result) otherwise.
    /// </summary>
    public static bool TryExpand<T>(ReadOnlySpan<T> text, out Expr expanded) where T : unmanaged, IBinaryInteger<T>
    {
        expanded = Expr.Zero;
        var reader = new PolynomialText();
        try
        {
            if (!reader.Lex(text)) return false;
            expanded = PolyConversion.ToExpr(reader.Expand());
            return true;
        }
        catch (Exception e) when (e is Refusal or OverflowException or SymbolicLimitException or DivideByZeroException)
        {
            // Beyond this path (an exponent past the packing, a size limit, a division by zero): the tree path
            // decides, with its own result or message.
            return false;
        }
    }

    /// <summary>The whole text expanded into one polynomial over the symbols in the order first met.</summary>
    private Poly Expand()
    {
        _variables = new VariableOrder(_symbols);
        _layout = _variables.Layout(MonomialLayout.NarrowBits);
        var target = new MonomialAccumulator(_layout, 1 << 10);
        Sum(0, _count, Rational.One, new ulong[_layout.Words], target, 0);
        return target.ToPoly(_variables);
    }

    /// <summary>Adds <paramref name="context"/>·<paramref name="contextKey"/>·(the sum in tokens [start, end)) to <paramref name="target"/>.</summary>
    private void Sum(int start, int end, Rational context, ReadOnlySpan<ulong> contextKey, MonomialAccumulator target, int level)
    {
        if (level > MaxNesting || start >= end) throw Refusal.Instance;
        int i = start;
        bool negative = false;
        while (true)
        {
            i = Term(i, end, negative, context, contextKey, target, level);
            if (i == end) return;
            negative = KindAt(i) == Kind.Minus; // Term stops only at a binary + or -
            i++;
        }
    }

    /// <summary>Reads one term from token <paramref name="i"/>, adds it (times the context) to the target, returns where it ended.</summary>
    private int Term(int i, int end, bool negative, Rational context, ReadOnlySpan<ulong> contextKey, MonomialAccumulator target, int level)
    {
        var key = Scratch(level);
        contextKey.CopyTo(key);
        var groups = Groups(level);
        var coefficient = context;
        bool divide = false;
        while (true)
        {
            for (int signs = 0; i < end && KindAt(i) is Kind.Plus or Kind.Minus; i++)
            {
                if (++signs > MaxSigns) throw Refusal.Instance;
                negative ^= KindAt(i) == Kind.Minus;
            }
            if (i >= end) throw Refusal.Instance;
            var kind = KindAt(i);
            int next = kind == Kind.Open ? PayloadAt(i) + 1 : i + 1;
            int power = 1;
            if (next < end && KindAt(next) == Kind.Power)
            {
                // Only a positive integer literal that no further '^' follows: x^2^3 is x^(2^3) and x^-1 is a quotient.
                if (next + 1 >= end || KindAt(next + 1) != Kind.Integer || (next + 2 < end && KindAt(next + 2) == Kind.Power)) throw Refusal.Instance;
                var k = _numbers[PayloadAt(next + 1)];
                if (k.IsZero || k > MaxPower) throw Refusal.Instance;
                power = (int)k.Numerator;
                next += 2;
            }
            switch (kind)
            {
                case Kind.Integer or Kind.Number:
                    var value = _numbers[PayloadAt(i)].Pow(power);
                    coefficient = divide ? coefficient / value : coefficient * value; // x/0 throws: the tree path reports it
                    break;
                case Kind.Symbol when !divide:
                    int v = PayloadAt(i);
                    _layout.Set(key, v, _layout.Get(key, v) + power); // past the packing throws: the tree path widens
                    break;
                case Kind.Open when !divide:
                    groups.Add((i + 1, PayloadAt(i), power));
                    break;
                default:
                    throw Refusal.Instance; // a division by a symbol or a sum, or a token no operand starts with
            }
            i = next;
            if (i == end) break;
            var op = KindAt(i);
            if (op is Kind.Plus or Kind.Minus) break;
            if (op is not (Kind.Times or Kind.Divide)) throw Refusal.Instance;
            divide = op == Kind.Divide;
            i++;
        }
        if (negative) coefficient = -coefficient;
        if (groups.Count == 0)
        {
            if (!coefficient.IsZero) target.Add(key, coefficient);
        }
        else if (groups.Count == 1 && groups[0].Power == 1 && level > 0)
        {
            // Distribute: the sum's terms go into the target with this product as their context.
            Sum(groups[0].Start, groups[0].End, coefficient, key, target, level + 1);
        }
        else if (groups.Count == 1 && groups[0].Power == 1)
        {
            // A term of the outermost sum is expanded on its own (distributing further in), in a table that stays
            // small enough for the cache, and what survives is added: where the terms of a long sum each cancel, as
            // in an identity written entry by entry, the whole-text table never fills with zeros.
            _local ??= new MonomialAccumulator(_layout, 1 << 10);
            _local.Clear();
            Sum(groups[0].Start, groups[0].End, Rational.One, Zero, _local, level + 1);
            if (!coefficient.IsZero && !_local.TryAddScaledTo(target, key, coefficient)) throw Refusal.Instance;
        }
        else AddProduct(groups, coefficient, key, target, level);
        groups.Clear();
        return i;
    }

    /// <summary>Adds coefficient·key·(the product of the parenthesised sums, each to its power) to the target.</summary>
    private void AddProduct(List<(int Start, int End, int Power)> groups, Rational coefficient, ulong[] key, MonomialAccumulator target, int level)
    {
        Poly? product = null;
        foreach (var (start, end, power) in groups)
        {
            var sum = new MonomialAccumulator(_layout);
            Sum(start, end, Rational.One, Zero, sum, level + 1);
            var p = sum.ToPoly(_variables).Pow(power);
            product = product is null ? p : Poly.Multiply(product, p);
        }
        var narrow = product!.WithBits(MonomialLayout.NarrowBits); // throws past the packing: the tree path widens
        var scratch = new ulong[_layout.Words];
        for (int t = 0; t < narrow.Count; t++)
        {
            if (!_layout.TryAdd(narrow.Monomial(t), key, scratch)) throw Refusal.Instance;
            var c = coefficient * narrow.Coefficient(t);
            if (!c.IsZero) target.Add(scratch, c);
        }
    }

    /// <summary>The monomial scratch of one nesting level (a term's key stays intact while deeper levels run).</summary>
    private ulong[] Scratch(int level)
    {
        while (_keys.Count <= level) _keys.Add(new ulong[_layout.Words]);
        return _keys[level];
    }

    private List<(int Start, int End, int Power)> Groups(int level)
    {
        while (_groups.Count <= level) _groups.Add([]);
        return _groups[level];
    }

    /// <summary>Thrown (one shared instance, no stack trace needed) when the text leaves this path's subset.</summary>
    private sealed class Refusal : Exception
    {
        public static readonly Refusal Instance = new();

        private Refusal() : base("not a polynomial this path reads") { }
    }
}
