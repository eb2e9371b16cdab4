using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>A syntax error with its 1-based line and column and the 0-based offset into the input.</summary>
public sealed class ParseException(string message, int line, int column, int offset)
    : SymbolicException($"{message} (line {line}, column {column})")
{
    public string Reason { get; } = message;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public int Offset { get; } = offset;

    /// <summary>The offending line of <paramref name="input"/> with a caret under the error.</summary>
    public string Excerpt(string input)
    {
        var lines = input.Replace("\r\n", "\n").Split('\n');
        var text = Line - 1 < lines.Length ? lines[Line - 1] : "";
        return text + "\n" + new string(' ', Math.Max(0, Column - 1)) + "^";
    }
}
