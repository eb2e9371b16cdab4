using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

public sealed class BalancedFoldTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void KeepsLeftToRightOrder(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => $"{i},").ToArray();
        Assert.Equal(string.Concat(items), BalancedFold.Fold(items, (a, b) => a + b));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(4097)]
    public void CopiesEachItemLogarithmicallyOften(int count)
    {
        // Work model of merging sorted term lists: a combination costs the sizes of both sides.
        long bound = (long)count * (CeilLog2(count) + 1);
        var (work, depth) = Work(count, (items, merge) => BalancedFold.Fold(items, merge));
        Assert.True(work <= bound, $"work {work} > {bound} for {count} items");
        Assert.True(depth <= CeilLog2(count), $"depth {depth} for {count} items");
        // Negative control: the left fold this replaced does quadratic work and fails the same bound.
        var (leftWork, leftDepth) = Work(count, (items, merge) => items.Aggregate(merge));
        Assert.True(leftWork > bound, $"left fold work {leftWork}");
        Assert.Equal(count - 1, leftDepth);
    }

    [Fact]
    public void RefusesAnEmptySequence() =>
        Assert.Throws<ArgumentException>(() => BalancedFold.Fold(Array.Empty<int>(), (a, b) => a + b));

    private static (long Work, int Depth) Work(
        int count, Func<IEnumerable<(long Size, int Depth)>, Func<(long Size, int Depth), (long Size, int Depth), (long Size, int Depth)>, (long Size, int Depth)> fold)
    {
        long work = 0;
        var items = Enumerable.Range(0, count).Select(_ => (Size: 1L, Depth: 0));
        var result = fold(items, (a, b) =>
        {
            work += a.Size + b.Size;
            return (a.Size + b.Size, Math.Max(a.Depth, b.Depth) + 1);
        });
        Assert.Equal(count, result.Size);
        return (work, result.Depth);
    }

    private static int CeilLog2(int n) => n <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(n - 1));
}
