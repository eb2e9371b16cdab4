using System.Text.RegularExpressions;

namespace ImplicitReg.Cli.Tests.Documentation;

/// <summary>
/// The one scrubbing rule of the documentation test (docs/cli.md), applied to the page and to the program's output
/// alike: wall-clock times (a number followed by ms or s), rates (steps per second) and the versions of the external
/// solvers and the Z3 portfolio member that answered first become placeholders, the tag ' (reversed)' of the assertion order is dropped, the example's working directory becomes relative, and runs of spaces become one
/// (so columns re-aligned around a scrubbed number still match). Nothing else is loosened.
/// </summary>
public static partial class OutputScrubber
{
    /// <summary>The scrubbed line.</summary>
    public static string Scrub(string line, string? workingDirectory = null)
    {
        if (workingDirectory is not null) line = line.Replace(workingDirectory.TrimEnd('/') + "/", "", StringComparison.Ordinal);
        line = Time().Replace(line, "<time>");
        line = Rate().Replace(line, "${1}<rate>");
        line = SolverVersion().Replace(line, "${1} <version>");
        // Z3 runs a portfolio (qfnra-nlsat on two assertion orders, then its default solver); which member answers
        // first depends on the machine's load, so the member's name is a placeholder.
        line = line.Replace(" (reversed)", "", StringComparison.Ordinal);
        line = PortfolioMember().Replace(line, "${1} <strategy>");
        line = Spaces().Replace(line, " ");
        return line.TrimEnd();
    }

    /// <summary>Lines of <paramref name="text"/>, scrubbed, without trailing empty lines.</summary>
    public static List<string> Lines(IEnumerable<string> lines, string? workingDirectory = null)
    {
        var result = lines.Select(l => Scrub(l, workingDirectory)).ToList();
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    [GeneratedRegex(@"\b\d+(\.\d+)? ?(ms|s)\b")]
    private static partial Regex Time();

    [GeneratedRegex(@"(steps per second: |steps/s: )\d+(\.\d+)?")]
    private static partial Regex Rate();

    [GeneratedRegex(@"\b(z3|cvc5) \d+\.\d+(\.\d+)?")]
    private static partial Regex SolverVersion();

    [GeneratedRegex(@"(z3 <version>) (qfnra-nlsat|default)\b")]
    private static partial Regex PortfolioMember();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();
}
