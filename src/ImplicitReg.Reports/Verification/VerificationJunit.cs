using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ImplicitReg.Claims.Results;

namespace ImplicitReg.Reports.Verification;

/// <summary>
/// JUnit XML for CI systems: one <c>&lt;testsuite&gt;</c> per claim file, one <c>&lt;testcase&gt;</c> per check
/// (<c>classname</c> = the claim, <c>name</c> = the check, <c>time</c> in seconds); a check that did not come back
/// as expected has a <c>&lt;failure&gt;</c> with the reason (an error verdict: <c>&lt;error&gt;</c>); a broken file
/// is a suite with one <c>load</c> test case in error, listing its diagnostics.
/// </summary>
public static class VerificationJunit
{
    /// <summary>The result as a JUnit XML document: <c>&lt;testsuites&gt;</c> with totals, one suite per claim file.</summary>
    public static XDocument Build(VerificationResult result)
    {
        var suites = new List<XElement>();
        foreach (var claim in result.Claims)
        {
            var cases = claim.Broken
                ? [new XElement("testcase", new XAttribute("classname", claim.Id), new XAttribute("name", "load"), new XAttribute("time", "0"),
                    new XElement("error", new XAttribute("message", "claim file is broken"), new XAttribute("type", "broken"),
                        string.Join("\n", claim.Diagnostics.Select(d => d.ToString())))) ]
                : claim.Checks.Select(Case).ToList();
            suites.Add(new XElement("testsuite",
                new XAttribute("name", claim.File),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", claim.Checks.Count(c => !c.Passed && c.Verdict != CheckVerdict.Error)),
                new XAttribute("errors", claim.Broken ? 1 : claim.Checks.Count(c => !c.Passed && c.Verdict == CheckVerdict.Error)),
                new XAttribute("time", Seconds(claim.Time)),
                cases));
        }
        var checks = result.Checks.ToList();
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("name", "implicitreg verify"),
            new XAttribute("tests", checks.Count + result.Claims.Count(c => c.Broken)),
            new XAttribute("failures", checks.Count(c => !c.Passed && c.Verdict != CheckVerdict.Error)),
            new XAttribute("errors", checks.Count(c => !c.Passed && c.Verdict == CheckVerdict.Error) + result.Claims.Count(c => c.Broken)),
            new XAttribute("time", Seconds(result.Elapsed)),
            suites));
    }

    /// <summary>Writes <see cref="Build"/>'s document to <paramref name="path"/>, indented, UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, VerificationResult result)
    {
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new System.Text.UTF8Encoding(false) });
        Build(result).Save(writer);
    }

    private static XElement Case(CheckResult c)
    {
        var e = new XElement("testcase",
            new XAttribute("classname", c.ClaimId),
            new XAttribute("name", c.CheckId),
            new XAttribute("time", Seconds(c.Time)));
        if (!c.Passed)
        {
            var message = $"expected {ResultNames.Of(c.Expected)}, got {ResultNames.Of(c.Verdict)}: {c.Evidence}";
            e.Add(new XElement(c.Verdict == CheckVerdict.Error ? "error" : "failure",
                new XAttribute("message", message), new XAttribute("type", ResultNames.Of(c.Verdict)),
                $"{c.Location}\n{c.Reason ?? c.Evidence}"));
        }
        e.Add(new XElement("system-out", $"{ResultNames.Of(c.Kind)}: {ResultNames.Of(c.Verdict)} ({c.Evidence})"));
        return e;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}
