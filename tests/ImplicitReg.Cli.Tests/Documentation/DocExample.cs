using System.Text;
using System.Text.RegularExpressions;

namespace ImplicitReg.Cli.Tests.Documentation;

/// <summary>
/// One <c>$ implicitreg …</c> example of a Markdown page: the command line, the output the page shows, the exit
/// code it states (<c># exit N</c> or a last line <c>[exit N]</c>; 0 otherwise) and whether it is an excerpt
/// (piped through head, tail or sed -n, or marked <c># excerpt</c>). The conventions are in docs/cli.md.
/// </summary>
public sealed partial record DocExample(string File, int Line, string Command, IReadOnlyList<string> Expected, int ExitCode, bool Excerpt)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";

    /// <summary>Every example of one page, in order.</summary>
    public static IEnumerable<DocExample> Parse(string file, string[] lines)
    {
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (!inFence || !IsExample(lines[i])) continue;
            int start = i;
            var expected = new List<string>();
            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("$ ", StringComparison.Ordinal) &&
                   !lines[i + 1].TrimStart().StartsWith("```", StringComparison.Ordinal))
                expected.Add(lines[++i]);
            var (command, comment) = SplitComment(lines[start][2..]);
            int exit = 0;
            if (expected.Count > 0 && ExitLine().Match(expected[^1]) is { Success: true } last)
            {
                exit = int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                expected.RemoveAt(expected.Count - 1);
            }
            if (comment is not null && ExitComment().Match(comment) is { Success: true } stated)
                exit = int.Parse(stated.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            bool excerpt = comment?.Contains("excerpt", StringComparison.Ordinal) == true ||
                           SplitPipeline(command).Skip(1).Any(stage => stage.Length > 0 && stage[0] is "head" or "tail" or "sed");
            yield return new DocExample(file, start + 1, command, expected, exit, excerpt);
        }
    }

    /// <summary>A line that runs implicitreg: "$ implicitreg …", or "$ printf … | implicitreg …".</summary>
    private static bool IsExample(string line) =>
        line.StartsWith("$ implicitreg ", StringComparison.Ordinal) ||
        (line.StartsWith("$ printf ", StringComparison.Ordinal) && line.Contains("| implicitreg ", StringComparison.Ordinal));

    /// <summary>The command and its trailing comment: a '#' after white space, outside quotes.</summary>
    public static (string Command, string? Comment) SplitComment(string text)
    {
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                // Backslash escapes inside "…" and $'…' (not inside plain '…').
                if (c == '\\' && quote is '"' or '$') i++;
                else if (c == quote || (quote == '$' && c == '\'')) quote = '\0';
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                quote = '$';
                i++;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '\\') i++;
            else if (c == '#' && i > 0 && char.IsWhiteSpace(text[i - 1])) return (text[..i].TrimEnd(), text[(i + 1)..].Trim());
        }
        return (text.TrimEnd(), null);
    }

    /// <summary>The stages of a pipeline, each split into words the way a POSIX shell would ("…", '…', $'…', \x).</summary>
    public static List<string[]> SplitPipeline(string command)
    {
        var stages = new List<string[]>();
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            if (c == '|')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                stages.Add([.. words]);
                words.Clear();
                continue;
            }
            inWord = true;
            if (c == '$' && i + 1 < command.Length && command[i + 1] == '\'')
            {
                // $'…': ANSI-C quoting with \n, \t, \', \\ escapes.
                for (i += 2; i < command.Length && command[i] != '\''; i++)
                {
                    if (command[i] == '\\' && i + 1 < command.Length)
                    {
                        i++;
                        word.Append(command[i] switch { 'n' => '\n', 't' => '\t', var other => other });
                    }
                    else word.Append(command[i]);
                }
            }
            else if (c == '\'')
            {
                for (i++; i < command.Length && command[i] != '\''; i++) word.Append(command[i]);
            }
            else if (c == '"')
            {
                for (i++; i < command.Length && command[i] != '"'; i++)
                {
                    if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`') i++;
                    word.Append(command[i]);
                }
            }
            else if (c == '\\' && i + 1 < command.Length) word.Append(command[++i]);
            else word.Append(c);
        }
        if (inWord) words.Add(word.ToString());
        stages.Add([.. words]);
        return stages;
    }

    /// <summary>printf's format with the escapes the pages use (\n, \t, \\); no conversions.</summary>
    public static string Printf(string format) =>
        format.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex(@"^\[exit (\d+)\]\s*$")]
    private static partial Regex ExitLine();

    [GeneratedRegex(@"\bexit (\d+)\b")]
    private static partial Regex ExitComment();
}
