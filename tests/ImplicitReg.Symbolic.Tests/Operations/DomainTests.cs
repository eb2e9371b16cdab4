using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>
/// <see cref="Algebra.SearchWhereDefined"/>: one decision for "is there a point where a formula is defined", with what
/// a caller's message names (the tries and the seed); the callers (expr equal, published formulas) only word it.
/// </summary>
public sealed class DomainTests
{
    private static List<Statement> Conditions(string text) => [.. text.Split(';').Select(Parser.ParseStatement)];

    [Theory]
    [InlineData("-x^2 - 1 >= 0")]
    [InlineData("x > 0; -x > 0")]
    [InlineData("-exp(x) > 0")]
    public void AnEmptyDomainIsNotFoundAfterEveryTryWithTheSeedUsed(string conditions)
    {
        var search = Algebra.SearchWhereDefined(Conditions(conditions));
        Assert.False(search.Found);
        Assert.Null(search.Point);
        Assert.Equal(Algebra.DomainSampleLimit, search.Tries);
        Assert.Equal(Algebra.DefaultEqualSeed, search.Seed);
        Assert.Equal(5, Algebra.SearchWhereDefined(Conditions(conditions), seed: 5).Seed);
    }

    [Theory]
    [InlineData("x >= 0; -x >= 0")]
    [InlineData("x - 1 != 0; x*y > 0")]
    [InlineData("x^(2/3) - 2 > 0")]
    [InlineData("log(x) - 3 > 0")] // x > e^3: only some of the points are far enough out
    public void ANonEmptyDomainIsFoundAtAPointWhereEveryConditionHolds(string conditions)
    {
        var list = Conditions(conditions);
        var search = Algebra.SearchWhereDefined(list, seed: 7);
        Assert.True(search.Found);
        Assert.InRange(search.Tries, 1, Algebra.DomainSampleLimit);
        Assert.All(list, c => Assert.True(Algebra.HoldsAt(c, search.Point!)));
        Assert.Equal(search.Point, Algebra.PointWhereDefined(list, seed: 7)); // the shorthand is the same search
        Assert.Equal(search, Algebra.SearchWhereDefined(list, seed: 7) with { Point = search.Point }); // seeded: the same tries
    }

    [Fact]
    public void NoConditionsIsTheWholeSpaceWithoutATry()
    {
        var search = Algebra.SearchWhereDefined([]);
        Assert.True(search.Found);
        Assert.Empty(search.Point!);
        Assert.Equal(0, search.Tries);
    }

    [Fact]
    public void TheTriesCountUpToThePointFound()
    {
        // Points are p/q with |p| <= 24 and q <= 6: most meet x > 0 or its negation within a few tries, few meet x > 20.
        var common = Algebra.SearchWhereDefined(Conditions("x > 0"));
        var rare = Algebra.SearchWhereDefined(Conditions("x - 20 > 0"));
        Assert.True(common.Found && rare.Found);
        Assert.InRange(common.Tries, 1, 10);
        Assert.True(rare.Tries > common.Tries, $"x > 20 found after {rare.Tries} tries, x > 0 after {common.Tries}");
        Assert.True(rare.Point!["x"] > 20);
    }
}
