using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Claims.Tests.Checks;

/// <summary>
/// Each kind of check, verified on true data and refuted on wrong data (its negative control): the verdict comes
/// from the mathematics, not from the expectation written in the file.
/// </summary>
public sealed class CheckKindTests
{
    private static CheckResult RunOnly(string checks)
    {
        var claim = ClaimText.Valid(checks);
        return CheckRunner.Run(claim, Assert.Single(claim.Checks), new CheckContext());
    }

    [Fact]
    public void DeriveIsVerifiedWithThePublishedLayerFlow()
    {
        var r = RunOnly("  - {id: d, kind: derive, expect: holds, derivation: layer-flow, options: {depth: 2, dims: [2, 2, 2]}}\n");
        Assert.Equal(CheckVerdict.Verified, r.Verdict);
        var details = Assert.IsType<DerivationEvidence>(r.Details);
        Assert.Equal("-(W[N:j+1])^T*G*(W[j-1:1])^T", details.Published["flow"]);
        Assert.Contains(details.Steps, s => s.Verdict == "proved");
    }

    [Fact]
    public void DeriveIsRefutedWhenThePublishedFlowHasTheTransposeOnTheWrongSide()
    {
        var r = RunOnly("  - id: d\n    kind: derive\n    expect: refuted\n    derivation: layer-flow\n    options: {depth: 2, dims: [2, 2, 2]}\n" +
                        "    published: {flow: \"-(W[N:j+1])^T*G^T*(W[j-1:1])^T\"}\n");
        Assert.Equal(CheckVerdict.Refuted, r.Verdict);
        Assert.True(r.Passed);
        Assert.Contains("disproved", r.Reason);
    }

    [RequiresZ3Fact]
    public void ProveIsVerifiedForATrueBoundAndRefutedWithACounterexampleForATooStrongOne()
    {
        var holds = RunOnly("  - {id: p, kind: prove, expect: holds, statement: \"x^2 + 1 > 2*x or x = 1\"}\n");
        Assert.Equal(CheckVerdict.Verified, holds.Verdict);
        var tooStrong = RunOnly("  - {id: p, kind: prove, expect: holds, statement: \"x^2 + 1 > 2*x\"}\n");
        Assert.Equal(CheckVerdict.Refuted, tooStrong.Verdict);
        Assert.False(tooStrong.Passed);
        Assert.Contains("x = 1", tooStrong.Reason);
    }

    [RequiresZ3Theory]
    [InlineData("  - {id: p, kind: prove, expect: holds, statement: \"sqrt(-1 - x^2) > 5\"}\n")]
    [InlineData("  - {id: p, kind: prove, expect: holds, statement: \"x > 5\", assume: [\"x^2 < 0\"]}\n")]
    [InlineData("  - {id: p, kind: prove, expect: holds, statement: \"x^2 < -1 implies x > 5\"}\n")]
    public void ProveIsUnknownNeverVerifiedWhenItsPremisesNeverHold(string check)
    {
        // Each is proved wherever its premises hold, which is nowhere (a root of a negative number, an impossible
        // assumption, an impossible antecedent): a vacuous proof says nothing about the claim.
        var r = RunOnly(check);
        Assert.Equal(CheckVerdict.Unknown, r.Verdict);
        Assert.False(r.Passed);
        Assert.Equal("premises never hold", r.Evidence);
        Assert.Contains("never hold together", r.Reason);
    }

    [RequiresZ3Fact]
    public void ARefutationSaysWhetherItsCounterexampleWasConfirmedExactlyOrOnAnAlgebraicPoint()
    {
        // Every counterexample of the first is irrational (x = sqrt(2)): the kernel confirms it by interval arithmetic.
        var algebraic = RunOnly("  - {id: p, kind: prove, expect: refuted, statement: \"x^2 = 2 implies x < 1\"}\n");
        Assert.Equal(CheckVerdict.Refuted, algebraic.Verdict);
        Assert.Contains("(confirmed by the kernel with interval arithmetic on algebraic values)", algebraic.Reason);
        var rational = RunOnly("  - {id: p, kind: prove, expect: refuted, statement: \"x^2 = 4 implies x < 1\"}\n");
        Assert.Equal(CheckVerdict.Refuted, rational.Verdict);
        Assert.Contains("(confirmed by the kernel in exact arithmetic)", rational.Reason);
        // The evidence the reports render carries the same wording, per obligation.
        Assert.Equal("confirmed by the kernel with interval arithmetic on algebraic values",
            Assert.Single(Assert.IsType<ProofEvidence>(algebraic.Details).Obligations).Confirmation);
        Assert.Equal("confirmed by the kernel in exact arithmetic", Assert.Single(Assert.IsType<ProofEvidence>(rational.Details).Obligations).Confirmation);
    }

    [RequiresZ3Fact]
    public void ProveStaysVerifiedWhenItsPremisesHoldSomewhere()
    {
        var r = RunOnly("  - {id: p, kind: prove, expect: holds, statement: \"x > 1 implies sqrt(x - 1) < x\"}\n");
        Assert.Equal(CheckVerdict.Verified, r.Verdict);
    }

    [Fact]
    public void ProveIsAnErrorNamingTheFixWhenLibz3IsMissingNeverVerified()
    {
        // A library path that does not exist stands for a machine without libz3; the statement itself is true.
        var claim = ClaimText.Valid("  - {id: p, kind: prove, expect: holds, statement: \"x^2 >= 0\"}\n");
        var r = CheckRunner.Run(claim, claim.Checks[0], new CheckContext { Z3Library = "/nonexistent/lib/libz3.so.4" });
        Assert.Equal(CheckVerdict.Error, r.Verdict);
        Assert.False(r.Passed);
        Assert.Equal("libz3 missing", r.Evidence);
        Assert.Contains("sudo apt-get install libz3-4", r.Reason);
        Assert.Contains("/nonexistent/lib/libz3.so.4 (not found)", r.Reason);
        Assert.Empty(Assert.IsType<ProofEvidence>(r.Details).Obligations);
    }

    [RequiresZ3Fact]
    public void ProveWritesItsCertificatesWhereAsked()
    {
        var dir = ClaimText.TempDirectory();
        try
        {
            var claim = ClaimText.Valid("  - {id: p, kind: prove, expect: holds, statement: \"abs(x) >= x\"}\n");
            var r = CheckRunner.Run(claim, claim.Checks[0], new CheckContext(dir));
            var files = Assert.IsType<ProofEvidence>(r.Details).Obligations[0].CertificateFiles;
            Assert.Equal(2, files.Count); // abs splits into two sign cases
            Assert.All(files, f => Assert.Contains("(check-sat)", File.ReadAllText(f)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CompareIsVerifiedWhenTheOrderIsInItsBandAndRefutedWhenTheBandClaimsSecondOrder()
    {
        const string Check = "  - {id: c, kind: compare, expect: holds, compare: flow-vs-gd, options: {depth: 2, time: 1, steps: [0.02, 0.01, 0.005]}, order: BAND}\n";
        var first = RunOnly(Check.Replace("BAND", "[0.9, 1.1]"));
        Assert.Equal(CheckVerdict.Verified, first.Verdict);
        var order = Assert.IsType<CompareEvidence>(first.Details).ObservedOrder!.Value;
        Assert.InRange(order, 0.9, 1.1);
        var second = RunOnly(Check.Replace("BAND", "[1.9, 2.1]"));
        Assert.Equal(CheckVerdict.Refuted, second.Verdict);
        Assert.Contains("outside the band [1.9, 2.1]", second.Reason);
        Assert.Contains("gap", second.Reason);
    }

    // Under IEEE, NaN != 5 is true and not (NaN < 0) is true: a predicate on undefined values must not be verified.
    [Theory]
    [InlineData("{name: p, holds: \"sqrt(-loss) != 5\"}", "is undefined at record 1")]
    [InlineData("{name: p, holds: \"not (sqrt(-loss) < 0)\"}", "is undefined at record 1")]
    [InlineData("{name: p, where: \"sqrt(-loss) != 1\", holds: \"loss >= 0\"}", "its condition 'sqrt(-loss) != 1' is undefined")]
    public void SimulateRefutesAPredicateWhoseValuesAreUndefined(string predicate, string reason)
    {
        var r = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n" +
                        "    run: {model: dmf, depth: 2, init-std: 0.1, lr: 3e-3, steps: 20, seed: 3, record-every: 10}\n" +
                        $"    predicates:\n      - {predicate}\n");
        Assert.Equal(CheckVerdict.Refuted, r.Verdict);
        Assert.Contains(reason, r.Reason);
    }

    [Fact]
    public void SimulateIsVerifiedWhenEveryPredicateHoldsAndRefutedAtTheFirstFailingRecord()
    {
        const string Run = "    run: {model: dmf, depth: 2, init-std: 0.1, positive-det: true, lr: 3e-3, steps: 3000, stop-loss: 1e-4, seed: 3, record-every: 10}\n";
        var ok = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n" + Run +
                         "    predicates:\n      - {name: fits, at: end, holds: \"loss < 1e-4\"}\n      - {name: nonneg, holds: \"nuclear >= spectral\"}\n");
        Assert.Equal(CheckVerdict.Verified, ok.Verdict);
        Assert.True(Assert.IsType<SimulateEvidence>(ok.Details).Series.Length > 10);
        // From this seed the determinant changes sign at the second record (README, simulate): 'det > 0 everywhere' is false.
        var bad = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n" + Run + "    predicates:\n      - {name: det-sign, holds: \"det > 0\"}\n");
        Assert.Equal(CheckVerdict.Refuted, bad.Verdict);
        var p = Assert.Single(Assert.IsType<SimulateEvidence>(bad.Details).Predicates);
        Assert.Equal(1, p.FailingRecord);
        Assert.Contains("predicate 'det-sign' (holds: det > 0, at every) is false at record 2", bad.Reason);
        Assert.Contains("step = 10", bad.Reason);
    }

    [Fact]
    public void GrowsAsLossFallsIsCheckedAlongTheRun()
    {
        const string Run = "    run: {model: dmf, depth: 2, init-std: 0.1, positive-det: true, lr: 3e-3, steps: 3000, stop-loss: 1e-4, seed: 3, record-every: 10}\n";
        var grows = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n" + Run +
                            "    predicates: [{name: g, kind: grows-as-loss-falls, where: \"loss < 1/2\", quantity: \"nuclear\"}]\n");
        var shrinks = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n" + Run +
                              "    predicates: [{name: g, kind: grows-as-loss-falls, quantity: \"loss\"}]\n");
        Assert.Equal(CheckVerdict.Refuted, shrinks.Verdict);
        Assert.Contains("decreased", shrinks.Reason);
        Assert.NotEqual(CheckVerdict.Error, grows.Verdict);
    }

    [Fact]
    public void APredicateWhoseConditionNeverHoldsIsUnknownNotVerified()
    {
        var r = RunOnly("  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, depth: 2, steps: 5, lr: 1e-3}\n" +
                        "    predicates: [{name: p, where: \"loss < 0\", holds: \"det > 100\"}]\n");
        Assert.Equal(CheckVerdict.Unknown, r.Verdict);
        Assert.True(r.UnknownWhereHolds);
    }
}
