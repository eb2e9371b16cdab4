using System.Text;

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

internal readonly record struct Token(TokenKind Kind, string Text, int Offset);

/// <summary>
/// Splits input into tokens; symbol names keep their index suffix (<c>W2[1,3]</c>) as one token, with
/// spaces and leading zeros in the indices dropped so <c>W[ 01, 2 ]</c> and <c>W[1,2]</c> are one symbol.
/// </summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["**", "<=", ">=", "!=", "==", "=>", "+", "-", "*", "/", "^", "<", ">", "="];

    public static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length)
            {
                // The end sits just after the last token, so "unexpected end" points at the line that
                // is incomplete, not at a blank line after it.
                int end = tokens.Count == 0 ? 0 : tokens[^1].Offset + tokens[^1].Text.Length;
                tokens.Add(new Token(TokenKind.End, "", end));
                return tokens;
            }
            char c = s[i];
            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
                if (i < s.Length && s[i] is 'e' or 'E')
                {
                    int j = i + 1;
                    if (j < s.Length && s[j] is '+' or '-') j++;
                    if (j < s.Length && char.IsAsciiDigit(s[j]))
                    {
                        i = j;
                        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                    }
                }
                tokens.Add(new Token(TokenKind.Number, s[start..i], start));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_')) i++;
                var name = s[start..i];
                i = ReadIndices(s, i, ref name);
                tokens.Add(new Token(TokenKind.Identifier, name, start));
                continue;
            }
            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.LeftParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.RightParen, ")", i++));
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", i++));
                    continue;
            }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(s, i, o, 0, o.Length) == 0);
            if (op is null) throw Error(s, i, UnexpectedCharacter(s, i));
            tokens.Add(new Token(TokenKind.Operator, op, i));
            i += op.Length;
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
