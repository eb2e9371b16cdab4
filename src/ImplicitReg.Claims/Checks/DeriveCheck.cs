using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Symbolic.Printing.Snapshots;

namespace ImplicitReg.Claims.Checks;

/// <summary>
/// A derive check: the derivation of Models' registry, run with the claim's options and its published formulas
/// (data of the claim file), compared by the kernel. Verified when the conclusion is proved, refuted when a step
/// is disproved (with the witness), unknown when only numeric. With <c>snapshot: true</c> the whole derived text
/// must also equal <c>&lt;claim&gt;.&lt;check&gt;.verified.txt</c> beside the claim file; a mismatch or a
/// missing file writes <c>.received.txt</c> and is an error whatever the expectation (approve with
/// <c>implicitreg accept</c>).
/// </summary>
internal static class DeriveCheck
{
    public static (CheckVerdict Verdict, string Evidence, string? Reason, CheckEvidence? Details) Run(ClaimSpec claim, DeriveCheckSpec spec, CheckContext context)
    {
        Derivation d;
        try
        {
            d = spec.Derivation.Run(spec.Options with { Published = spec.Published });
        }
        catch (DerivationOptionException e)
        {
            // A published formula that does not parse, or options outside the derivation's cases: name the place.
            var at = spec.PublishedLocations.FirstOrDefault(kv => e.Message.Contains($"'{kv.Key}'", StringComparison.Ordinal)).Value ?? spec.Location;
            // Known only once the derivation runs (its depth limit, the names it binds), but the claim file's fault: bad input.
            throw new ClaimDataException($"{at}: {e.Spelled(Loading.DeriveValidation.ClaimKey)}");
        }
        var steps = d.Steps.Select(s => new DerivationStepEvidence(s.Name,
            s.Equations.Select(e => new FormulaEvidence(e.LhsText, e.RelationText, e.RhsText, e.Lhs, e.Rhs, e.Form == EquationForm.Rate)).ToList(),
            s.Reason, Verdicts.Name(s.Verdict), s.Witness)).ToList();
        var published = PublishedFormula.Resolve(spec.Derivation, spec.Options with { Published = spec.Published });

        SnapshotEvidence? snapshot = null;
        if (spec.Snapshot)
        {
            var verified = SnapshotPath(claim, spec.Id);
            var (matched, actual, expected) = SnapshotText.Compare(DerivationText.Render(d), verified, SnapshotText.ReceivedPathOf(verified), context.RepositoryRoot);
            string? difference = expected is not null && SnapshotText.FirstDifference(expected, actual) is var (line, e, a)
                ? $"line {line}: verified '{e}', received '{a}'" : null;
            snapshot = new SnapshotEvidence(verified, matched ? null : SnapshotText.ReceivedPathOf(verified),
                matched ? SnapshotOutcome.Matched : expected is null ? SnapshotOutcome.New : SnapshotOutcome.Mismatched, difference);
        }
        var details = new DerivationEvidence(spec.Derivation.Name, d.Setting, steps, published, Verdicts.Name(d.Conclusion), d.ConclusionText, snapshot);
        if (snapshot is { Outcome: not SnapshotOutcome.Matched })
            return (CheckVerdict.Error, snapshot.Outcome == SnapshotOutcome.New ? "new snapshot" : "snapshot differs",
                (snapshot.Outcome == SnapshotOutcome.New ? $"no verified snapshot yet: received {snapshot.ReceivedPath}" : $"the derived text differs from {snapshot.VerifiedPath} at {snapshot.FirstDifference}; received {snapshot.ReceivedPath}") +
                $"; if the received text is right, approve it with: implicitreg accept {claim.File}", details);

        var disproved = d.Steps.FirstOrDefault(s => s.Verdict == Verdict.Disproved);
        return d.Conclusion switch
        {
            Verdict.Proved => (CheckVerdict.Verified, Short(d.ConclusionText), null, details),
            Verdict.Disproved => (CheckVerdict.Refuted, disproved is null ? Short(d.ConclusionText) : $"step '{disproved.Name}' disproved",
                disproved is null ? d.ConclusionText
                    : $"step '{disproved.Name}' is disproved{(disproved.Witness is { } w ? $" at {w}" : "")}: {FirstEquation(disproved)}; {d.ConclusionText}", details),
            Verdict.NumericOnly => (CheckVerdict.Unknown, "numeric only", d.ConclusionText, details),
            _ => (CheckVerdict.Error, Verdicts.Name(d.Conclusion), $"the derivation ended with a '{Verdicts.Name(d.Conclusion)}' conclusion, which decides nothing", details),
        };
    }

    /// <summary><c>&lt;dir of the claim&gt;/&lt;claim&gt;.&lt;check&gt;.verified.txt</c>.</summary>
    public static string SnapshotPath(ClaimSpec claim, string checkId) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(claim.File)) ?? ".", $"{claim.Id}.{checkId}.verified.txt");

    private static string FirstEquation(DerivationStep s) => s.Equations.Count == 0 ? s.Reason : Short(s.Equations[0].ToString());

    private static string Short(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
