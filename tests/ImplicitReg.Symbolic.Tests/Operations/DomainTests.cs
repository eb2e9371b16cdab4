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

    // HoldsAt takes exact constants: the condition is substituted and folded first, doubles only for what is left.
    [Theory]
    [InlineData("x - sqrt(2) >= 0", "sqrt(2)", true)]       // folds to 0 >= 0
    [InlineData("x - sqrt(2) >= 0", "7071/5000", false)]    // 1.4142 - sqrt(2) < 0, in double precision
    [InlineData("x - sqrt(2) >= 0", "14143/10000", true)]
    [InlineData("x^2 - 2 != 0", "sqrt(2)", false)]          // 1.4142135623730951^2 - 2 is 4.4E-16 in doubles
    [InlineData("x^2 - 2 != 0", "3/2", true)]
    [InlineData("sin(x) >= 0", "-1", false)]
    [InlineData("sin(x) >= 0", "exp(1)", true)]
    [InlineData("sqrt(x) - 1 >= 0", "-4", false)]           // its own term is not real there
    [InlineData("x < 0 or sqrt(x) - 1 >= 0", "-4", true)]   // a guard decides (Kleene)
    public void AConditionHoldsAtAPointOfExactConstants(string condition, string x, bool holds)
    {
        var point = new Dictionary<string, Expr> { ["x"] = Parser.ParseExpression(x) };
        Assert.Equal(holds, Algebra.HoldsAt(Parser.ParseStatement(condition), point));
    }

    [Fact]
    public void TheExactFoldDecidesWhereDoublesWouldNot()
    {
        // Why the constants are substituted before any double is taken: at x = sqrt(2), x^2 - 2 is 0 exactly.
        var rounded = Math.Sqrt(2) * Math.Sqrt(2) - 2;
        Assert.NotEqual(0, rounded);
        Assert.False(Algebra.HoldsAt(Parser.ParseStatement("x^2 - 2 != 0"), new Dictionary<string, Expr> { ["x"] = Parser.ParseExpression("sqrt(2)") }));
    }

    [Fact]
    public void AConditionOnASymbolThePointDoesNotGiveDoesNotHold()
    {
        var condition = Parser.ParseStatement("x + y > 0");
        Assert.False(Algebra.HoldsAt(condition, new Dictionary<string, Expr> { ["x"] = Expr.One }));
        Assert.True(Algebra.HoldsAt(condition, new Dictionary<string, Expr> { ["x"] = Expr.One, ["y"] = Expr.One })); // negative control
    }

    // The rational overload is the same function: at rational points both answer alike.
    [Theory]
    [InlineData("x^(2/3) - 2 > 0", "-27/8")]
    [InlineData("x^(2/3) - 2 > 0", "27/8")]
    [InlineData("log(x) - 1 > 0", "3")]
    [InlineData("log(x) - 1 > 0", "2")]
    [InlineData("1/(x - 1) > 0", "1")]
    [InlineData("x*(x - 1) != 0", "1")]
    public void RationalPointsAnswerAsTheirConstants(string condition, string x)
    {
        var c = Parser.ParseStatement(condition);
        var value = Numbers.Rational.Parse(x);
        Assert.Equal(Algebra.HoldsAt(c, new Dictionary<string, Expr> { ["x"] = Num.Of(value) }),
            Algebra.HoldsAt(c, new Dictionary<string, Numbers.Rational> { ["x"] = value }));
    }
}
