using System.Globalization;
using System.Text;

namespace ImplicitReg.Reports.Html;

/// <summary>Escaping and number formatting shared by the HTML writer.</summary>
public static class HtmlText
{
    /// <summary>
    /// Escapes the five characters that matter in text and attribute values. Hand-written because
    /// <c>WebUtility.HtmlEncode</c> also turns Latin-1 letters into numeric references, which makes the report's
    /// source harder to read and diff without making it safer.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not '\n' and not '\t' => $"&#x{(int)c:X};",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>A duration as the report shows it, always inside <c>&lt;span class="time"&gt;</c> (tests scrub these).</summary>
    public static string Time(TimeSpan t) => $"<span class=\"time\">{Duration(t)}</span>";

    /// <summary><c>123 ms</c> below ten seconds, else <c>12.3 s</c>.</summary>
    public static string Duration(TimeSpan t) => t.TotalSeconds < 10
        ? t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms"
        : t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    /// <summary>Six significant digits, invariant culture.</summary>
    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
