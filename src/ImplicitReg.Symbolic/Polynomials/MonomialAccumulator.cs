using System.Numerics;
using System.Runtime.CompilerServices;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// An open-addressing hash table from packed monomials to exact coefficients: the inner loop of
/// multiplication and of matrix products (Σ_k a_ik·b_kj accumulates into one table without intermediate
/// polynomials). Keys live in one flat <c>ulong</c> array; hashes are linear (see
/// <see cref="MonomialLayout.LinearHash"/>) so a product's hash costs one addition. Coefficients are kept
/// as <c>long</c> while they are small integers (overflow-checked) and move to exact <see cref="Rational"/>
/// only when needed: no allocation per term in the common integer case.
/// </summary>
internal sealed class MonomialAccumulator
{
    private readonly MonomialLayout _layout;
    private readonly int _words;
    private ulong[] _keys;
    private long[] _small;
    private Rational[] _big;
    private bool[] _isBig;
    private ulong[] _hashes;
    private int[] _table; // entry index + 1; 0 = empty
    private int _count;
    private readonly ulong[] _scratch;

    public MonomialAccumulator(MonomialLayout layout, int expectedTerms = 16)
    {
        _layout = layout;
        _words = layout.Words;
        int cap = Math.Max(16, expectedTerms);
        _keys = new ulong[cap * _words];
        _small = new long[cap];
        _big = new Rational[cap];
        _isBig = new bool[cap];
        _hashes = new ulong[cap];
        _table = new int[(int)BitOperations.RoundUpToPowerOf2((uint)(cap * 2))];
        _scratch = new ulong[_words];
    }

    public MonomialLayout Layout => _layout;
    public int Count => _count;

    /// <summary>Adds c·m.</summary>
    public void Add(ReadOnlySpan<ulong> m, Rational c) => Add(m, _layout.LinearHash(m), c);

    private void Add(ReadOnlySpan<ulong> m, ulong h, Rational c)
    {
        int e = FindOrInsert(m, h);
        if (!_isBig[e] && Poly.TryGetSmall(c, out var s) && TryAddSmall(ref _small[e], s)) return;
        Promote(e);
        _big[e] += c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAddSmall(ref long slot, long c)
    {
        long r = slot + c;
        if (((slot ^ r) & (c ^ r)) < 0) return false; // signed overflow
        slot = r;
        return true;
    }

    private void Promote(int e)
    {
        if (_isBig[e]) return;
        _big[e] = new Rational(_small[e]);
        _isBig[e] = true;
    }

    /// <summary>Index of the entry for m, inserting a zero entry when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindOrInsert(ReadOnlySpan<ulong> m, ulong h)
    {
        int mask = _table.Length - 1;
        int slot = MonomialLayout.Mix(h) & mask;
        while (true)
        {
            int e = _table[slot];
            if (e == 0) break;
            e--;
            if (_hashes[e] == h && m.SequenceEqual(_keys.AsSpan(e * _words, _words))) return e;
            slot = (slot + 1) & mask;
        }
        if (_count >= Poly.MaxTerms)
            throw new SymbolicLimitException($"a polynomial would exceed {Poly.MaxTerms} terms; refused");
        if (_count == _small.Length) Grow();
        int n = _count;
        m.CopyTo(_keys.AsSpan(n * _words, _words));
        _small[n] = 0;
        _isBig[n] = false;
        _hashes[n] = h;
        _table[slot] = ++_count;
        if (_count * 2 > _table.Length) Rehash();
        return n;
    }

    /// <summary>Adds c·a·b for monomials with linear hashes ha, hb; false when an exponent overflowed the packing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAddProduct(ReadOnlySpan<ulong> a, ulong ha, ReadOnlySpan<ulong> b, ulong hb, long c)
    {
        if (!_layout.TryAdd(a, b, _scratch)) return false;
        int e = FindOrInsert(_scratch, ha + hb);
        if (_isBig[e] || !TryAddSmall(ref _small[e], c))
        {
            Promote(e);
            _big[e] += new Rational(c);
        }
        return true;
    }

    /// <summary>Adds c·a·b with an exact rational coefficient; false on exponent overflow.</summary>
    public bool TryAddProduct(ReadOnlySpan<ulong> a, ulong ha, ReadOnlySpan<ulong> b, ulong hb, Rational c)
    {
        if (!_layout.TryAdd(a, b, _scratch)) return false;
        Add(_scratch, ha + hb, c);
        return true;
    }

    /// <summary>Adds s·p for a whole polynomial in the same layout.</summary>
    public void AddPoly(Poly p, Rational s)
    {
        for (int i = 0; i < p.Count; i++) Add(p.Monomial(i), s.IsOne ? p.Coefficient(i) : s * p.Coefficient(i));
    }

    /// <summary>
    /// Adds c·m·(every non-zero entry) to <paramref name="target"/>, a table with the same layout; false on exponent
    /// overflow (the target then holds part of the sum).
    /// </summary>
    public bool TryAddScaledTo(MonomialAccumulator target, ReadOnlySpan<ulong> m, Rational c)
    {
        // Each entry is a product entry·m: the target's TryAddProduct, with the entry's stored hash (hashes are
        // linear), so no key is hashed again.
        ulong hm = _layout.LinearHash(m);
        for (int e = 0; e < _count; e++)
        {
            if (IsZeroAt(e)) continue;
            var coefficient = _isBig[e] ? c * _big[e] : c * new Rational(_small[e]);
            if (!target.TryAddProduct(_keys.AsSpan(e * _words, _words), _hashes[e], m, hm, coefficient)) return false;
        }
        return true;
    }

    private void Grow()
    {
        int cap = _small.Length * 2;
        Array.Resize(ref _keys, cap * _words);
        Array.Resize(ref _small, cap);
        Array.Resize(ref _big, cap);
        Array.Resize(ref _isBig, cap);
        Array.Resize(ref _hashes, cap);
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        int mask = _table.Length - 1;
        for (int e = 0; e < _count; e++)
        {
            int slot = MonomialLayout.Mix(_hashes[e]) & mask;
            while (_table[slot] != 0) slot = (slot + 1) & mask;
            _table[slot] = e + 1;
        }
    }

    private bool IsZeroAt(int e) => _isBig[e] ? _big[e].IsZero : _small[e] == 0;

    /// <summary>The accumulated polynomial (zero coefficients dropped, terms sorted).</summary>
    public Poly ToPoly(VariableOrder vars)
    {
        int live = 0;
        for (int e = 0; e < _count; e++) if (!IsZeroAt(e)) live++;
        var order = new int[live];
        for (int e = 0, k = 0; e < _count; e++) if (!IsZeroAt(e)) order[k++] = e;
        var keys = _keys;
        int words = _words;
        // Descending lexicographic order: the leading term first.
        if (live > 1) order.AsSpan().Sort(new DescendingMonomials(keys, words));
        var mono = new ulong[live * words];
        var coef = new Rational[live];
        var small = new long[live];
        bool allSmall = true;
        for (int k = 0; k < live; k++)
        {
            int e = order[k];
            keys.AsSpan(e * words, words).CopyTo(mono.AsSpan(k * words, words));
            if (_isBig[e]) coef[k] = _big[e];
            else coef[k] = new Rational(small[k] = _small[e]);
            allSmall &= !_isBig[e] && _small[e] >= -int.MaxValue && _small[e] <= int.MaxValue;
        }
        var p = new Poly(vars, _layout.Bits, mono, coef);
        if (allSmall) p.SetSmallCoefficients(small);
        return p;
    }

    /// <summary>A struct comparer, so the sort is specialised and the comparison inlined (no delegate per call).</summary>
    private readonly struct DescendingMonomials(ulong[] keys, int words) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int bx = x * words, by = y * words;
            for (int w = 0; w < words; w++)
            {
                ulong a = keys[bx + w], b = keys[by + w];
                if (a != b) return a < b ? 1 : -1;
            }
            return 0;
        }
    }

    /// <summary>True when every accumulated coefficient is zero (no polynomial is built).</summary>
    public bool IsZero
    {
        get
        {
            for (int e = 0; e < _count; e++) if (!IsZeroAt(e)) return false;
            return true;
        }
    }

    /// <summary>Empties the table for reuse, keeping its capacity.</summary>
    public void Clear()
    {
        Array.Clear(_table);
        _count = 0;
    }
}
