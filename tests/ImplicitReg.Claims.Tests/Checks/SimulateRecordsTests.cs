using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;

namespace ImplicitReg.Claims.Tests.Checks;

/// <summary>
/// A simulate check sees the recorded rows only. From seed 3 the 2x2 run below converges at step 1546 and its
/// determinant changes sign between steps 0 and 10; with the step limit 2,000,000 and no record-every it keeps two rows
/// (steps 0 and 1546, one every 10000 steps). The verdict must name the previous record checked and how often the run
/// recorded, and a trend over a single record must be unknown, not refuted; with record-every 10 the same predicates
/// are decided at the true records (the negative controls).
/// </summary>
public sealed class SimulateRecordsTests
{
    private const string Sparse = "    run: {model: dmf, depth: 2, init-std: 0.1, positive-det: true, lr: 3e-3, steps: 2000000, stop-loss: 1e-4, seed: 3}\n";
    private const string Dense = "    run: {model: dmf, depth: 2, init-std: 0.1, positive-det: true, lr: 3e-3, steps: 2000000, stop-loss: 1e-4, seed: 3, record-every: 10}\n";

    private static CheckResult Check(string run, string predicate)
    {
        var claim = ClaimText.Valid("  - id: s\n    kind: simulate\n    expect: holds\n" + run + $"    predicates:\n      - {predicate}\n");
        return CheckRunner.Run(claim, Assert.Single(claim.Checks), new CheckContext());
    }

    [Fact]
    public void AFailureNamesThePreviousRecordCheckedAndTheRecordingPeriod()
    {
        var sparse = Check(Sparse, "{name: det-keeps-sign, holds: \"det > 0\"}");
        Assert.Equal(CheckVerdict.Refuted, sparse.Verdict);
        Assert.Equal("det-keeps-sign fails at step 1546 (it held at step 0, the previous record checked; 2 rows recorded, one every 10000 steps)", sparse.Evidence);
        Assert.EndsWith("(it held at step 0, the previous record checked; 2 rows recorded, one every 10000 steps)", sparse.Reason);
        // Negative control: recorded every 10 steps, the same predicate fails at step 10, right after step 0.
        var dense = Check(Dense, "{name: det-keeps-sign, holds: \"det > 0\"}");
        Assert.Equal(CheckVerdict.Refuted, dense.Verdict);
        Assert.Equal("det-keeps-sign fails at step 10 (it held at step 0, the previous record checked; 156 rows recorded, one every 10 steps)", dense.Evidence);
    }

    [Theory]
    [InlineData("{name: p, holds: \"det < 0\"}", "p fails at step 0 (the first record checked; 2 rows recorded, one every 10000 steps)")]
    [InlineData("{name: p, at: end, holds: \"loss > 1\"}", "p fails at step 1546 (the last record, the only one checked; 2 rows recorded, one every 10000 steps)")]
    [InlineData("{name: p, where: \"loss < 1/2\", holds: \"det > 0\"}", "p fails at step 1546 (the first record checked; 2 rows recorded, one every 10000 steps)")]
    [InlineData("{name: p, kind: grows-as-loss-falls, quantity: \"loss\"}", "p fails at step 1546 (it held at step 0, the previous record checked; 2 rows recorded, one every 10000 steps)")]
    public void EveryKindOfPredicateUsesTheSameWording(string predicate, string evidence)
    {
        var r = Check(Sparse, predicate);
        Assert.Equal(CheckVerdict.Refuted, r.Verdict);
        Assert.Equal(evidence, r.Evidence);
    }

    [Fact]
    public void ATrendCheckedAtOneRecordIsUnknownWithTheCountAndTheFix()
    {
        var one = Check(Sparse, "{name: grows, kind: grows-as-loss-falls, where: \"loss < 1e-3\", quantity: \"nuclear\"}");
        Assert.Equal(CheckVerdict.Unknown, one.Verdict);
        Assert.True(one.UnknownWhereHolds);
        Assert.Equal("grows: a trend needs two records, 1 checked (2 rows recorded, one every 10000 steps)", one.Evidence);
        Assert.Contains("was checked at 1 record of 2 (step 1546): a trend needs at least two", one.Reason);
        Assert.Contains("run.record-every", one.Reason);
        var p = Assert.Single(Assert.IsType<SimulateEvidence>(one.Details).Predicates);
        Assert.Null(p.FailingRecord);
        Assert.Equal(1, p.Checked);
        // Negative controls: two records still decide, either way.
        Assert.Equal(CheckVerdict.Verified, Check(Sparse, "{name: grows, kind: grows-as-loss-falls, quantity: \"nuclear\"}").Verdict);
        Assert.Equal(CheckVerdict.Refuted, Check(Sparse, "{name: grows, kind: grows-as-loss-falls, quantity: \"loss\"}").Verdict);
        // Recorded every 10 steps, the same condition keeps many records and the trend is decided.
        Assert.NotEqual(CheckVerdict.Unknown, Check(Dense, "{name: grows, kind: grows-as-loss-falls, where: \"loss < 1e-3\", quantity: \"nuclear\"}").Verdict);
    }

    [Fact]
    public void AConditionThatNeverHoldsNamesTheRecordingPeriod()
    {
        var r = Check(Sparse, "{name: p, where: \"loss < 0\", holds: \"det > 100\"}");
        Assert.Equal(CheckVerdict.Unknown, r.Verdict);
        Assert.Equal("p: no record where loss < 0 (2 rows recorded, one every 10000 steps)", r.Evidence);
    }

    [Fact]
    public void AnEarlyStoppedRunWithFewRowsSaysHowToRecordMore()
    {
        var sparse = Check(Sparse, "{name: grows, kind: grows-as-loss-falls, quantity: \"nuclear\"}");
        Assert.Equal(CheckVerdict.Verified, sparse.Verdict);
        Assert.Equal("1 predicate holds over 2 records (converged at step 1546; run.record-every 7 would record about 221)", sparse.Evidence);
        Assert.EndsWith("converged at step 1546 (loss 9.99852E-05); only 2 rows recorded, one every 10000 steps: the run stopped at step 1546 " +
                        "of 2000000; run.record-every 7 would record about 221", Assert.IsType<SimulateEvidence>(sparse.Details).Run);
        // Negative control: 156 rows are enough, and nothing more is said.
        var dense = Check(Dense, "{name: grows, kind: grows-as-loss-falls, quantity: \"nuclear\"}");
        Assert.Equal("1 predicate holds over 156 records (converged at step 1546)", dense.Evidence);
        Assert.DoesNotContain("record-every", Assert.IsType<SimulateEvidence>(dense.Details).Run);
    }
}
