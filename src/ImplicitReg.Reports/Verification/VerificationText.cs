using System.Globalization;
using ImplicitReg.Claims.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImplicitReg.Reports.Verification;

/// <summary>
/// The text report of <c>implicitreg verify</c>: a table (claim, check, expected, verdict, time, evidence), then
/// why each mismatch happened, the diagnostics of broken files, and a summary line. Rendered by Spectre.Console
/// without colour or ANSI codes, so it reads the same in a terminal, a CI log and a snapshot.
/// </summary>
public static class VerificationText
{
    /// <summary>Widest table rendered; the evidence column wraps beyond it.</summary>
    public const int Width = 160;

    /// <summary>Writes the text report of <paramref name="result"/>: the table, one line per check that did not come out as expected, the diagnostics of broken files, the summary line.</summary>
    public static void Write(TextWriter output, VerificationResult result)
    {
        var checks = result.Checks.ToList();
        if (checks.Count > 0) output.Write(Render(Table(result)));
        foreach (var c in checks.Where(c => !c.Passed))
            output.WriteLine($"{c.Location}: {c.ClaimId}/{c.CheckId}: expected {ResultNames.Of(c.Expected)}, got {ResultNames.Of(c.Verdict)}: {c.Reason ?? c.Evidence}");
        foreach (var d in result.Diagnostics) output.WriteLine($"{d}");
        output.WriteLine(Summary(result));
    }

    /// <summary>
    /// Renders with Spectre.Console into plain text (no colour, no ANSI codes, <see cref="Width"/> columns), with
    /// trailing spaces trimmed so the output diffs and snapshots cleanly.
    /// </summary>
    public static string Render(IRenderable renderable)
    {
        var buffer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = Width;
        console.Write(renderable);
        var lines = buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The table alone.</summary>
    public static IRenderable Table(VerificationResult result)
    {
        var table = new Table().Border(TableBorder.Minimal)
            .AddColumn("claim").AddColumn("check").AddColumn("expected").AddColumn("verdict")
            .AddColumn(new TableColumn("time").RightAligned()).AddColumn("evidence");
        foreach (var c in result.Checks)
        {
            var verdict = ResultNames.Of(c.Verdict) + (c.Passed ? "" : " (!)");
            table.AddRow(Cell(c.ClaimId), Cell(c.CheckId), Cell(ResultNames.Of(c.Expected)), Cell(verdict), Cell(Time(c.Time)), Cell(c.Evidence));
        }
        return table;
    }

    /// <summary>e.g. <c>verify: 12 claims, 30 checks: 30 as expected, 0 not; 0 broken files; 14.2 s with 2 jobs</c>.</summary>
    public static string Summary(VerificationResult result)
    {
        var (claims, checks, passed, failed, broken) = result.Counts;
        var unknown = result.Checks.Count(c => c.UnknownWhereHolds);
        return $"verify: {claims - broken} claim{(claims - broken == 1 ? "" : "s")}, {checks} check{(checks == 1 ? "" : "s")}: {passed} as expected, {failed} not" +
               (unknown > 0 ? $" ({unknown} unknown where expected to hold)" : "") +
               $"; {broken} broken file{(broken == 1 ? "" : "s")}; {Seconds(result.Elapsed)} with {result.Jobs} job{(result.Jobs == 1 ? "" : "s")}";
    }

    /// <summary>A check's time: milliseconds below 10 s, else seconds.</summary>
    public static string Time(TimeSpan t) =>
        t.TotalSeconds < 10 ? $"{t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms" : Seconds(t);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s";

    // Claim text is data, not Spectre markup: '[' in formulas must print as itself.
    private static Text Cell(string text) => new(text);
}
