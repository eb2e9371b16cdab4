using System.Numerics;

namespace ImplicitReg.Symbolic.Parsing;

internal sealed partial class PolynomialText
{
    /// <summary>
    /// Symbol names to variable indices, looked up by the code units of the text (chars or bytes) without making a
    /// string. Hand-written: a dictionary keyed by strings needs a span of chars, and its randomised string hash
    /// costs more than the rest of the lexer on text where almost every token is a name (10 MB of
    /// <c>W5[1,2]*W4[2,3]*…</c>): here the hash is a multiply-add over the few code units of a name, the table
    /// holds the few hundred distinct names of such text, and a hit compares the name once.
    /// </summary>
    private sealed class NameTable
    {
        private string?[] _names = new string?[256];
        private int[] _values = new int[256];
        private int _count;

        /// <summary>The index of the name, or −1.</summary>
        public int Find<T>(ReadOnlySpan<T> name) where T : unmanaged, IBinaryInteger<T>
        {
            int mask = _names.Length - 1;
            for (int slot = Hash(name) & mask; ; slot = (slot + 1) & mask)
            {
                var candidate = _names[slot];
                if (candidate is null) return -1;
                if (SameName(candidate, name)) return _values[slot];
            }
        }

        /// <summary>Adds a name that <see cref="Find{T}"/> did not find.</summary>
        public void Add(string name, int value)
        {
            if (2 * (_count + 1) > _names.Length) Grow();
            Insert(name, value);
            _count++;
        }

        private void Insert(string name, int value)
        {
            int mask = _names.Length - 1;
            int slot = Hash(name.AsSpan()) & mask;
            while (_names[slot] is not null) slot = (slot + 1) & mask;
            _names[slot] = name;
            _values[slot] = value;
        }

        private void Grow()
        {
            var (names, values) = (_names, _values);
            _names = new string?[names.Length * 2];
            _values = new int[names.Length * 2];
            for (int k = 0; k < names.Length; k++)
                if (names[k] is { } name) Insert(name, values[k]);
        }

        private static bool SameName<T>(string candidate, ReadOnlySpan<T> name) where T : unmanaged, IBinaryInteger<T>
        {
            if (candidate.Length != name.Length) return false;
            for (int k = 0; k < name.Length; k++)
                if (candidate[k] != At(name, k)) return false;
            return true;
        }

        private static int Hash<T>(ReadOnlySpan<T> name) where T : unmanaged, IBinaryInteger<T>
        {
            uint h = 2166136261;
            for (int k = 0; k < name.Length; k++) h = (h ^ (uint)At(name, k)) * 16777619; // FNV-1a
            return (int)(h ^ (h >> 15));
        }
    }
}
