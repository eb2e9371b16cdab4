using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// One step of a solver obligation as the report shows it: a lemma of a proof by lemmas, or the statement itself,
/// with the lemmas it assumes and its certificates (one per case).
/// </summary>
/// <param name="Lemma">The lemma's number (1-based), or null for the statement.</param>
/// <param name="Statement">The lemma as the claim file writes it (premises included), or the solver's reading of it.</param>
/// <param name="Verdict">proved, refuted, unknown …; the obligation's verdict for the statement.</param>
/// <param name="Reason">Why a lemma was not proved, or null.</param>
/// <param name="Uses">The earlier lemmas this step assumes (empty: none).</param>
/// <param name="Certificates">Its certificate files, as the check reported them, with the case each one decides (0: one case).</param>
public sealed record ProofStep(int? Lemma, string Statement, string Verdict, string? Reason, IReadOnlyList<int> Uses,
    IReadOnlyList<(string File, int Case)> Certificates);

/// <summary>
/// Splits an obligation into the steps of its proof: every lemma, then the statement, each with its own certificates.
/// A check names its certificates <c>&lt;obligation&gt;[-lemmaK][-caseJ].smt2</c>; the report renames them
/// <c>smt2/&lt;claim&gt;.&lt;check&gt;.&lt;n&gt;.smt2</c>, so without this a reviewer could not tell which file proves which lemma.
/// </summary>
public static partial class ProofSteps
{
    /// <summary>
    /// The steps of obligation <paramref name="index"/> of <paramref name="count"/> of check <paramref name="checkId"/>;
    /// <paramref name="spec"/> (the check as the claim file states it, or null) gives the lemmas' text and what each uses.
    /// </summary>
    public static IReadOnlyList<ProofStep> Of(ObligationEvidence o, string checkId, int index, int count, ProveCheckSpec? spec)
    {
        // The obligation's name, as ProveCheck gives it: the check's id, or id-k when the check has several statements.
        var name = count == 1 ? checkId : string.Create(CultureInfo.InvariantCulture, $"{checkId}-{index + 1}");
        var files = new Dictionary<int, List<(string, int)>>();
        foreach (var file in o.CertificateFiles)
        {
            var (lemma, @case) = Parse(Path.GetFileNameWithoutExtension(file), name);
            if (!files.TryGetValue(lemma, out var list)) files[lemma] = list = [];
            list.Add((file, @case));
        }
        var lemmaSpecs = spec?.Lemmas.Count == o.Lemmas.Count ? spec.Lemmas : null;
        var steps = new List<ProofStep>();
        for (var k = 1; k <= o.Lemmas.Count; k++)
        {
            var l = o.Lemmas[k - 1];
            var written = lemmaSpecs?[k - 1];
            IReadOnlyList<int> uses = written is null ? [] : written.Uses ?? Enumerable.Range(1, k - 1).ToList();
            steps.Add(new ProofStep(k, written?.Statement.Text ?? l.Lemma, l.Verdict, l.Reason, uses, files.GetValueOrDefault(k) ?? []));
        }
        IReadOnlyList<int> statementUses = o.Lemmas.Count == 0 ? [] : spec?.Uses ?? Enumerable.Range(1, o.Lemmas.Count).ToList();
        steps.Add(new ProofStep(null, o.Statement, o.Verdict, null, statementUses, files.GetValueOrDefault(0) ?? []));
        return steps;
    }

    /// <summary>What a certificate decides, e.g. <c>lemma 8, case 2</c> or <c>the statement</c>.</summary>
    public static string Label(int? lemma, int @case) =>
        (lemma is { } k ? string.Create(CultureInfo.InvariantCulture, $"lemma {k}") : "the statement") +
        (@case > 0 ? string.Create(CultureInfo.InvariantCulture, $", case {@case}") : "");

    /// <summary>"uses lemmas 7, 8, 9", "uses no lemma".</summary>
    public static string UsesText(IReadOnlyList<int> uses) =>
        uses.Count == 0 ? "assumes no lemma" : (uses.Count == 1 ? "assumes lemma " : "assumes lemmas ") + string.Join(", ", uses);

    // (lemma number or 0 for the statement, case number or 0 for a single case) from the file's stem.
    private static (int Lemma, int Case) Parse(string stem, string name)
    {
        if (!stem.StartsWith(name, StringComparison.Ordinal)) return (0, 0);
        var m = Suffix().Match(stem[name.Length..]);
        if (!m.Success) return (0, 0);
        int Number(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return (Number(m.Groups[1]), Number(m.Groups[2]));
    }

    [GeneratedRegex(@"^(?:-lemma(\d+))?(?:-case(\d+))?$")]
    private static partial Regex Suffix();
}
