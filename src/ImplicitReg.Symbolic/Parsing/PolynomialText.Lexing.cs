using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Parsing;

internal sealed partial class PolynomialText
{
    /// <summary>Token kinds of this path (the low 4 bits of a token; the payload is the rest).</summary>
    private enum Kind
    {
        Symbol,  // payload: variable index
        Integer, // digits only; payload: index into _numbers
        Number,  // any other literal (0.5, 1e-3); payload: index into _numbers
        Plus,
        Minus,
        Times,
        Divide,
        Power,   // '^' or '**'
        Open,    // payload: index of the matching Close
        Close,
    }

    /// <summary>Longest text taken: token payloads are 27 bits.</summary>
    private const int MaxLength = 100_000_000;

    private int[] _tokens = [];
    private int _count;
    private readonly List<Rational> _numbers = [];
    private readonly List<Expr> _symbols = [];
    private readonly NameTable _names = new();

    /// <summary>Character classes of ASCII, as the lexer sees them (whitespace as <see cref="char.IsWhiteSpace(char)"/>).</summary>
    private static readonly byte[] Classes = BuildClasses();
    private const byte Other = 0, Space = 1, Letter = 2, Digit = 3;

    private static byte[] BuildClasses()
    {
        var table = new byte[128];
        for (int c = 0; c < 128; c++)
            table[c] = char.IsWhiteSpace((char)c) ? Space : char.IsAsciiLetter((char)c) || c == '_' ? Letter : char.IsAsciiDigit((char)c) ? Digit : Other;
        return table;
    }

    private Kind KindAt(int i) => (Kind)(_tokens[i] & 15);

    private int PayloadAt(int i) => _tokens[i] >> 4;

    private void Emit(Kind kind, int payload = 0)
    {
        if (_count == _tokens.Length) Array.Resize(ref _tokens, Math.Max(1024, _tokens.Length * 2));
        _tokens[_count++] = (payload << 4) | (int)kind;
    }

    /// <summary>
    /// Splits the text (UTF-16 chars or UTF-8 bytes, read as code units) into tokens with the same boundaries as
    /// <see cref="Lexer"/>; false for anything outside this path (other operators and characters, non-ASCII text
    /// other than UTF-16 whitespace, keywords, function names, indices written with spaces or leading zeros,
    /// unbalanced parentheses, no token at all), which the tree path then reads or reports.
    /// </summary>
    private bool Lex<T>(ReadOnlySpan<T> s) where T : unmanaged, IBinaryInteger<T>
    {
        if (s.Length > MaxLength) return false;
        _tokens = new int[Math.Clamp(s.Length / 4, 16, 1 << 24)];
        var open = new Stack<int>();
        var classes = Classes;
        int i = 0;
        while (true)
        {
            int c = 0;
            byte type = Other;
            for (; i < s.Length; i++)
            {
                c = int.CreateTruncating(s[i]);
                type = c < 128 ? classes[c] : Other;
                // Beyond ASCII only UTF-16 whitespace is taken (UTF-8 bytes of it, as any non-ASCII byte, are refused).
                if (type != Space && !(c >= 128 && typeof(T) == typeof(char) && char.IsWhiteSpace((char)c))) break;
            }
            if (i >= s.Length) break;
            int start = i;
            if (type == Letter)
            {
                if (!ScanName(s, ref i)) return false;
                int v = _names.Find(s[start..i]);
                if (v < 0)
                {
                    var text = Text(s[start..i]);
                    if (Parser.IsReserved(text)) return false;
                    v = _symbols.Count;
                    _symbols.Add(new Sym(text));
                    _names.Add(text, v);
                }
                Emit(Kind.Symbol, v);
                continue;
            }
            if (type == Digit || c == '.')
            {
                if (!ScanNumber(s, ref i, out var kind, out var value)) return false;
                Emit(kind, _numbers.Count);
                _numbers.Add(value);
                continue;
            }
            i++;
            switch (c)
            {
                case '+': Emit(Kind.Plus); break;
                case '-': Emit(Kind.Minus); break;
                case '/': Emit(Kind.Divide); break;
                case '^': Emit(Kind.Power); break;
                case '*' when i < s.Length && int.CreateTruncating(s[i]) == '*': i++; Emit(Kind.Power); break;
                case '*': Emit(Kind.Times); break;
                case '(':
                    open.Push(_count);
                    Emit(Kind.Open);
                    break;
                case ')':
                    if (open.Count == 0) return false;
                    int o = open.Pop();
                    _tokens[o] = (_count << 4) | (int)Kind.Open;
                    Emit(Kind.Close);
                    break;
                default:
                    return false;
            }
        }
        return open.Count == 0 && _count > 0;
    }

    private static int At<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(s[i]);

    /// <summary>ASCII code units as a string.</summary>
    private static string Text<T>(ReadOnlySpan<T> s) where T : unmanaged, IBinaryInteger<T>
    {
        var chars = new char[s.Length];
        for (int k = 0; k < chars.Length; k++) chars[k] = (char)At(s, k);
        return new string(chars);
    }

    /// <summary>
    /// A name <c>W2</c> or <c>W2[1,3]</c> already in the form the lexer gives it (index digits right after '[', no
    /// spaces, no leading zeros); false for any other spelling, which the lexer normalises or reports.
    /// </summary>
    private static bool ScanName<T>(ReadOnlySpan<T> s, ref int i) where T : unmanaged, IBinaryInteger<T>
    {
        while (i < s.Length && At(s, i) is var c && (char.IsAsciiLetterOrDigit((char)c) || c == '_')) i++;
        int end = Lexer.CanonicalIndexEnd(s, i);
        if (end < 0) return false;
        i = end;
        return true;
    }

    /// <summary>A number literal with the lexer's boundaries; its exact value by <see cref="NumberLiteral"/> unless it is a short run of digits.</summary>
    private static bool ScanNumber<T>(ReadOnlySpan<T> s, ref int i, out Kind kind, out Rational value) where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        i = Lexer.NumberEnd(s, i);
        bool digitsOnly = true;
        long small = 0;
        for (int k = start; k < i && digitsOnly; k++)
        {
            int c = At(s, k);
            digitsOnly = char.IsAsciiDigit((char)c);
            if (k - start < 18) small = small * 10 + (c - '0');
        }
        kind = digitsOnly ? Kind.Integer : Kind.Number;
        if (digitsOnly && i - start <= 18)
        {
            value = new Rational(small);
            return true;
        }
        return NumberLiteral.TryParse(Text(s[start..i]), out value, out _);
    }
}
