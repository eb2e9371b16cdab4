using System.Text;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>A syntax error with its 1-based line and column and the 0-based offset into the input.</summary>
public sealed class ParseException(string message, int line, int column, int offset)
    : SymbolicException($"{message} (line {line}, column {column})")
{
    /// <summary>Widest excerpt shown; longer lines are cut to a window around the error.</summary>
    public const int MaxExcerptWidth = 100;

    /// <summary>The message without the position.</summary>
    public string Reason { get; } = message;
    /// <summary>1-based line of the error.</summary>
    public int Line { get; } = line;
    /// <summary>1-based column of the error.</summary>
    public int Column { get; } = column;
    /// <summary>0-based character offset of the error in the input.</summary>
    public int Offset { get; } = offset;

    /// <summary>
    /// The offending line of <paramref name="input"/> with a caret under the error. Tabs before the
    /// error are kept in the caret line so the caret lines up; a line wider than
    /// <see cref="MaxExcerptWidth"/> is cut to a window around the error, marked with "...".
    /// </summary>
    /// <example>For <c>x + * y</c>: <c>"x + * y\n    ^"</c>.</example>
    public string Excerpt(string input)
    {
        var lines = input.Replace("\r\n", "\n").Split('\n');
        var text = Line - 1 < lines.Length ? lines[Line - 1] : "";
        int col = Math.Clamp(Column - 1, 0, text.Length);
        string prefix = "", suffix = "";
        if (text.Length > MaxExcerptWidth)
        {
            int half = MaxExcerptWidth / 2;
            int start = Math.Clamp(col - half, 0, text.Length - MaxExcerptWidth);
            int end = start + MaxExcerptWidth;
            if (start > 0) prefix = "...";
            if (end < text.Length) suffix = "...";
            text = text[start..end];
            col -= start;
        }
        var caret = new StringBuilder(prefix.Length + col + 1);
        caret.Append(' ', prefix.Length);
        for (int i = 0; i < col; i++) caret.Append(text[i] == '\t' ? '\t' : ' ');
        caret.Append('^');
        return prefix + text + suffix + "\n" + caret;
    }
}
