using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImplicitReg.Symbolic.Printing.Snapshots;

/// <summary>
/// Snapshot files in Verify's conventions, shared by the test suite and by claim files' derive checks
/// (<c>implicitreg verify</c>): the expected text lives in <c>NAME.verified.txt</c>; a mismatch or a missing
/// verified file writes <c>NAME.received.txt</c> beside it; accepting moves received onto verified. Texts are
/// scrubbed of what varies between machines and runs (line endings, absolute paths, durations, round-off
/// digits), written UTF-8 without BOM with LF line endings and one final newline.
/// </summary>
public static partial class SnapshotText
{
    /// <summary>Significant digits kept in a float; the rest is round-off that differs between platforms.</summary>
    public const int FloatDigits = 6;

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Removes line-ending, path, duration and float-noise differences (<paramref name="repositoryRoot"/> becomes <c>{repo}</c>).</summary>
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

    /// <summary>One trailing newline, LF only: the form written to disk and compared.</summary>
    public static string Normalise(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.TrimEnd('\n') + "\n";
    }

    /// <summary>The first line (1-based) where the texts differ, with both lines; null when equal.</summary>
    public static (int Line, string Expected, string Actual)? FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "(end of file)";
            var y = i < a.Length ? a[i] : "(end of file)";
            if (x != y) return (i + 1, x, y);
        }
        return null;
    }

    /// <summary>
    /// Compares <paramref name="text"/> (scrubbed, normalised) with <paramref name="verifiedPath"/>; deletes a stale
    /// received file first; on a mismatch or a missing verified file writes <paramref name="receivedPath"/>.
    /// Returns the normalised text, the verified text (null when missing) and whether they matched.
    /// </summary>
    public static (bool Matched, string Actual, string? Expected) Compare(string text, string verifiedPath, string receivedPath, string? repositoryRoot)
    {
        if (File.Exists(receivedPath)) File.Delete(receivedPath);
        var actual = Normalise(Scrub(text, repositoryRoot));
        string? expected = File.Exists(verifiedPath) ? Normalise(File.ReadAllText(verifiedPath, Utf8)) : null;
        if (expected == actual) return (true, actual, expected);
        File.WriteAllText(receivedPath, actual, Utf8);
        return (false, actual, expected);
    }

    /// <summary>The received file of a verified file (<c>X.verified.txt</c> → <c>X.received.txt</c>).</summary>
    public static string ReceivedPathOf(string verifiedPath) =>
        verifiedPath.EndsWith(".verified.txt", StringComparison.Ordinal) ? verifiedPath[..^".verified.txt".Length] + ".received.txt" : verifiedPath + ".received.txt";

    /// <summary>Moves a received file onto its verified file; returns the verified path.</summary>
    public static string Accept(string receivedPath)
    {
        if (!receivedPath.EndsWith(".received.txt", StringComparison.Ordinal))
            throw new ArgumentException($"'{receivedPath}' is not a .received.txt file", nameof(receivedPath));
        var verified = receivedPath[..^".received.txt".Length] + ".verified.txt";
        File.Move(receivedPath, verified, overwrite: true);
        return verified;
    }

    // A float with more than FloatDigits significant digits is rounded; exact short decimals are left alone.
    private static string TrimFloat(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v.ToString("G" + FloatDigits, CultureInfo.InvariantCulture) : s;

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|min)\b(?![\w\[])")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\w.\[])-?\d+\.\d{7,}(?:[eE][-+]?\d+)?")]
    private static partial Regex LongFloat();
}
