using ImplicitReg.Claims.Results;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Provenance;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// A verification result with one check of every kind and real numbers: a 2×2 GD run whose |W₁₁| follows the
/// M6 bound, gaps that halve with the step, a derivation step and a proved solver obligation with a certificate.
/// </summary>
internal static class SampleResults
{
    /// <summary>The sample; <paramref name="confirmation"/> is how the negative control's counterexample was confirmed.</summary>
    public static VerificationResult Build(string certificateDirectory, TimeSpan checkTime,
        string confirmation = "confirmed by the kernel in exact arithmetic")
    {
        var certificate = Path.Combine(certificateDirectory, "m6-bound.smt2");
        File.WriteAllText(certificate, "; proved <=> (check-sat) answers unsat\n(set-logic QF_NRA)\n(set-info :status unsat)\n(declare-const x Real)\n(assert (< (* x x) 0.0))\n(check-sat)\n(get-model)\n");
        var location = new SourceLocation("proofs/razin2020/m6.yaml", 12, 5);
        CheckResult Check(string id, CheckKind kind, CheckEvidence details, CheckVerdict verdict = CheckVerdict.Verified,
            Expectation expected = Expectation.Holds) => new()
            {
                ClaimId = "m6-two-by-two",
                CheckId = id,
                Kind = kind,
                Expected = expected,
                Verdict = verdict,
                Time = checkTime,
                Evidence = $"evidence of {id}",
                Location = location,
                Details = details,
            };

        var derive = new DerivationEvidence("layer-flow", ["depth 2", "dims 2,2,2"],
        [
            new DerivationStepEvidence("loss gradient", [Formula("G[1,2]", "W[1,2] - 1", rate: false)], "differentiated by the kernel", "derived", null),
            new DerivationStepEvidence("layer flow", [Formula("W1[1,1]", "-(W2[1,1]*G[1,1] + W2[2,1]*G[2,1])", rate: true)], "chain rule", "proved", null),
        ], new Dictionary<string, string> { ["flow"] = "-(W2^T) * G" }, "proved", "matches the published formula", null);
        var prove = new ProofEvidence([new ObligationEvidence("x^2 >= 0", ["x > -1"], "proved", null, null, [certificate], checkTime)]);
        double[] eta = [0.01, 0.005, 0.0025, 0.00125];
        var compare = new CompareEvidence("flow-vs-gd",
            eta.Select((h, i) => new GapEvidence(h, (long)(10 / h), 0.19 * h, i == 0 ? null : 1.0)).ToArray(), 1.0, (0.9, 1.1), null, []);
        var run = Run();
        var simulate = new SimulateEvidence("2x2 completion; depth 2; loss half-sse (c = 0.5); lr 0.003", 3, "converged",
        [
            new PredicateEvidence("m6 bound", "every", "holds", "abs(W11) > (1 - sqrt(2*loss))^2/sqrt(2*loss)", "loss < 1/2 and det > 0", true, run.Length, null, null),
            new PredicateEvidence("nuclear grows", "end", "grows-as-loss-falls", "nuclear", null, false, run.Length, 2, "the nuclear norm fell between records 2 and 3"),
        ], run);
        var claim = new ClaimResult
        {
            Id = "m6-two-by-two",
            Title = "the 2×2 completion: |W11| grows like 1/sqrt(loss)",
            File = "proofs/razin2020/m6.yaml",
            Paper = "Razin & Cohen 2020",
            Where = "Section 3, Theorem 1",
            Theory = "M6",
            Prose = "With det W > 0, fitting the observations forces |W11| to infinity.",
            Formulas = ["abs(W11) > (1 - sqrt(2*loss))^2/sqrt(2*loss)", "x^2 + 2 >= 2"],
            Checks =
            [
                Check("flow", CheckKind.Derive, derive),
                Check("bound", CheckKind.Prove, prove),
                Check("order", CheckKind.Compare, compare),
                Check("run", CheckKind.Simulate, simulate, CheckVerdict.Refuted, Expectation.Refuted),
            ],
        };
        var control = new ClaimResult
        {
            Id = "m6-negative-control",
            Title = "negative control: det W = +1",
            File = "proofs/razin2020/m6-control.yaml",
            Checks = [Check("det", CheckKind.Prove, new ProofEvidence([new ObligationEvidence("x*y - 1 = 1", [], "refuted",
                [new KeyValuePair<string, string>("x", "0"), new("y", "0")], null, [], checkTime) { Confirmation = confirmation }]), CheckVerdict.Verified) with { ClaimId = "m6-negative-control" }],
        };
        return new VerificationResult([claim, control], checkTime * 3, 2);
    }

    public static ReportContent Content(string certificateDirectory, TimeSpan checkTime, DateTimeOffset started)
    {
        var result = Build(certificateDirectory, checkTime);
        return ReportContent.Build(result, ReportProvenance.Collect(result, started, "4.8.12"));
    }

    private static FormulaEvidence Formula(string lhs, string rhs, bool rate) =>
        new(rate ? $"d/dt {lhs}" : lhs, "=", rhs, Parser.Parse(lhs), Parser.Parse(rhs), rate);

    private static Series Run()
    {
        double[] loss = [0.4, 0.1, 0.01, 1e-3, 1e-4];
        var w11 = loss.Select(l => 1.2 * Math.Pow(1 - Math.Sqrt(2 * l), 2) / Math.Sqrt(2 * l)).ToArray();
        double[] det = [0.2, 0.1, -0.3, -0.9, -1.0];
        double[] time = [0, 1, 2, 3, 4];
        double[] s1 = [0.5, 1, 5, 20, 60];
        double[] s2 = [0.4, 0.3, 0.06, 0.045, 0.017];
        return new Series("run", [new("step", [0, 333, 667, 1000, 1333]), new("time", time), new("loss", loss), new("det", det),
            new("sigma1", s1), new("sigma2", s2), new("W[1;1]", w11)]);
    }
}
