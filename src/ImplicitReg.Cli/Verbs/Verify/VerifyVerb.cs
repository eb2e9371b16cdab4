using System.CommandLine;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Reports.Verification;

namespace ImplicitReg.Cli.Verbs.Verify;

/// <summary>
/// <c>implicitreg verify [PATH…]</c>: runs every check of the claim files (the catalogue by default) in parallel,
/// with live progress on stderr, then prints the table, the reason of every mismatch and the diagnostics of broken
/// files. Exit 0 only when every verdict matches its expectation; 1 when one does not; 2 when a claim file is broken
/// (the others still run), or before any check runs when a prove check is selected and libz3 cannot load; 3 when a
/// check that should hold came back unknown.
/// </summary>
public sealed class VerifyVerb : ICliVerb
{
    private const string Notes =
        """
        PATH is a claim file (.yaml) or a directory searched recursively. Without PATH: proofs/ of the clone the
        current directory is in, else the copy of proofs/ shipped next to the binary. A check passes when its
        verdict (verified, refuted, unknown, error) is the one the file expects (expect: holds -> verified,
        expect: refuted -> refuted); unknown and error never pass. The claim-file format is in proofs/README.md.
        """;

    /// <inheritdoc />
    public string Name => "verify";

    /// <inheritdoc />
    public string Summary => "run the claims' checks (derive, prove, compare, simulate) and report verdicts";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "claim files or directories (default: the catalogue)" };
        var filter = CliOptions.Text("--filter", "only checks whose claim/check id or file contains TEXT (case-insensitive), or whose claim's theory is TEXT (M1..M9, E1..E4)");
        var jobs = CliOptions.Int("--jobs", "checks run at once", Environment.ProcessorCount, min: 1, max: 256);
        var json = CliOptions.Text("--json", "write the results as JSON (schema in docs/claims.md)", "FILE");
        var junit = CliOptions.Text("--junit", "write JUnit XML (one testcase per check)", "FILE");
        var certificates = CliOptions.Text("--certificates", "write the prove checks' SMT-LIB certificates under DIR/<claim>/", "DIR");
        var command = new VerbCommand(Name, Summary, "implicitreg verify proofs/razin2020",
            "0 every verdict as expected, 1 a verdict not as expected, 2 a broken claim file, bad options or libz3 missing for a prove check, 3 a check expected to hold came back unknown")
        {
            Notes = Notes,
        };
        command.Arguments.Add(paths);
        foreach (var o in new Option[] { filter, jobs, json, junit, certificates }) command.Options.Add(o);
        return command.Runs(r =>
        {
            var given = r.GetValue(paths) ?? [];
            IReadOnlyList<string> roots = given.Length > 0 ? given : [ClaimFiles.DefaultCatalogue()
                ?? throw new CliUsageException("no claim files given and no catalogue found (run inside a clone, or give PATH)")];
            // Outputs that cannot be written are refused before the checks run (the catalogue takes a minute), as
            // report refuses its --out: a bad --json path used to fail after the run, and a file in the way of
            // --certificates turned every prove check into an error verdict (exit 1) instead of bad input (exit 2).
            if (r.GetValue(json) is { } jsonFile) OutputFiles.RequireWritableFile(jsonFile, "--json");
            if (r.GetValue(junit) is { } junitFile) OutputFiles.RequireWritableFile(junitFile, "--junit");
            if (r.GetValue(certificates) is { } certificateDirectory) OutputFiles.RequireWritableDirectory(certificateDirectory, "--certificates");
            var result = ClaimRunner.Run(roots, new RunnerOptions
            {
                Jobs = r.GetValue(jobs),
                Filter = r.GetValue(filter),
                Limits = ClaimLimits.For(Budget.From(r)),
                // Without libz3 a run with prove checks is refused (exit 2, like `prove`), before the other checks spend minutes.
                RequireSolver = true,
                CertificateDirectory = r.GetValue(certificates),
                Cancel = io.Cancel,
                OnCheckDone = (c, done, total) =>
                    io.Err.WriteLine($"[{done}/{total}] {c.ClaimId}/{c.CheckId}: {ResultNames.Of(c.Verdict)}{(c.Passed ? "" : " (not as expected)")} in {VerificationText.Time(c.Time)}"),
            });
            io.Cancel.ThrowIfCancellationRequested();
            if (result.Claims.Count == 0)
                throw new CliUsageException(r.GetValue(filter) is { } f ? $"no check matches --filter '{f}'" : $"no claim files under {string.Join(", ", roots)}");
            VerificationText.Write(io.Out, result);
            if (r.GetValue(json) is { } jsonPath) Write(jsonPath, "--json", p => File.WriteAllText(p, VerificationJson.Render(result)));
            if (r.GetValue(junit) is { } junitPath) Write(junitPath, "--junit", p => VerificationJunit.Write(p, result));
            return result.ExitCode;
        });
    }

    private static void Write(string path, string option, Action<string> write)
    {
        try
        {
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot write the {option} file '{path}': {CliInput.Reason(path, e)}");
        }
    }
}
