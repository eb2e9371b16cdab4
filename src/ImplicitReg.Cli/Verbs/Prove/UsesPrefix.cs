using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>
/// The <c>[uses 1,7]</c> prefix of a lemma or of the statement: the earlier lemmas its step assumes (<c>[uses none]</c>:
/// none; no prefix: all). Why a prefix and not a <c>--uses</c> option: System.CommandLine collects a repeated option's
/// values without their position among other options, so a <c>--uses</c> could not be bound to "its" <c>--lemma</c>
/// without re-walking the raw tokens; in the text, the list travels with its statement (also through @file and stdin),
/// and <c>[</c> cannot begin a statement, so the prefix is never ambiguous.
/// </summary>
internal static partial class UsesPrefix
{
    [GeneratedRegex(@"^\s*\[\s*uses\b(?<list>[^\]]*)\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    /// <summary>The statement text without its prefix, and the lemma numbers the prefix names (null without a prefix).</summary>
    public static (string Text, IReadOnlyList<int>? Uses) Split(string text, string what)
    {
        var m = Prefix().Match(text);
        if (!m.Success)
        {
            if (text.TrimStart().StartsWith('['))
                throw new CliUsageException($"cannot read the {what}: a leading '[' must be a uses list such as '[uses 1,7] W[2,2] <= 1' (or '[uses none]')");
            return (text, null);
        }
        var list = m.Groups["list"].Value.Trim();
        var rest = text[m.Length..];
        if (list == "none") return (rest, []);
        var numbers = new List<int>();
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1)
                throw new CliUsageException(
                    $"cannot read the uses list of the {what}: '{item}' is not a lemma number; write '[uses 1,7]' (lemma numbers from 1, comma-separated) or '[uses none]'");
            numbers.Add(k);
        }
        return (rest, numbers);
    }
}
