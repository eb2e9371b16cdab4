using System.Globalization;
using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Tables;
using Spectre.Console.Rendering;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Verification;

/// <summary>
/// The text report of <c>implicitreg verify</c>: a table (claim, check, expected, verdict, time, evidence), then
/// why each mismatch happened, the diagnostics of broken files, and a summary line. The table is a <see cref="TextTable"/>
/// (Spectre.Console, plain text), so it reads the same in a terminal, a CI log and a snapshot.
/// </summary>
public static class VerificationText
{
    /// <summary>Writes the text report of <paramref name="result"/>: the table, one line per check that did not come out as expected, the diagnostics of broken files, the summary line.</summary>
    public static void Write(TextWriter output, VerificationResult result)
    {
        var checks = result.Checks.ToList();
        if (checks.Count > 0) output.Write(TextTable.Render(Table(result)));
        foreach (var c in checks.Where(c => !c.Passed))
            output.WriteLine($"{c.Location}: {c.ClaimId}/{c.CheckId}: expected {ResultNames.Of(c.Expected)}, got {ResultNames.Of(c.Verdict)}: {c.Reason ?? c.Evidence}");
        foreach (var d in result.Diagnostics) output.WriteLine($"{d}");
        output.WriteLine(Summary(result));
    }

    /// <summary>The table alone.</summary>
    public static IRenderable Table(VerificationResult result)
    {
        var table = TextTable.Create(TextTable.Left("claim"), TextTable.Left("check"), TextTable.Left("expected"), TextTable.Left("verdict"),
            TextTable.Right("time"), TextTable.Left("evidence"));
        foreach (var c in result.Checks)
        {
            var verdict = ResultNames.Of(c.Verdict) + (c.Passed ? "" : " (!)");
            table.Row(c.ClaimId, c.CheckId, ResultNames.Of(c.Expected), verdict, Time(c.Time), c.Evidence);
        }
        return table;
    }

    /// <summary>e.g. <c>verify: 12 claims, 30 checks: 30 as expected, 0 not; 0 broken files; 14.2 s with 2 jobs</c>.</summary>
    public static string Summary(VerificationResult result)
    {
        var (claims, checks, passed, failed, broken) = result.Counts;
        var unknown = result.Checks.Count(c => c.UnknownWhereHolds);
        return $"verify: {Plural.Count(claims - broken, "claim")}, {Plural.Count(checks, "check")}: {passed} as expected, {failed} not" +
               (unknown > 0 ? $" ({unknown} unknown where expected to hold)" : "") +
               $"; {Plural.Count(broken, "broken file")}; {Seconds(result.Elapsed)} with {Plural.Count(result.Jobs, "job")}";
    }

    /// <summary>A check's time: milliseconds below 10 s, else seconds.</summary>
    public static string Time(TimeSpan t) =>
        t.TotalSeconds < 10 ? $"{t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms" : Seconds(t);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s";
}
