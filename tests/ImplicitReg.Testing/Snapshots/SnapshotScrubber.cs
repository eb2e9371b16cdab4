using System.Text.RegularExpressions;

namespace ImplicitReg.Testing.Snapshots;

/// <summary>
/// Removes what varies between machines and runs before a text is compared with its snapshot: line endings,
/// absolute paths (repository root, temp and home directories), durations and the noise digits of floats.
/// </summary>
public static partial class SnapshotScrubber
{
    /// <summary>Significant digits kept in a float; the rest is round-off that differs between platforms.</summary>
    public const int FloatDigits = 6;

    public static string Scrub(string text, string? repositoryRoot)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!string.IsNullOrEmpty(repositoryRoot)) text = text.Replace(repositoryRoot.TrimEnd('/', '\\'), "{repo}", StringComparison.Ordinal);
        var temp = Path.GetTempPath().TrimEnd('/', '\\');
        if (temp.Length > 1) text = text.Replace(temp, "{temp}", StringComparison.Ordinal);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile).TrimEnd('/', '\\');
        if (home.Length > 1) text = text.Replace(home, "{home}", StringComparison.Ordinal);
        text = Duration().Replace(text, "{duration}");
        text = LongFloat().Replace(text, m => TrimFloat(m.Value));
        return text;
    }

    // A float with more than FloatDigits significant digits is rounded; exact short decimals are left alone.
    private static string TrimFloat(string s)
    {
        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) return s;
        return v.ToString("G" + FloatDigits, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|min)\b(?![\w\[])")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\w.\[])-?\d+\.\d{7,}(?:[eE][-+]?\d+)?")]
    private static partial Regex LongFloat();
}
