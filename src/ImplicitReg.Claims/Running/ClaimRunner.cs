using System.Diagnostics;
using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Solver.Native;

namespace ImplicitReg.Claims.Running;

/// <summary>Options of <see cref="ClaimRunner.Run"/>.</summary>
public sealed record RunnerOptions
{
    /// <summary>Checks run at once (default: the number of cores).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Only checks whose <c>claim/check</c>, file or theory contains this (case-insensitive), or null for all.</summary>
    public string? Filter { get; init; }

    /// <summary>A programmatic selection (claim id, check id) applied after <see cref="Filter"/>, or null for all.</summary>
    public Func<string, string, bool>? Select { get; init; }

    /// <summary>Where prove checks write certificates, or null.</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>Called as each check finishes (from worker threads, one at a time), with the count done and the total.</summary>
    public Action<CheckResult, int, int>? OnCheckDone { get; init; }

    /// <summary>
    /// The memory budget and work limit every simulate and compare check's run must fit (the command line passes those
    /// of its verbs), checked when a claim file is loaded: a run over them is a load error at the key that implies it.
    /// Null checks nothing.
    /// </summary>
    public RunLimits? Limits { get; init; }

    /// <summary>
    /// When true, a run whose selected checks include a prove check first requires libz3 (<see cref="Solver.Native.Z3Library.Require"/>):
    /// without it, <see cref="ClaimRunner.Run"/> throws <see cref="SolverUnavailableException"/> (naming what to install)
    /// before any check runs, instead of minutes of other checks and then every prove check an error. <c>verify</c>
    /// sets it; <c>report</c> does not (it documents a missing solver in its provenance).
    /// </summary>
    public bool RequireSolver { get; init; }

    /// <summary>The libz3 name or path the prove checks require, or null for the default names (tests point it at a missing file).</summary>
    public string? Z3Library { get; init; }

    /// <summary>Stops the run; checks not started are reported as errors.</summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>
/// Loads claim files and runs their checks in parallel (<see cref="RunnerOptions.Jobs"/> at a time), timing each.
/// Results come back in a deterministic order, whatever the scheduling: claims by file path (ordinal), checks in
/// file order. A broken file is reported with its diagnostics and never stops the others.
/// </summary>
public static class ClaimRunner
{
    /// <summary>Loads every claim file under <paramref name="paths"/> (files or directories; a missing path or a broken file is reported with its diagnostics) and runs the selected checks: one result per check, claims by path and checks in file order. Throws <see cref="SolverUnavailableException"/> only under <see cref="RunnerOptions.RequireSolver"/>.</summary>
    public static VerificationResult Run(IEnumerable<string> paths, RunnerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var files = ClaimFiles.Expand(paths, out var missing);
        var loaded = files.Select(f => ClaimLoader.LoadFile(f, limits: options.Limits)).ToList();
        var broken = new List<ClaimResult>();
        foreach (var m in missing)
            broken.Add(Broken(m, [new ClaimDiagnostic(m, 1, 1, "no such file or directory")]));
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new List<ClaimSpec>();
        foreach (var l in loaded)
        {
            if (!l.Ok)
            {
                if (Matches(options.Filter, l.File)) broken.Add(Broken(l.File, l.Diagnostics));
                continue;
            }
            var claim = l.Claim!;
            if (seenIds.TryGetValue(claim.Id, out var other))
            {
                broken.Add(Broken(l.File, [new ClaimDiagnostic(l.File, 1, 1, $"duplicate claim id '{claim.Id}': {other} has it too; ids are unique across the catalogue")]));
                continue;
            }
            seenIds[claim.Id] = l.File;
            claims.Add(claim);
        }

        var work = claims.SelectMany(c => c.Checks.Where(k => Selected(options.Filter, c, k) && (options.Select?.Invoke(c.Id, k.Id) ?? true))
            .Select(k => (Claim: c, Check: k))).ToList();
        // A setup problem refuses the whole run at once (the same decision and message as `prove`), before any check runs.
        if (options.RequireSolver && work.Any(w => w.Check is ProveCheckSpec)) Solver.Native.Z3Library.Require(options.Z3Library);
        var results = new CheckResult[work.Count];
        int done = 0;
        var gate = new object();
        var context = new CheckContext(options.CertificateDirectory, ClaimFiles.RepositoryRoot(), options.Cancel) { Z3Library = options.Z3Library };
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs) }, i =>
        {
            results[i] = CheckRunner.Run(work[i].Claim, work[i].Check, context);
            lock (gate) options.OnCheckDone?.Invoke(results[i], ++done, work.Count);
        });

        var byClaim = work.Select((w, i) => (w.Claim, Result: results[i])).GroupBy(x => x.Claim).ToDictionary(g => g.Key, g => g.Select(x => x.Result).ToList());
        var claimResults = claims.Where(byClaim.ContainsKey).Select(c => new ClaimResult
        {
            Id = c.Id,
            Title = c.Title,
            File = c.File,
            Paper = c.Source?.Paper,
            Where = c.Source?.Where,
            Theory = c.Theory,
            Prose = c.Prose,
            Formulas = c.Formulas.Select(f => f.Text).ToList(),
            Checks = byClaim[c],
        });
        var all = claimResults.Concat(broken).OrderBy(c => c.File, StringComparer.Ordinal).ToList();
        return new VerificationResult(all, clock.Elapsed, Math.Max(1, options.Jobs));
    }

    private static ClaimResult Broken(string file, IReadOnlyList<ClaimDiagnostic> diagnostics) => new()
    {
        Id = Path.GetFileNameWithoutExtension(file),
        Title = "",
        File = file,
        Diagnostics = diagnostics,
    };

    private static bool Selected(string? filter, ClaimSpec c, CheckSpec k) =>
        filter is null || $"{c.Id}/{k.Id}".Contains(filter, StringComparison.OrdinalIgnoreCase) ||
        Matches(filter, c.File) || string.Equals(c.Theory, filter, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string? filter, string file) => filter is null || file.Contains(filter, StringComparison.OrdinalIgnoreCase);
}
