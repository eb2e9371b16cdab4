using ImplicitReg.Claims.Results;

namespace ImplicitReg.Reports.Verification;

/// <summary>
/// How strong a check's evidence is, in the reviewer's terms: <c>exact</c> (a symbolic identity, a solver proof over
/// all reals, a counterexample confirmed in exact arithmetic), <c>interval</c> (a counterexample at an algebraic point,
/// confirmed by interval arithmetic), <c>numerical</c> (floating-point runs, or a witness whose sides differ in floating
/// point beyond a tolerance) or <c>none</c> (unknown, error). "verified" alone reads the same for a Z3 proof and for
/// one gradient-descent run whose predicates held at its recorded steps; the label says which it is.
/// </summary>
/// <param name="Label">exact, interval, numerical or none.</param>
/// <param name="Explanation">One sentence: what the verdict rests on.</param>
public sealed record EvidenceStrength(string Label, string Explanation)
{
    /// <summary>The strength of one check's evidence.</summary>
    public static EvidenceStrength Of(CheckResult check)
    {
        if (check.Verdict is not (CheckVerdict.Verified or CheckVerdict.Refuted))
            return new("none", "no verdict: the check came back " + ResultNames.Of(check.Verdict));
        var refuted = check.Verdict == CheckVerdict.Refuted;
        return check.Details switch
        {
            DerivationEvidence when !refuted => new("exact", "the kernel proves the derived and the published formulas equal as symbolic identities"),
            DerivationEvidence d => Witness(d),
            ProofEvidence when !refuted => new("exact", "Z3 proves every statement for all real values of its symbols (unsat), with replayable certificates"),
            ProofEvidence p => p.Obligations.FirstOrDefault(o => o.Verdict == "refuted")?.Confirmation is { } how && how.Contains("interval", StringComparison.Ordinal)
                ? new("interval", "a counterexample at an algebraic point, confirmed by the kernel with interval arithmetic")
                : new("exact", "a counterexample at a rational point, confirmed by the kernel in exact arithmetic"),
            CompareEvidence c when c.Comparison == "flow-vs-gd" => new("numerical",
                "floating-point runs of gradient descent against the numerically integrated flow: an observed order of convergence, not a proof"),
            CompareEvidence => new("numerical", "a floating-point gradient-descent run against the singular-value equation, within a relative tolerance: not a proof"),
            SimulateEvidence s => new("numerical",
                $"one floating-point gradient-descent run (seed {s.Seed}); the predicates were evaluated at its {s.Series.Length} recorded steps only: an observation, not a proof"),
            _ => new("none", "no structured evidence"),
        };
    }

    // A derivation is refuted at a witness point; its step's reason says whether the two sides were compared exactly
    // ("(exact)") or in floating point against a tolerance.
    private static EvidenceStrength Witness(DerivationEvidence d)
    {
        var step = d.Steps.FirstOrDefault(s => s.Verdict == "disproved");
        return step is not null && !step.Reason.Contains("(exact)", StringComparison.Ordinal) && step.Reason.Contains("tolerance", StringComparison.Ordinal)
            ? new("numerical", "a point where the two sides differ when evaluated in floating point, far beyond the tolerance (the step's reason gives both values)")
            : new("exact", "a point where the two sides differ, or an identity that fails, found by the kernel in exact arithmetic");
    }
}
