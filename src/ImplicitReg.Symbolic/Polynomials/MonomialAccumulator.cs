using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// An open-addressing hash table from packed monomials to exact coefficients: the inner loop of
/// multiplication and of matrix products (Σ_k a_ik·b_kj accumulates into one table without intermediate
/// polynomials). Keys live in one flat <c>ulong</c> array; no per-term allocation.
/// </summary>
internal sealed class MonomialAccumulator
{
    private readonly MonomialLayout _layout;
    private readonly int _words;
    private ulong[] _keys;
    private Rational[] _values;
    private int[] _hashes;
    private int[] _table; // entry index + 1; 0 = empty
    private int _count;
    private readonly ulong[] _scratch;

    public MonomialAccumulator(MonomialLayout layout, int expectedTerms = 16)
    {
        _layout = layout;
        _words = layout.Words;
        int cap = Math.Max(16, expectedTerms);
        _keys = new ulong[cap * _words];
        _values = new Rational[cap];
        _hashes = new int[cap];
        _table = new int[(int)BitOperations.RoundUpToPowerOf2((uint)(cap * 2))];
        _scratch = new ulong[_words];
    }

    public MonomialLayout Layout => _layout;
    public int Count => _count;

    /// <summary>Adds c·m.</summary>
    public void Add(ReadOnlySpan<ulong> m, Rational c)
    {
        int h = MonomialLayout.Hash(m);
        int mask = _table.Length - 1;
        int slot = h & mask;
        while (true)
        {
            int e = _table[slot];
            if (e == 0) break;
            e--;
            if (_hashes[e] == h && m.SequenceEqual(_keys.AsSpan(e * _words, _words)))
            {
                ref var v = ref _values[e];
                v = v.IsInteger && c.IsInteger ? new Rational(v.Numerator + c.Numerator) : v + c;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (_count == _values.Length) Grow();
        if (_count >= Polynomials.Poly.MaxTerms)
            throw new SymbolicLimitException($"a polynomial would exceed {Polynomials.Poly.MaxTerms} terms; refused");
        m.CopyTo(_keys.AsSpan(_count * _words, _words));
        _values[_count] = c;
        _hashes[_count] = h;
        _table[slot] = ++_count;
        if (_count * 2 > _table.Length) Rehash();
    }

    /// <summary>Adds c·a·b (the product of two monomials); false when an exponent overflowed the packing.</summary>
    public bool TryAddProduct(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Rational c)
    {
        if (!_layout.TryAdd(a, b, _scratch)) return false;
        Add(_scratch, c);
        return true;
    }

    /// <summary>Adds s·p for a whole polynomial in the same layout.</summary>
    public void AddPoly(Poly p, Rational s)
    {
        for (int i = 0; i < p.Count; i++) Add(p.Monomial(i), s.IsOne ? p.Coefficient(i) : s * p.Coefficient(i));
    }

    private void Grow()
    {
        int cap = _values.Length * 2;
        Array.Resize(ref _keys, cap * _words);
        Array.Resize(ref _values, cap);
        Array.Resize(ref _hashes, cap);
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        int mask = _table.Length - 1;
        for (int e = 0; e < _count; e++)
        {
            int slot = _hashes[e] & mask;
            while (_table[slot] != 0) slot = (slot + 1) & mask;
            _table[slot] = e + 1;
        }
    }

    /// <summary>The accumulated polynomial (zero coefficients dropped, terms sorted).</summary>
    public Poly ToPoly(VariableOrder vars)
    {
        int live = 0;
        for (int e = 0; e < _count; e++) if (!_values[e].IsZero) live++;
        var order = new int[live];
        for (int e = 0, k = 0; e < _count; e++) if (!_values[e].IsZero) order[k++] = e;
        var keys = _keys;
        int words = _words;
        // Descending lexicographic order: the leading term first.
        Array.Sort(order, (x, y) => MonomialLayout.Compare(keys.AsSpan(y * words, words), keys.AsSpan(x * words, words)));
        var mono = new ulong[live * words];
        var coef = new Rational[live];
        for (int k = 0; k < live; k++)
        {
            int e = order[k];
            keys.AsSpan(e * words, words).CopyTo(mono.AsSpan(k * words, words));
            coef[k] = _values[e];
        }
        return new Poly(vars, _layout.Bits, mono, coef);
    }

    /// <summary>Empties the table for reuse, keeping its capacity.</summary>
    public void Clear()
    {
        Array.Clear(_table);
        _count = 0;
    }
}
