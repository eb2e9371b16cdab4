using System.Globalization;
using System.Text;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Escapes control characters in text that echoes user input (an ESC sequence read from an <c>@file</c> must not
/// reach the terminal): every C0/C1 control except newline and tab becomes <c>\xHH</c> or <c>\uHHHH</c>.
/// </summary>
public static class SafeText
{
    /// <summary>The text with its control characters escaped; unchanged (same instance) when there are none.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text) Append(sb, c);
        return sb.ToString();
    }

    internal static bool NeedsEscape(char c) => char.IsControl(c) && c is not '\n' and not '\t' && c != '\r';

    internal static void Append(StringBuilder sb, char c)
    {
        if (!NeedsEscape(c)) sb.Append(c);
        else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
        else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// A writer that escapes control characters (<see cref="SafeText"/>) on their way to an inner writer; the host puts
/// it in front of stderr, where messages quote the user's input.
/// </summary>
public sealed class EscapingWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (!SafeText.NeedsEscape(value)) inner.Write(value);
        else inner.Write(SafeText.Escape(value.ToString()));
    }

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(value is null ? null : SafeText.Escape(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : SafeText.Escape(value));

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
