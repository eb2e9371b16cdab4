using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Experiments.Tests.Runs;

/// <summary>
/// The refusals of the run limits are worded once for the verbs and the claim files: the same problem and fix, with
/// each input's spelling of its options (<c>--steps</c> on the command line, <c>steps</c> in a claim file).
/// </summary>
public sealed class LimitWordingTests
{
    private sealed class Usage(string message) : Exception(message);

    private static readonly LimitWording CommandLine = LimitWording.CommandLine(text => new Usage(text));

    // Over the limit: anything above 100 bytes or multiply-adds.
    private static RunLimits Hooks(LimitWording wording) => wording.Hooks(
        (bytes, what) => bytes > 100 ? $"{what} would need {bytes} bytes" : null,
        work => work > 100 ? $"this run would take {work} multiply-adds" : null);

    [Theory]
    [InlineData("Work", "--steps: this run would take 1000 multiply-adds; choose fewer --steps, a larger --record-every (each record of a matrix run takes an SVD) or smaller sizes",
        "steps", "is too large: this run would take 1000 multiply-adds; choose fewer steps, a larger record-every (each record of a matrix run takes an SVD) or smaller sizes")]
    [InlineData("ComparisonWork", "--time/--lr/--halvings: this run would take 1000 multiply-adds; choose a shorter --time, a larger --lr or fewer --halvings",
        "time/lr/halvings", "is too large: this run would take 1000 multiply-adds; choose a shorter time, a larger lr or fewer halvings")]
    [InlineData("IntegrationWork", "--time/--rtol: this run would take 1000 multiply-adds; choose a shorter --time, a larger --rtol or smaller sizes",
        "time/rtol", "is too large: this run would take 1000 multiply-adds; choose a shorter time, a larger rtol or smaller sizes")]
    public void EachWorkLimitSaysTheSameInBothSpellings(string hook, string commandLine, string keys, string claimReason)
    {
        static Action<double> Of(RunLimits l, string hook) => hook switch
        {
            "Work" => l.Work!,
            "ComparisonWork" => l.ComparisonWork!,
            _ => l.IntegrationWork!,
        };
        Assert.Equal(commandLine, Assert.Throws<Usage>(() => Of(Hooks(CommandLine), hook)(1000)).Message);
        var claim = Assert.Throws<RunSpecException>(() => Of(Hooks(LimitWording.ClaimFile), hook)(1000));
        Assert.Equal(keys, claim.Option);
        Assert.Equal(claimReason, claim.Reason);
        // Negative control: within the limit nothing is refused.
        Of(Hooks(CommandLine), hook)(50);
        Of(Hooks(LimitWording.ClaimFile), hook)(50);
    }

    [Fact]
    public void TheMemoryLimitNamesTheOptionsInEachSpelling()
    {
        Assert.Equal("--shape/--hidden: the layers would need 1000 bytes; choose smaller sizes",
            Assert.Throws<Usage>(() => Hooks(CommandLine).Memory!("--shape/--hidden", 1000, "the layers")).Message);
        var claim = Assert.Throws<RunSpecException>(() => Hooks(LimitWording.ClaimFile).Memory!("--shape/--hidden", 1000, "the layers"));
        Assert.Equal("shape/hidden", claim.Option);
        Assert.Equal("is too large: the layers would need 1000 bytes; choose smaller sizes", claim.Reason);
        Hooks(LimitWording.ClaimFile).Memory!("--shape/--hidden", 10, "the layers");
    }

    [Fact]
    public void AFlowTooLargeToDeriveNamesEverySizeOption()
    {
        Assert.Equal("--dims/--depth/--shape/--hidden: too many monomials; choose smaller layers", CommandLine.FlowTooLarge("too many monomials").Message);
        var claim = Assert.IsType<RunSpecException>(LimitWording.ClaimFile.FlowTooLarge("too many monomials"));
        Assert.Equal("dims/depth/shape/hidden", claim.Option);
        Assert.Equal("is too large: too many monomials; choose smaller layers", claim.Reason);
    }
}
