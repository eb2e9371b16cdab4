using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>The evidence line of E1's depth claim says what was compared, and nothing that was not.</summary>
public sealed class E1ClaimEvidenceTests
{
    private static ClaimCheck DepthClaim(string depth2Status, string depth3Status)
    {
        var records = new List<RunRecord>();
        foreach (var (depth, status, error) in new[] { (2, depth2Status, 0.2), (3, depth3Status, 0.02) })
            records.Add(new RunRecord(records.Count, $"d{depth}-n220-s1e-3-seed0", 0).Set("depth", depth).Set("observed", 220).Set("scale", 1e-3)
                .Set("status", status).Set("steps", 100).Set("loss", 1e-6).Set("reconstruction", error).Set("nuclearNorm", 1).Set("singularValues", [1.0]));
        var manifest = new SweepManifest("e1", ["synthetic"], records.Count, Shard.All);
        return Reproducer.Find("e1").Summarise(manifest, records).Claims[0];
    }

    [Fact]
    public void WhenNothingIsComparedTheLineSaysWhyWithoutAnEmptyItem()
    {
        // A huge initialization (reproduce e1 --scales 1e10) stops every run at the step limit: nothing is compared.
        var claim = DepthClaim("step-limit", "step-limit");
        Assert.Equal(Support.Undecided, claim.Support);
        Assert.Equal("220 observed: not compared (runs stopped before the loss tolerance): depth 2 at scale 1e-3", claim.Evidence);
    }

    [Fact]
    public void AComparisonIsListedBeforeWhatWasNotCompared()
    {
        // Negative control: converged runs are compared, and the line starts with the comparison.
        var claim = DepthClaim("converged", "converged");
        Assert.Equal(Support.Supported, claim.Support);
        Assert.Equal("220 observed: scale 1e-3: depth 3 2.000E-2 vs depth 2 2.000E-1", claim.Evidence);
    }
}
