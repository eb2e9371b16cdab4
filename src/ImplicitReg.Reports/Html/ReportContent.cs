using ImplicitReg.Claims.Results;
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
        foreach (var check in result.Checks)
        {
            if (check.Details is not ProofEvidence proof) continue;
            int n = 0;
            foreach (var file in proof.Obligations.SelectMany(o => o.CertificateFiles))
            {
                if (certificates.ContainsKey(file)) continue;
                n++;
                certificates[file] = $"{CertificateDirectory}/{EvidenceFigures.Slug(check.ClaimId)}.{EvidenceFigures.Slug(check.CheckId)}.{n}.smt2";
            }
        }
        return new ReportContent(result, provenance, figures, certificates);
    }

    /// <summary>The HTML id of a claim's section.</summary>
    public static string ClaimAnchor(string claimId) => "claim-" + EvidenceFigures.Slug(claimId);

    /// <summary>The HTML id of a check's subsection.</summary>
    public static string CheckAnchor(string claimId, string checkId) => ClaimAnchor(claimId) + "--" + EvidenceFigures.Slug(checkId);

    /// <summary>The figures of a claim (none when it has no plottable evidence).</summary>
    public IReadOnlyList<ClaimFigure> FiguresOf(string claimId) =>
        Figures.TryGetValue(claimId, out var f) ? f : [];
}
