using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

public sealed class ExpandTests
{
    [Theory]
    [InlineData("(x + y)^2", "x^2 + 2*x*y + y^2")]
    [InlineData("(x + 1)*(x - 1)", "x^2 - 1")]
    [InlineData("(a + b)*(c + d)", "a*c + a*d + b*c + b*d")]
    [InlineData("(x + 1)^2 - x^2 - 2*x", "1")]
    [InlineData("(x/2 + 1/3)^2", "x^2/4 + x/3 + 1/9")]
    [InlineData("sin((x + 1)^2)", "sin(x^2 + 2*x + 1)")]
    [InlineData("(x + y)*sin(z)", "x*sin(z) + y*sin(z)")]
    [InlineData("x*(1/x + 1)", "1 + x")]
    [InlineData("(x + 1)^2/(y + 1)", "x^2/(y + 1) + 2*x/(y + 1) + 1/(y + 1)")]
    [InlineData("1/((x + 1)^2 + 1)", "1/(x^2 + 2*x + 2)")]
    [InlineData("1/(x + 1)^2", "1/(x + 1)^2")]
    public void ExpandsToTheExpectedCanonicalSum(string input, string expected)
    {
        Assert.Equal(Parser.Parse(expected), Algebra.Expand(Parser.Parse(input)));
    }

    [Fact]
    public void ExpandKeepsRelationsAsRelations()
    {
        var s = Algebra.Expand(Parser.Parse("(x + 1)^2 = 0"));
        Assert.Equal(Parser.Parse("x^2 + 2*x + 1 = 0"), s);
    }

    [Theory]
    [InlineData("x^1000000")]
    [InlineData("(x + y + z)^5000")]
    [InlineData("(a + b + c + d + e + f)^200")]
    public void AbsurdExpansionsAreRefusedQuickly(string input)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<SymbolicLimitException>(() => Algebra.Expand(Parser.Parse(input)));
        Assert.Contains("refused", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"refusal took {watch.Elapsed}");
    }

    [Fact]
    public void ModeratePowersExpandCompletely()
    {
        var e = Algebra.Expand(Parser.Parse("(x + y + z)^20"));
        Assert.Equal(231, ((Add)e).Terms.Count); // C(22, 2)
    }
}
