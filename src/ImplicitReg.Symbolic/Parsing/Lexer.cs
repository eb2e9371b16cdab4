using System.Numerics;
using System.Text;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

internal enum TokenKind
{
    Number,
    Identifier,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>A token; identifiers carry their one shared <see cref="Sym"/> (see <see cref="Lexer"/>).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, Sym? Symbol = null);

/// <summary>
/// Splits input into tokens; symbol names keep their index suffix (<c>W2[1,3]</c>) as one token, with
/// spaces and leading zeros in the indices dropped so <c>W[ 01, 2 ]</c> and <c>W[1,2]</c> are one symbol.
/// </summary>
/// <remarks>
/// Built for megabytes of generated text (a derivation's equations handed over as text): tokens are made one
/// at a time as the parser asks for them (a list of all tokens of 10 MB of text would take ~100 MB), operators
/// are matched by a switch, and every distinct name is allocated once, as one string and one <see cref="Sym"/>
/// shared by all its occurrences (looked up by span, so a name already seen allocates nothing). Shared
/// symbols also make the canonical constructors' comparisons and hashing of symbols cheap.
/// </remarks>
internal sealed class Lexer(string s)
{
    private readonly Dictionary<string, Sym> _names = new(StringComparer.Ordinal);
    private int _i;
    private int _lastEnd;

    /// <summary>All tokens of <paramref name="text"/>, the last one <see cref="TokenKind.End"/> (for short inputs).</summary>
    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        Token t;
        do tokens.Add(t = lexer.Next());
        while (t.Kind != TokenKind.End);
        return tokens;
    }

    /// <summary>Where the lexer stands, to go back there with <see cref="Restore"/> after reading ahead.</summary>
    public (int Position, int LastEnd) Mark => (_i, _lastEnd);

    /// <summary>Goes back to a <see cref="Mark"/>; names met meanwhile stay known (they are the same names again).</summary>
    public void Restore((int Position, int LastEnd) mark) => (_i, _lastEnd) = mark;

    /// <summary>The next token; after the last one, <see cref="TokenKind.End"/> again and again.</summary>
    public Token Next()
    {
        var token = Read();
        if (token.Kind != TokenKind.End) _lastEnd = token.Offset + token.Text.Length;
        return token;
    }

    private Token Read()
    {
        int i = _i;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        if (i >= s.Length)
        {
            // The end sits just after the last token, so "unexpected end" points at the line that
            // is incomplete, not at a blank line after it.
            _i = i;
            return new Token(TokenKind.End, "", _lastEnd);
        }
        char c = s[i];
        int start = i;
        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
        {
            i = NumberEnd(s.AsSpan(), i);
            _i = i;
            return new Token(TokenKind.Number, s[start..i], start);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_')) i++;
            int stem = i;
            int end = CanonicalIndexEnd(s.AsSpan(), i);
            bool canonical = end >= 0;
            if (canonical) i = end;
            Sym? symbol;
            if (canonical)
            {
                // The text is the name itself: look it up without allocating.
                var span = s.AsSpan(start, i - start);
                if (!_names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out symbol))
                {
                    symbol = new Sym(span.ToString());
                    _names.Add(symbol.Name, symbol);
                }
            }
            else
            {
                var name = s[start..stem];
                i = ReadIndices(s, stem, ref name);
                if (!_names.TryGetValue(name, out symbol)) _names.Add(name, symbol = new Sym(name));
            }
            _i = i;
            return new Token(TokenKind.Identifier, symbol.Name, start, symbol);
        }
        var text = c switch
        {
            '(' => "(",
            ')' => ")",
            ',' => ",",
            '+' => "+",
            '-' => "-",
            '/' => "/",
            '^' => "^",
            '*' => Peek(s, i) == '*' ? "**" : "*",
            '<' => Peek(s, i) == '=' ? "<=" : "<",
            '>' => Peek(s, i) == '=' ? ">=" : ">",
            '!' => Peek(s, i) == '=' ? "!=" : null,
            '=' => Peek(s, i) switch { '=' => "==", '>' => "=>", _ => "=" },
            _ => null,
        } ?? throw Error(s, i, UnexpectedCharacter(s, i));
        var kind = c switch { '(' => TokenKind.LeftParen, ')' => TokenKind.RightParen, ',' => TokenKind.Comma, _ => TokenKind.Operator };
        _i = i + text.Length;
        return new Token(kind, text, i);
    }

    private static char Peek(string s, int i) => i + 1 < s.Length ? s[i + 1] : '\0';

    /// <summary>
    /// The end of a number literal starting at <paramref name="i"/>: digits and dots, then an exponent <c>e</c>/<c>E</c>
    /// with an optional sign when digits follow it. Over code units (chars or UTF-8 bytes): the direct expansion
    /// (PolynomialText) cuts numbers exactly here too.
    /// </summary>
    internal static int NumberEnd<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T>
    {
        while (i < s.Length && int.CreateTruncating(s[i]) is var c && (char.IsAsciiDigit((char)c) || c == '.')) i++;
        if (i < s.Length && int.CreateTruncating(s[i]) is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && int.CreateTruncating(s[j]) is '+' or '-') j++;
            if (j < s.Length && char.IsAsciiDigit((char)int.CreateTruncating(s[j])))
            {
                i = j;
                while (i < s.Length && char.IsAsciiDigit((char)int.CreateTruncating(s[i]))) i++;
            }
        }
        return i;
    }

    /// <summary>
    /// Finds the end of an optional index suffix after a name ending at <paramref name="i"/>, without building
    /// anything: <paramref name="i"/> itself when no '[' follows, the end of the suffix when the text already is the
    /// normalised name (no spaces, no leading zeros), −1 for any other spelling, which <see cref="ReadIndices"/>
    /// normalises or reports. Over code units (chars or UTF-8 bytes): the direct expansion (PolynomialText) takes
    /// exactly the names this accepts.
    /// </summary>
    internal static int CanonicalIndexEnd<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T>
    {
        int k = i;
        while (k < s.Length && int.CreateTruncating(s[k]) is ' ' or '\t') k++;
        if (k >= s.Length || int.CreateTruncating(s[k]) != '[') return i;
        if (k != i) return -1; // "W [1,2]": the name drops the space
        k++;
        while (true)
        {
            int ds = k;
            while (k < s.Length && char.IsAsciiDigit((char)int.CreateTruncating(s[k]))) k++;
            if (k == ds || (int.CreateTruncating(s[ds]) == '0' && k - ds > 1)) return -1;
            if (k < s.Length && int.CreateTruncating(s[k]) == ',') { k++; continue; }
            if (k < s.Length && int.CreateTruncating(s[k]) == ']') return k + 1;
            return -1;
        }
    }

    /// <summary>Reads an optional index suffix <c>[1,2]</c> (spaces allowed) and appends it to the name.</summary>
    private static int ReadIndices(string s, int i, ref string name)
    {
        int k = i;
        while (k < s.Length && s[k] is ' ' or '\t') k++;
        if (k >= s.Length || s[k] != '[') return i;
        int open = k++;
        var sb = new StringBuilder(name).Append('[');
        for (int n = 0; ; n++)
        {
            while (k < s.Length && s[k] is ' ' or '\t') k++;
            int ds = k;
            while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
            if (k == ds)
            {
                var found = k < s.Length ? $"'{s[k]}'" : "the end of input";
                throw Error(s, k, $"expected a non-negative integer index inside '{name}[...]', found {found}");
            }
            if (n > 0) sb.Append(',');
            var digits = s.AsSpan(ds, k - ds).TrimStart('0');
            sb.Append(digits.IsEmpty ? "0" : digits);
            while (k < s.Length && s[k] is ' ' or '\t') k++;
            if (k < s.Length && s[k] == ',') { k++; continue; }
            if (k < s.Length && s[k] == ']') { k++; break; }
            throw Error(s, k < s.Length ? k : open, k < s.Length
                ? $"expected ',' or ']' in the index of '{name}', found '{s[k]}'"
                : $"unclosed '[' in the index of '{name}'");
        }
        name = sb.Append(']').ToString();
        return k;
    }

    /// <summary>The message for a character no token starts with, with the fix for common look-alikes.</summary>
    private static string UnexpectedCharacter(string s, int i)
    {
        var c = s[i];
        var hint = c switch
        {
            '\u2212' or '\u2013' or '\u2014' => "; write '-' for minus",
            '\u00D7' or '\u00B7' or '\u22C5' or '\u2219' => "; write '*' for a product",
            '\u00F7' or '\u2215' => "; write '/' for division",
            '\u00B2' => "; write '^2'",
            '\u00B3' => "; write '^3'",
            '\u221A' => "; write 'sqrt(...)'",
            '\u2264' => "; write '<='",
            '\u2265' => "; write '>='",
            '\u2260' => "; write '!='",
            '[' or ']' => "; indices follow a symbol name directly, as in 'W[1,2]'",
            '{' or '}' => "; use '(' and ')' for grouping",
            '!' => "; write 'not' for negation or '!=' for 'not equal'",
            '&' => "; write 'and'",
            '|' => "; write 'or', or 'abs(...)' for an absolute value",
            _ => "",
        };
        var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
        return $"unexpected character {shown}{hint}";
    }

    /// <summary>A syntax error at a 0-based offset, with the 1-based line and column computed from it.</summary>
    public static ParseException Error(string s, int offset, string message)
    {
        var (line, col) = Position(s, offset);
        return new ParseException(message, line, col, offset);
    }

    /// <summary>1-based line and column of an offset; '\r' before '\n' does not count as a column.</summary>
    public static (int Line, int Column) Position(string s, int offset)
    {
        int line = 1, col = 1;
        for (int i = 0; i < offset && i < s.Length; i++)
        {
            if (s[i] == '\n') { line++; col = 1; }
            else if (s[i] != '\r') col++;
        }
        return (line, col);
    }
}
