using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators;

namespace ImplicitReg.Experiments.Tests.Runs;

public sealed class RunSeedTests
{
    [Fact]
    public void TheGeneratorStartsFromTheAbsoluteValueOfItsSeed()
    {
        // Why negative seeds are refused: System.Random(-3) draws exactly what System.Random(3) draws.
        var (minus, plus) = (new Random(-3), new Random(3));
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => plus.NextDouble()), Enumerable.Range(0, 5).Select(_ => minus.NextDouble()));
        // Negative control: distinct non-negative seeds draw different numbers.
        Assert.NotEqual(new Random(3).NextDouble(), new Random(4).NextDouble());
    }

    [Theory]
    [InlineData("dmf", -1)]
    [InlineData("cp", -7)]
    [InlineData("sym", int.MinValue)]
    public void ANegativeSeedIsRefusedNamingTheSeedAndTheRange(string model, int seed)
    {
        var e = Assert.Throws<RunSpecException>(() => PreparedRun.Prepare(Small(model) with { Seed = seed }));
        Assert.Equal("seed", e.Option);
        Assert.StartsWith($"--seed must be between 0 and 2147483647, got {seed}: ", e.Message);
        Assert.EndsWith("choose a seed in 0 to 2147483647", e.Message);
    }

    [Theory]
    [InlineData("dmf")]
    [InlineData("cp")]
    [InlineData("sym")]
    public void TheEndsOfTheRangeAreSeeds(string model)
    {
        using (var low = PreparedRun.Prepare(Small(model) with { Seed = 0 })) Assert.Equal(0, low.Seed);
        using var high = PreparedRun.Prepare(Small(model) with { Seed = int.MaxValue });
        Assert.Equal(int.MaxValue, high.Seed);
    }

    [Fact]
    public void TheCompareSetupRefusesANegativeSeedToo()
    {
        var e = Assert.Throws<RunSpecException>(() => DmfSetup.Build(new RunSpec { Model = "dmf", Problem = "2x2", Seed = -2 }, new DmfDefaults("2x2", 0.5, true)));
        Assert.Equal("seed", e.Option);
        Assert.Equal(5, DmfSetup.Build(new RunSpec { Model = "dmf", Problem = "2x2", Seed = 5 }, new DmfDefaults("2x2", 0.5, true)).Seed);
    }

    [Fact]
    public void TheSeededGeneratorRefusesANegativeSeed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeededRandom(-1));
        Assert.Equal(1, new SeededRandom(1).Seed);
    }

    [Theory]
    [InlineData(-1L, false)]
    [InlineData(0L, true)]
    [InlineData(2147483647L, true)]
    [InlineData(2147483648L, false)]
    public void TheRangeIsZeroToIntMax(long seed, bool valid) => Assert.Equal(valid, RunSeed.Problem(seed) is null);

    [Fact]
    public void ARunsSeedIsItsOwnOrTheDefaultAndIsCheckedAlike()
    {
        Assert.Equal(RunSeed.Default, RunSeed.Of(new RunSpec { Model = "dmf" }));
        Assert.Equal(0, RunSeed.Default);
        Assert.Equal(7, RunSeed.Of(new RunSpec { Model = "dmf", Seed = 7 }));
        var e = Assert.Throws<RunSpecException>(() => RunSeed.Of(new RunSpec { Model = "dmf", Seed = -7 }));
        Assert.Equal(Assert.Throws<RunSpecException>(() => RunSeed.Check(-7)).Message, e.Message);
    }

    [Theory]
    [InlineData("dmf")]
    [InlineData("cp")]
    [InlineData("sym")]
    public void ARunWithoutASeedRecordsTheDefaultSeed(string model)
    {
        using var run = PreparedRun.Prepare(Small(model));
        Assert.Equal(RunSeed.Default, run.Seed);
        Assert.Equal(RunSeed.Default, DmfSetup.Build(new RunSpec { Model = "dmf", Problem = "2x2" }, new DmfDefaults("2x2", 0.5, true)).Seed);
    }

    private static RunSpec Small(string model) => model switch
    {
        "dmf" => new RunSpec { Model = "dmf", Shape = "4x4", Depth = 2, Rank = 1, Observed = 8, Steps = 10 },
        "cp" => new RunSpec { Model = "cp", Sizes = "3x3x3", Rank = 1, Observed = 10, Components = 4, Steps = 10 },
        _ => new RunSpec { Model = "sym", Size = 3, Rank = 1, Observed = 4, Steps = 10 },
    };
}
