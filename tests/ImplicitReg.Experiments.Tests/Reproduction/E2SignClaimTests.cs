using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>
/// E2's sign claim is about balanced starts (M5): its evidence names only balanced runs of depth &gt;= 2, and says that
/// M5 is a statement about the flow, which finite-step gradient descent may cross.
/// </summary>
public sealed class E2SignClaimTests
{
    private static ClaimCheck SignClaim(params (int Depth, string Init, int SignChanges, int FirstAt)[] runs)
    {
        var records = new List<RunRecord>();
        foreach (var (depth, init, changes, first) in runs)
            records.Add(new RunRecord(records.Count, $"d{depth}-{init}-seed0", 0).Set("depth", depth).Set("init", init).Set("learningRate", 3e-3)
                .Set("draws", 1).Set("status", "converged").Set("steps", 1000).Set("loss", 1e-4).Set("absW11", 5).Set("det", changes > 0 ? -1 : 1)
                .Set("signChanges", changes).Set("firstSignChange", changes > 0 ? first : -1).Set("boundChecks", 10).Set("boundViolations", 0)
                .Set("worstBoundRatio", 2).Set("slope", double.NaN));
        var manifest = new SweepManifest("e2", ["synthetic"], records.Count, Shard.All);
        return Reproducer.Find("e2").Summarise(manifest, records).Claims.Single(c => c.Claim.StartsWith("det W keeps its sign", StringComparison.Ordinal));
    }

    [Fact]
    public void AGaussianRunThatCrossesIsNotEvidenceAgainstTheBalancedClaim()
    {
        // The quick E2 sweep at depth 2: the Gaussian run crosses, the balanced one does not.
        var claim = SignClaim((2, "gaussian", 1, 140), (2, "balanced", 0, 0));
        Assert.Equal(Support.Supported, claim.Support);
        Assert.DoesNotContain("gaussian", claim.Evidence, StringComparison.Ordinal);
        Assert.Equal("no sign change in 1 balanced run; M5 is about the gradient flow; gradient descent with a finite step may cross det W = 0", claim.Evidence);
    }

    [Fact]
    public void OnlyTheBalancedRunsThatCrossAreListed()
    {
        // Negative control: a balanced run that crosses makes the claim not supported and is named, the Gaussian one is not.
        var claim = SignClaim((2, "gaussian", 1, 140), (2, "balanced", 1, 4640), (3, "gaussian", 2, 90), (3, "balanced", 0, 0));
        Assert.Equal(Support.NotSupported, claim.Support);
        Assert.Equal("sign changes in balanced runs d2-balanced-seed0 (first at step 4640); M5 is about the gradient flow; gradient descent with a finite step may cross det W = 0", claim.Evidence);
    }

    [Fact]
    public void WithoutABalancedRunOfDepthTwoOrMoreTheClaimIsUndecided()
    {
        // A balanced depth-1 run is outside M5 (N = 1 may cross), and so are Gaussian runs.
        var claim = SignClaim((1, "balanced", 1, 50), (2, "gaussian", 1, 140));
        Assert.Equal(Support.Undecided, claim.Support);
        Assert.Equal("no balanced run of depth >= 2", claim.Evidence);
    }
}
