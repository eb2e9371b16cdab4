using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Sweeps;

public sealed class ShardTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("0/4", 0, 4)]
    public void ValidShardsParse(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("3/3")]   // numbered from 0
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void InvalidShardsAreRefusedWithTheExpectedForm(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Shard.Parse(text));
        Assert.Contains("i/n with 0 <= i < n", e.Message);
    }

    [Fact]
    public void ShardsPartitionTheSweepByIndexModuloCount()
    {
        var runs = SweepPlan.Number(Enumerable.Range(0, 10).Select(i => ($"r{i}", i, i)));
        var shards = Enumerable.Range(0, 3).Select(i => new Shard(i, 3).Select(runs)).ToList();
        Assert.Equal([0, 3, 6, 9], shards[0].Select(r => r.Index));
        Assert.Equal([1, 4, 7], shards[1].Select(r => r.Index));
        Assert.Equal([2, 5, 8], shards[2].Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 10), shards.SelectMany(s => s).Select(r => r.Index).Order());
    }

    [Fact]
    public void DuplicateOrUnsafeRunIdsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => SweepPlan.Number([("a", 0, 0), ("a", 1, 1)]));
        Assert.Throws<ArgumentException>(() => SweepPlan.Number([("../x", 0, 0)]));
    }
}
