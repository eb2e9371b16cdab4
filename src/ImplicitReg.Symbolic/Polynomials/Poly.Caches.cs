using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// Per-polynomial caches for the multiplication loops, computed once (polynomials are immutable; a race only
/// computes the same value twice, and a missing small-coefficient array just selects the exact path).
/// </summary>
public sealed partial class Poly
{
    private ulong[]? _termHashes;
    private long[]? _small;
    private int _smallState; // 0 unknown, 1 all coefficients small integers, 2 not

    /// <summary>Linear hashes of the terms' monomials (cached; see <see cref="MonomialLayout.LinearHash"/>).</summary>
    internal ulong[] TermHashes
    {
        get
        {
            if (_termHashes is { } h) return h;
            h = new ulong[Count];
            for (int i = 0; i < h.Length; i++) h[i] = Layout.LinearHash(Monomial(i));
            return _termHashes = h;
        }
    }

    /// <summary>The coefficients as longs when all are integers of magnitude below 2^31 (so pairwise products fit), else null.</summary>
    internal long[]? SmallCoefficients
    {
        get
        {
            if (_smallState == 0)
            {
                var s = new long[Count];
                bool ok = true;
                for (int i = 0; i < s.Length && ok; i++)
                {
                    var c = _coef[i];
                    if (c.IsInteger && c.Numerator.GetBitLength() <= 31) s[i] = (long)c.Numerator;
                    else ok = false;
                }
                _small = ok ? s : null;
                _smallState = ok ? 1 : 2;
            }
            return _small;
        }
    }

    /// <summary>Records the coefficients as longs (the caller guarantees they are integers below 2^31 in magnitude).</summary>
    internal void SetSmallCoefficients(long[] small)
    {
        _small = small;
        _smallState = 1;
    }

    /// <summary>The value of an integer coefficient that fits a long with room for one addition.</summary>
    internal static bool TryGetSmall(Rational c, out long value)
    {
        if (c.IsInteger && c.Numerator.GetBitLength() <= 62)
        {
            value = (long)c.Numerator;
            return true;
        }
        value = 0;
        return false;
    }
}
