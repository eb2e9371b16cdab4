using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

public sealed class ParserGrammarTests
{
    private static readonly Sym X = new("x"), Y = new("y"), Z = new("z");

    [Theory]
    [InlineData("0.1", 1, 10)]
    [InlineData("0.25", 1, 4)]
    [InlineData(".5", 1, 2)]
    [InlineData("5.", 5, 1)]
    [InlineData("1e-3", 1, 1000)]
    [InlineData("1E3", 1000, 1)]
    [InlineData("2.5e+4", 25000, 1)]
    [InlineData("12.5e-1", 5, 4)]
    [InlineData("0.000", 0, 1)]
    [InlineData("007", 7, 1)]
    public void DecimalsAreExactRationals(string literal, int numerator, int denominator) =>
        Assert.Equal(Num.Of(new Rational(numerator, denominator)), Parser.Parse(literal));

    [Fact]
    public void ATenthPlusTwoTenthsIsExactlyThreeTenths()
    {
        Assert.Equal(Num.Of(new Rational(3, 10)), Parser.Parse("0.1 + 0.2"));
        Assert.NotEqual(Num.Of(Rational.FromDouble(0.1 + 0.2)), Parser.Parse("0.1 + 0.2")); // negative control
    }

    [Fact]
    public void AMillionDigitLiteralParsesExactly()
    {
        var digits = "7" + new string('3', 999_999);
        var n = Assert.IsType<Num>(Parser.Parse(digits + " + 1"));
        Assert.Equal(System.Numerics.BigInteger.Parse(digits) + 1, n.Value.Numerator);
        Assert.Equal(System.Numerics.BigInteger.One, n.Value.Denominator);
    }

    /// <summary>
    /// A long literal must not blow up the parser: the work is bounded by the literal length limit (2 000 000
    /// characters), checked before any conversion. A literal of exactly that length is one exact number; one
    /// character more is refused with the limit named, at the literal's column. (How fast a long literal converts
    /// is a matter for bench/, not for a timed unit test.)
    /// </summary>
    [Fact]
    public void ALiteralAtTheLengthLimitParsesAndOneDigitMoreIsRefusedWithTheLimit()
    {
        var atLimit = new string('9', 2_000_000);
        var n = Assert.IsType<Num>(Parser.Parse(atLimit));
        // 10^2000000 - 1, checked by its size and its residue modulo a large prime (exactness of the conversion is the
        // million-digit test's; this one is about the limit).
        const long Prime = 1_000_000_007;
        Assert.Equal(6_643_857, n.Value.Numerator.GetBitLength());
        Assert.Equal((System.Numerics.BigInteger.ModPow(10, 2_000_000, Prime) + Prime - 1) % Prime, n.Value.Numerator % Prime);

        var e = Assert.Throws<ParseException>(() => Parser.Parse("x + " + atLimit + "9"));
        Assert.Contains("number literal of 2000001 characters is longer than the limit of 2000000", e.Reason);
        Assert.Equal(5, e.Column);
    }

    [Theory]
    [InlineData("-x^2", "-(x^2)")]
    [InlineData("x^-2", "x^(-2)")]
    [InlineData("x^y^z", "x^(y^z)")]
    [InlineData("2^-x*y", "(2^(-x))*y")]
    [InlineData("-x*y", "(-x)*y")]
    [InlineData("x - y - z", "x + (-y) + (-z)")]
    [InlineData("x / y / z", "x * (1/y) * (1/z)")]
    [InlineData("x ** 3", "x^3")]
    [InlineData("- - x", "x")]
    [InlineData("+x", "x")]
    [InlineData("x*-y", "x*(-y)")]
    [InlineData("x + y*z^2", "x + (y*(z^2))")]
    public void OperatorsBindAsDocumented(string input, string grouped) =>
        Assert.Equal(Parser.Parse(grouped), Parser.Parse(input));

    [Fact]
    public void PrecedenceIsNotAccidentallyFlat()
    {
        // Negative controls for the table above: the wrong grouping gives a different expression.
        Assert.NotEqual(Parser.Parse("(-x)^2"), Parser.Parse("-x^2"));
        Assert.NotEqual(Parser.Parse("(x^y)^z"), Parser.Parse("x^y^z"));
        Assert.NotEqual(Parser.Parse("x/(y/z)"), Parser.Parse("x/y/z"));
        Assert.NotEqual(Parser.Parse("x - (y - z)"), Parser.Parse("x - y - z"));
    }

    [Fact]
    public void StatementsParseWithLogicPrecedence()
    {
        var a = Expr.Lt(X, 1);
        var b = Expr.Gt(Y, 0);
        var c = Expr.Eq(Z, 1);
        Assert.Equal(Expr.Or(Expr.And(a, b), c), Parser.Parse("x < 1 and y > 0 or z = 1"));
        Assert.Equal(Expr.Or(a, Expr.And(b, c)), Parser.Parse("x < 1 or y > 0 and z == 1"));
        Assert.Equal(Expr.And(Expr.Negation(a), b), Parser.Parse("not x < 1 and y > 0"));
        Assert.Equal(Expr.Implication(a, Expr.Implication(b, c)), Parser.Parse("x < 1 implies y > 0 => z = 1"));
        Assert.Equal(Expr.Implication(Expr.Or(a, b), c), Parser.Parse("x < 1 or y > 0 implies z = 1"));
        Assert.Equal(a, Parser.Parse("not not x < 1"));
        Assert.Equal(Expr.Relation(RelOp.Ne, X, Y), Parser.Parse("x != y"));
        Assert.Equal(BoolConst.True, Parser.Parse("true"));
    }

    [Fact]
    public void ARelationChainIsAConjunction() =>
        Assert.Equal(Expr.And(Expr.Lt(0, X), Expr.Le(X, Y + 1), Expr.Lt(Y + 1, 2)), Parser.Parse("0 < x <= y + 1 < 2"));

    [Theory]
    [InlineData("W[1,2]", "W[1,2]")]
    [InlineData("W [ 1 , 2 ]", "W[1,2]")]
    [InlineData("W2[01,3]", "W2[1,3]")]
    [InlineData("w1_2[3]", "w1_2[3]")]
    [InlineData("G[0]", "G[0]")]
    [InlineData("_x1", "_x1")]
    public void IndexedSymbolsAreOneNormalisedName(string input, string name) =>
        Assert.Equal(new Sym(name), Parser.Parse(input));

    [Fact]
    public void EveryFunctionIsKnown()
    {
        Assert.Equal(Expr.Sqrt(X), Parser.Parse("sqrt(x)"));
        Assert.Equal(Expr.Exp(X), Parser.Parse("exp(x)"));
        Assert.Equal(Expr.Log(X), Parser.Parse("log(x)"));
        Assert.Equal(Expr.Abs(X), Parser.Parse("abs(x)"));
        Assert.Equal(Expr.Sign(X), Parser.Parse("sign(x)"));
        Assert.Equal(Expr.Sin(X), Parser.Parse("sin(x)"));
        Assert.Equal(Expr.Cos(X), Parser.Parse("cos(x)"));
    }

    [Fact]
    public void ALongSumIsBuiltOnceNotOncePerOperator()
    {
        // 20,000 terms: one canonical Add is linear-logarithmic; pairwise Adds would be quadratic (minutes).
        var input = string.Join(" + ", Enumerable.Range(0, 20_000).Select(i => $"x{i}"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sum = Assert.IsType<Add>(Parser.Parse(input));
        Assert.Equal(20_000, sum.Terms.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("x", true)]
    [InlineData("W2[1,3]", true)]
    [InlineData("w1_2[3]", true)]
    [InlineData("W[01]", false)]
    [InlineData("W[1, 2]", false)]
    [InlineData("sin", false)]
    [InlineData("and", false)]
    [InlineData("2x", false)]
    [InlineData("x y", false)]
    [InlineData("", false)]
    [InlineData("x+", false)]
    public void SymbolNamesAreValidatedByTheLexer(string name, bool valid) =>
        Assert.Equal(valid, Parser.IsValidSymbolName(name));
}
