using System.CommandLine;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Verbs.Verify;
using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Provenance;
using ImplicitReg.Reports.Verification;
using ImplicitReg.Solver.Native;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Report;

/// <summary>
/// <c>implicitreg report [PATH…] [--out DIR] [--filter TEXT] [--jobs N]</c>: runs the claims exactly as
/// <c>verify</c> does, then writes the reviewer's report into DIR: report.html (self-contained: inline SVG plots,
/// MathML formulas), report.md (LaTeX), results.json (the document of <c>verify --json</c>), provenance.json,
/// data/*.csv behind every plot and smt2/*.smt2 for every solver obligation. Exit codes are verify's.
/// </summary>
public sealed class ReportVerb : ICliVerb
{
    private const string Notes =
        """
        PATH is a claim file (.yaml) or a directory searched recursively; without PATH, the catalogue (as verify).
        Open DIR/report.html in any browser: it needs no network, scripts or fonts. Certificates replay from DIR
        with `z3 smt2/FILE` or `cvc5 smt2/FILE`. Earlier CSV and SMT-LIB files in DIR/data and DIR/smt2 are replaced.
        The report is written whatever the verdicts; the exit code says whether they were as expected.
        --experiments DIR adds, after the claims, a section per output directory of 'implicitreg reproduce' or
        'implicitreg merge' (setup, seeds, stopping rule, tables, the paper's claims, figures); each must hold a
        complete sweep. Give several as DIR1,DIR2 or by repeating the option.
        """;

    /// <inheritdoc />
    public string Name => "report";

    /// <inheritdoc />
    public string Summary => "run the claims and write a self-contained HTML report (plots, formulas, certificates)";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "claim files or directories (default: the catalogue)" };
        var output = CliOptions.Text("--out", "directory to write the report into (created if needed; default report/)", "DIR");
        var filter = CliOptions.Text("--filter", "only checks whose claim/check id or file contains TEXT (case-insensitive), or whose claim's theory is TEXT (M1..M9, E1..E4)");
        var jobs = CliOptions.Int("--jobs", "checks run at once", Environment.ProcessorCount, min: 1, max: 256);
        var experiments = CliOptions.Repeated("--experiments", "reproduction output directories to add as sections (DIR1,DIR2 or repeated)", "DIR");
        var command = new VerbCommand(Name, Summary, "implicitreg report --out out/",
            "0 every verdict as expected, 1 a verdict not as expected, 2 a broken claim file, bad options or an unwritable DIR, 3 a check expected to hold came back unknown")
        {
            Notes = Notes,
        };
        command.Arguments.Add(paths);
        foreach (var o in new Option[] { output, filter, jobs, experiments }) command.Options.Add(o);
        return command.Runs(r =>
        {
            var started = DateTimeOffset.UtcNow;
            var directory = r.GetValue(output) ?? "report";
            Prepare(directory);
            // Read before minutes of checks: an incomplete sweep is bad input, found at once.
            var sections = LoadExperiments(r.GetValue(experiments) ?? []);
            var given = r.GetValue(paths) ?? [];
            IReadOnlyList<string> roots = given.Length > 0 ? given : [ClaimFiles.DefaultCatalogue()
                ?? throw new CliUsageException("no claim files given and no catalogue found (run inside a clone, or give PATH)")];
            // Certificates are written to a scratch directory and copied under stable names (smt2/<claim>.<check>.<n>.smt2).
            var scratch = Directory.CreateTempSubdirectory("implicitreg-report-").FullName;
            try
            {
                var result = ClaimRunner.Run(roots, new RunnerOptions
                {
                    Jobs = r.GetValue(jobs),
                    Filter = r.GetValue(filter),
                Limits = ClaimLimits.For(Budget.From(r)),
                    CertificateDirectory = scratch,
                    Cancel = io.Cancel,
                    OnCheckDone = (c, done, total) =>
                        io.Err.WriteLine($"[{done}/{total}] {c.ClaimId}/{c.CheckId}: {ResultNames.Of(c.Verdict)}{(c.Passed ? "" : " (not as expected)")} in {VerificationText.Time(c.Time)}"),
                });
                io.Cancel.ThrowIfCancellationRequested();
                if (result.Claims.Count == 0)
                    throw new CliUsageException(r.GetValue(filter) is { } f ? $"no check matches --filter '{f}'" : $"no claim files under {string.Join(", ", roots)}");
                var z3 = Z3Library.Probe();
                // The claim files' working tree: were the results those of the recorded commit exactly?
                var provenance = ReportProvenance.Collect(result, started, z3.IsAvailable ? $"libz3 {z3.Version}" : "not available: " + z3.Message,
                    WorkingTree.Inspect(roots[0]));
                var content = ReportContent.Build(result, provenance) with { Experiments = sections };
                IReadOnlyList<string> written;
                try
                {
                    written = ReportBundle.Write(directory, content, ExperimentJson.Append(content.ResultsJson(), sections));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliUsageException($"cannot write the report into '{directory}': {e.Message}");
                }
                VerificationText.Write(io.Out, result);
                int figures = written.Count(w => w.StartsWith(ReportContent.DataDirectory + "/", StringComparison.Ordinal));
                int certificates = written.Count(w => w.StartsWith(ReportContent.CertificateDirectory + "/", StringComparison.Ordinal));
                var experimentText = sections.Count == 0 ? "" : $", {Plural.Count(sections.Count, "experiment section")}";
                io.Out.WriteLine($"report: {Path.Combine(directory, ReportBundle.HtmlFile)} ({Plural.Count(figures, "figure")}, {Plural.Count(certificates, "certificate")}{experimentText}; also report.md, results.json, provenance.json)");
                return result.ExitCode;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        });
    }

    /// <summary>The sections of <c>--experiments</c>, in the order given (comma-separated lists and repeats alike).</summary>
    private static IReadOnlyList<ExperimentSection> LoadExperiments(IEnumerable<string> values)
    {
        var directories = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        try
        {
            return directories.Select((d, i) => ExperimentLoader.Load(d, i + 1)).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    // Fail before minutes of checks, not after, when the directory cannot be written.
    private static void Prepare(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, ".implicitreg-write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The runtime's messages end with a full stop ("Could not find a part of the path '…'."): drop it before
            // the advice, and name a file that stands where a directory is needed, which that message does not say.
            var reason = FileInTheWay(directory) is { } file ? $"'{file}' is a file, not a directory" : e.Message.TrimEnd().TrimEnd('.');
            throw new CliUsageException($"--out: cannot write into '{directory}': {reason}; give a writable directory");
        }
    }

    private static string? FileInTheWay(string directory)
    {
        string full;
        try
        {
            full = Path.GetFullPath(directory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null; // not a path at all: the runtime's message says why
        }
        for (var d = full; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
            if (File.Exists(d)) return d;
        return null;
    }
}
