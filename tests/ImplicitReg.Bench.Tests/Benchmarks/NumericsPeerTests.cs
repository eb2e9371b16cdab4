using ImplicitReg.Bench.Benchmarks;

namespace ImplicitReg.Bench.Tests.Benchmarks;

/// <summary>The one median every benchmark reports (ours, the peer's, per-round ratios).</summary>
public sealed class NumericsPeerTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]            // odd count: the middle value, whatever the input order
    [InlineData(new[] { 4.0, 1.0, 2.0, 10.0 }, 3.0)]      // even count: the mean of the two middle values (not 4, the upper one; not 2)
    [InlineData(new[] { 2.0, 1.0 }, 1.5)]
    [InlineData(new[] { 7.0, 7.0, 1.0, 100.0, 7.0 }, 7.0)] // ties and an outlier: the median ignores the outlier's size
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes(double[] values, double median) =>
        Assert.Equal(median, NumericsPeer.Median(values));

    [Fact]
    public void TheMedianLeavesItsInputInTheOrderItWasMeasured()
    {
        var rounds = new List<double> { 3, 1, 2 };
        Assert.Equal(2, NumericsPeer.Median(rounds));
        Assert.Equal([3.0, 1.0, 2.0], rounds); // the rounds are printed afterwards in their order
    }

    [Fact]
    public void ThePeerScriptsAreFoundFromTheBuildOutput() =>
        Assert.EndsWith(Path.Combine("bench", "peers", "balancedness_sympy.py"), NumericsPeer.FindPeer("balancedness_sympy.py"));

    [Fact]
    public void AMissingPeerScriptIsNamed() =>
        Assert.Contains("bench/peers/no_such_peer.py", Assert.Throws<FileNotFoundException>(() => NumericsPeer.FindPeer("no_such_peer.py")).Message);
}
