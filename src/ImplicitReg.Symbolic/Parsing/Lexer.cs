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

/// <summary>Splits input into tokens; symbol names keep their index suffix (<c>W2[1,3]</c>) as one token.</summary>
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
                tokens.Add(new Token(TokenKind.End, "", s.Length));
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
                var name = new StringBuilder(s[start..i]);
                // Optional index suffix: [1,2] (digits separated by commas, spaces allowed).
                int k = i;
                while (k < s.Length && s[k] == ' ') k++;
                if (k < s.Length && s[k] == '[')
                {
                    k++;
                    var idx = new List<string>();
                    while (true)
                    {
                        while (k < s.Length && s[k] == ' ') k++;
                        int ds = k;
                        while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
                        if (k == ds) throw Error(s, k, "expected an integer index inside '[...]'");
                        idx.Add(s[ds..k]);
                        while (k < s.Length && s[k] == ' ') k++;
                        if (k < s.Length && s[k] == ',') { k++; continue; }
                        if (k < s.Length && s[k] == ']') { k++; break; }
                        throw Error(s, k, "expected ',' or ']' in an index");
                    }
                    name.Append('[').Append(string.Join(",", idx)).Append(']');
                    i = k;
                }
                tokens.Add(new Token(TokenKind.Identifier, name.ToString(), start));
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
            if (op is null) throw Error(s, i, $"unexpected character '{c}'");
            tokens.Add(new Token(TokenKind.Operator, op, i));
            i += op.Length;
        }
    }

    public static ParseException Error(string s, int offset, string message)
    {
        int line = 1, col = 1;
        for (int i = 0; i < offset && i < s.Length; i++)
        {
            if (s[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return new ParseException(message, line, col, offset);
    }
}
