using System.Globalization;
using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Reports.Plots;
using ImplicitReg.Reports.Provenance;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// Everything the report's renderers (HTML, Markdown) draw from: the verification result, its provenance, the
/// figures chosen for each claim, and where each solver certificate sits inside the report directory.
/// </summary>
/// <param name="Result">The claims and their checks, as <c>verify</c> produced them.</param>
/// <param name="Provenance">Versions, machine, seeds and times.</param>
/// <param name="Figures">Claim id → its figures.</param>
/// <param name="Certificates">Certificate path as the check reported it → path relative to the report directory.</param>
public sealed record ReportContent(
    VerificationResult Result,
    ReportProvenance Provenance,
    IReadOnlyDictionary<string, IReadOnlyList<ClaimFigure>> Figures,
    IReadOnlyDictionary<string, string> Certificates)
{
    /// <summary>
    /// Claim id → what its file states beyond the results: assumptions and model. Read again from the claim file
    /// (the results carry the verdicts, not the whole claim); empty for a file that no longer loads.
    /// </summary>
    public IReadOnlyDictionary<string, ClaimSpec> Specs { get; init; } = new Dictionary<string, ClaimSpec>(StringComparer.Ordinal);

    /// <summary>Certificates (as the checks reported them) of obligations the solver proved.</summary>
    public IReadOnlySet<string> ProvedCertificates { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Reproduction directories shown after the claims (<c>report --experiments</c>), in the order given.</summary>
    public IReadOnlyList<Experiments.ExperimentSection> Experiments { get; init; } = [];

    /// <summary>Directory of the CSV files, relative to the report.</summary>
    public const string DataDirectory = "data";

    /// <summary>Directory of the SMT-LIB certificates, relative to the report.</summary>
    public const string CertificateDirectory = "smt2";

    /// <summary>
    /// Chooses the figures and names the certificates: <c>smt2/{claim}.{check}.{n}.smt2</c>, numbered in the order
    /// the check listed them, so the names depend only on the claims, never on temporary paths.
    /// </summary>
    public static ReportContent Build(VerificationResult result, ReportProvenance provenance)
    {
        var figures = result.Claims.ToDictionary(c => c.Id, c => EvidenceFigures.For(c), StringComparer.Ordinal);
        var certificates = new Dictionary<string, string>(StringComparer.Ordinal);
        var proved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in result.Checks)
        {
            if (check.Details is not ProofEvidence proof) continue;
            int n = 0;
            foreach (var o in proof.Obligations.Where(o => o.Verdict == "proved")) proved.UnionWith(o.CertificateFiles);
            foreach (var file in proof.Obligations.SelectMany(o => o.CertificateFiles))
            {
                if (certificates.ContainsKey(file)) continue;
                n++;
                certificates[file] = $"{CertificateDirectory}/{EvidenceFigures.Slug(check.ClaimId)}.{EvidenceFigures.Slug(check.CheckId)}.{n}.smt2";
            }
        }
        var specs = new Dictionary<string, ClaimSpec>(StringComparer.Ordinal);
        foreach (var claim in result.Claims.Where(c => !c.Broken && File.Exists(c.File)))
        {
            if (ClaimLoader.LoadFile(claim.File) is { Ok: true, Claim: { } spec }) specs[claim.Id] = spec;
        }
        // Every seed, in the order of the checks: the simulate checks' as the provenance collected them from their evidence;
        // a compare check's initialization is drawn from the seed its claim file gives (0 without one), which neither its
        // evidence nor the provenance (it reads no claim file) carries, so it is added here from the spec.
        var collected = new Dictionary<(string, string), SeedRecord>();
        foreach (var s in provenance.Seeds) collected.TryAdd((s.Claim, s.Check), s);
        var seeds = result.Checks.Select(c => collected.GetValueOrDefault((c.ClaimId, c.CheckId))
                ?? (specs.GetValueOrDefault(c.ClaimId)?.Checks.FirstOrDefault(k => k.Id == c.CheckId) is CompareCheckSpec compare
                    ? new SeedRecord(c.ClaimId, c.CheckId, CheckSettings.Seed(compare) ?? 0) : null))
            .OfType<SeedRecord>().ToList();
        return new ReportContent(result, provenance with { Seeds = seeds }, figures, certificates) { ProvedCertificates = proved, Specs = specs };
    }

    /// <summary>The check as its claim file states it (options, note, lemmas), or null when the file no longer loads.</summary>
    public CheckSpec? SpecOf(string claimId, string checkId) =>
        Specs.TryGetValue(claimId, out var claim) ? claim.Checks.FirstOrDefault(c => c.Id == checkId) : null;

    /// <summary>Where a certificate sits in the report directory (<c>smt2/…</c>), or the path the check reported.</summary>
    public string CertificatePath(string file) => Certificates.TryGetValue(file, out var relative) ? relative : file;

    /// <summary>
    /// The report's <c>results.json</c>: the document of <c>verify --json</c>, with every certificate named by its place in
    /// the report (<c>smt2/…</c>). The checks wrote them into a scratch directory that is deleted when the command ends
    /// and named differently on every run: those paths would lead nowhere and change the file's bytes from run to run.
    /// </summary>
    public string ResultsJson() => Verification.VerificationJson.Render(Result with
    {
        Claims = Result.Claims.Select(c => c with
        {
            Checks = c.Checks.Select(k => k.Details is ProofEvidence p
                ? k with { Details = new ProofEvidence(p.Obligations.Select(o => o with { CertificateFiles = o.CertificateFiles.Select(CertificatePath).ToList() }).ToList()) }
                : k).ToList(),
        }).ToList(),
    });

    /// <summary>The HTML id of a claim's section.</summary>
    public static string ClaimAnchor(string claimId) => "claim-" + EvidenceFigures.Slug(claimId);

    /// <summary>The HTML id of a check's subsection.</summary>
    public static string CheckAnchor(string claimId, string checkId) => ClaimAnchor(claimId) + "--" + EvidenceFigures.Slug(checkId);

    /// <summary>The figures of a claim (none when it has no plottable evidence).</summary>
    public IReadOnlyList<ClaimFigure> FiguresOf(string claimId) =>
        Figures.TryGetValue(claimId, out var f) ? f : [];

    /// <summary>The model of a claim file in one line, e.g. <c>deep-matrix, depth 2, loss half-sse, problem 2x2</c>.</summary>
    public static string? DescribeModel(ModelSpec m)
    {
        var parts = new List<string>();
        if (m.Factorization is { } f) parts.Add(f);
        if (m.Depth is { } d) parts.Add("depth " + d.ToString(CultureInfo.InvariantCulture));
        if (m.Depths is { Count: > 0 } ds) parts.Add("depths " + string.Join(", ", ds));
        if (m.Dims is { Count: > 0 } dims) parts.Add("dims " + string.Join(",", dims));
        if (m.Loss is { } l) parts.Add("loss " + l);
        if (m.Problem is { } p) parts.Add("problem " + p);
        if (m.Observations is { Count: > 0 } obs)
            parts.Add("observed " + string.Join(", ", obs.Select(o => FormattableString.Invariant($"({o.Row},{o.Column}) = {o.Target}"))));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
