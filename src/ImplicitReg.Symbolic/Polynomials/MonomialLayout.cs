using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// How exponent vectors are packed into <c>ulong</c> words: <see cref="Bits"/> bits per variable, variable 0
/// in the most significant field of word 0, so comparing the words as unsigned integers is lexicographic
/// order with variable 0 most significant. The top bit of every field is a guard bit that stays clear in a
/// valid monomial: a product whose field carries into it has overflowed (exponent above
/// <see cref="MaxExponent"/>), which word-wise addition detects with one mask test per word.
/// </summary>
public sealed class MonomialLayout
{
    /// <summary>The two packings: 8 bits (exponents up to 127) and 16 bits (up to 32767).</summary>
    public const int NarrowBits = 8, WideBits = 16;

    internal MonomialLayout(int variableCount, int bits)
    {
        if (bits is not (NarrowBits or WideBits)) throw new ArgumentOutOfRangeException(nameof(bits));
        VariableCount = variableCount;
        Bits = bits;
        FieldsPerWord = 64 / bits;
        // At least one word, so that the constant monomial has storage and spans are never empty.
        Words = Math.Max(1, (variableCount + FieldsPerWord - 1) / FieldsPerWord);
        FieldMask = (1UL << bits) - 1;
        MaxExponent = (1 << (bits - 1)) - 1;
        ulong guard = 0;
        for (int f = 0; f < FieldsPerWord; f++) guard |= 1UL << (f * bits + bits - 1);
        GuardMask = guard;
        _hashKeys = HashKeys(Words);
    }

    /// <summary>Number of variables packed.</summary>
    public int VariableCount { get; }
    /// <summary>Bits per exponent field (8 or 16), guard bit included.</summary>
    public int Bits { get; }
    /// <summary>Exponent fields per 64-bit word.</summary>
    public int FieldsPerWord { get; }
    /// <summary>Words per monomial (at least one).</summary>
    public int Words { get; }
    /// <summary>The largest exponent a field holds below its guard bit.</summary>
    public int MaxExponent { get; }
    internal ulong FieldMask { get; }
    internal ulong GuardMask { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Shift(int variable) => (FieldsPerWord - 1 - variable % FieldsPerWord) * Bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Get(ReadOnlySpan<ulong> m, int variable) =>
        (int)((m[variable / FieldsPerWord] >> Shift(variable)) & FieldMask);

    internal void Set(Span<ulong> m, int variable, int exponent)
    {
        if ((uint)exponent > (uint)MaxExponent)
            throw new OverflowException($"exponent {exponent} does not fit {Bits}-bit packing");
        int w = variable / FieldsPerWord, s = Shift(variable);
        m[w] = (m[w] & ~(FieldMask << s)) | ((ulong)exponent << s);
    }

    /// <summary>dst = a + b field-wise; false when some exponent overflowed into its guard bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAdd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> dst)
    {
        ulong guard = GuardMask, seen = 0;
        for (int w = 0; w < a.Length; w++)
        {
            ulong s = a[w] + b[w];
            seen |= s;
            dst[w] = s;
        }
        return (seen & guard) == 0;
    }

    /// <summary>True when a divides b (every exponent of a at most that of b); dst = b − a then.</summary>
    internal bool TrySubtract(ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> a, Span<ulong> dst)
    {
        // SWAR: setting the guard bits before subtracting stops borrows at field borders; a guard bit that
        // survives means that field did not borrow (b_f >= a_f).
        ulong guard = GuardMask;
        for (int w = 0; w < a.Length; w++)
        {
            ulong d = (b[w] | guard) - a[w];
            if ((d & guard) != guard) return false;
            dst[w] = d & ~guard;
        }
        return true;
    }

    /// <summary>Sum of all exponents.</summary>
    internal int TotalDegree(ReadOnlySpan<ulong> m)
    {
        int total = 0;
        for (int w = 0; w < m.Length; w++)
        {
            ulong x = m[w];
            for (int f = 0; f < FieldsPerWord; f++, x >>= Bits) total += (int)(x & FieldMask);
        }
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Compare(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int w = 0; w < a.Length; w++)
            if (a[w] != b[w]) return a[w] < b[w] ? -1 : 1;
        return 0;
    }

    /// <summary>
    /// A hash that is linear in the exponent vector, h(m) = Σ_w m_w·K_w mod 2^64 with odd random K_w, so the
    /// hash of a product of monomials is the sum of their hashes (no carries cross fields in a valid product):
    /// multiplication loops hash each term once instead of once per product. <see cref="Mix"/> spreads it
    /// over table slots.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong LinearHash(ReadOnlySpan<ulong> m)
    {
        var k = _hashKeys;
        ulong h = 0;
        for (int w = 0; w < m.Length; w++) h += m[w] * k[w];
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)h;
    }

    private ulong[] _hashKeys = [];

    private static ulong[] HashKeys(int words)
    {
        var k = new ulong[words];
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int w = 0; w < words; w++)
        {
            // splitmix64: fixed, well-spread odd constants (determinism matters for reproducible runs).
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            k[w] = (z ^ (z >> 31)) | 1;
        }
        return k;
    }

    /// <summary>Largest exponent of any single variable (used to pick a packing).</summary>
    internal int MaxField(ReadOnlySpan<ulong> m)
    {
        int best = 0;
        for (int w = 0; w < m.Length; w++)
        {
            ulong x = m[w];
            if (x == 0) continue;
            for (int f = 0; f < FieldsPerWord; f++, x >>= Bits) best = Math.Max(best, (int)(x & FieldMask));
        }
        return best;
    }

    internal static int BitsFor(int maxExponent) =>
        maxExponent <= (1 << (NarrowBits - 1)) - 1 ? NarrowBits
        : maxExponent <= (1 << (WideBits - 1)) - 1 ? WideBits
        : throw new Core.SymbolicLimitException(
            $"exponent {maxExponent} exceeds the largest packed exponent {(1 << (WideBits - 1)) - 1}; refused");

    internal static int PopCount(ulong x) => BitOperations.PopCount(x);
}
