using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Core;

public sealed class CanonicalFormTests
{
    [Theory]
    [InlineData("x + x", "2*x")]
    [InlineData("x - x", "0")]
    [InlineData("2*x + 3*x - y", "5*x - y")]
    [InlineData("x*x", "x^2")]
    [InlineData("x*x^2*x^(-3)", "1")]
    [InlineData("(x^2)^(1/2)", "abs(x)")]
    [InlineData("(x^4)^(1/2)", "x^2")]
    [InlineData("(x^(1/2))^2", "x")]
    [InlineData("sqrt(4)", "2")]
    [InlineData("sqrt(9/4)", "3/2")]
    [InlineData("0.1 + 0.2", "3/10")]
    [InlineData("1e-3", "1/1000")]
    [InlineData("2*(x + y)", "2*x + 2*y")]
    [InlineData("(x + y) - (y + x)", "0")]
    [InlineData("x^0", "1")]
    [InlineData("1^y", "1")]
    [InlineData("exp(log(x))", "x")]
    [InlineData("log(exp(x))", "x")]
    [InlineData("abs(-3*x)", "3*abs(x)")]
    [InlineData("abs(x^2)", "x^2")]
    [InlineData("sin(-x)", "-sin(x)")]
    [InlineData("cos(-x)", "cos(x)")]
    [InlineData("sign(-2*x)", "-sign(x)")]
    [InlineData("x/2", "x/2")]
    [InlineData("3*x/4", "3*x/4")]
    [InlineData("x/y", "x/y")]
    [InlineData("1/(x*y^2)", "1/(x*y^2)")]
    [InlineData("exp(x)^2", "exp(2*x)")]
    [InlineData("(2*x)^3", "8*x^3")]
    [InlineData("(4*x)^(1/2)", "2*sqrt(x)")]
    [InlineData("W[1,2] + W[ 1, 2 ]", "2*W[1,2]")]
    [InlineData("x^y*x^z", "x^(y + z)")]
    public void CanonicalFormIsAutomatic(string input, string expected) =>
        Assert.Equal(expected, Parser.Parse(input).ToString());

    [Fact]
    public void RebuildingANodeFromItsChildrenGivesAnEqualNode()
    {
        var e = Parser.Parse("3*x^2*y + sin(x*y) - 2/z + W2[1,3]^(5/2)");
        Assert.Equal(e, Expr.Add(((Add)e).Terms.Reverse()));
        var m = (Mul)Parser.Parse("3*x^2*y*sin(z)");
        Assert.Equal(m, Expr.Mul(m.Factors.Reverse()));
        Assert.Equal(e.GetHashCode(), Expr.Add(((Add)e).Terms.Reverse()).GetHashCode());
    }

    [Fact]
    public void DivisionByZeroIsAnError() =>
        Assert.ThrowsAny<SymbolicException>(() => Parser.Parse("1/0"));
}

public sealed class KernelEdgeCaseTests
{
    [Theory]
    [InlineData("sqrt(10^400)", "10^200")]
    [InlineData("sqrt(4*10^300)", "2*10^150")]
    [InlineData("(2^3000)^(1/3)", "2^1000")]
    [InlineData("sqrt(10^40)", "10^20")]
    [InlineData("sqrt(12345678901234567890^2)", "12345678901234567890")]
    public void ExactRootsOfLargeIntegersAreFound(string input, string expected) =>
        Assert.Equal(Parser.Parse(expected), Parser.Parse(input));

    [Fact]
    public void ALargeNonSquareStaysARoot() =>
        Assert.IsType<Pow>(Parser.Parse("sqrt(10^401)"));

    [Fact]
    public void AStatementCannotBeNegatedOrScaled()
    {
        var s = Expr.Lt(new Sym("x"), Expr.One);
        Assert.Throws<SymbolicException>(() => Expr.Neg(s));
        Assert.Throws<SymbolicException>(() => Expr.Scale(2, s));
    }

    [Fact]
    public void RelationsCompareDoublesByIeeeAndRationalsExactly()
    {
        var third = new ImplicitReg.Symbolic.Numbers.Rational(1, 3);
        var half = ImplicitReg.Symbolic.Numbers.Rational.Half;
        Assert.True(ImplicitReg.Symbolic.Operations.Algebra.Compare(RelOp.Le, third, half));
        Assert.False(ImplicitReg.Symbolic.Operations.Algebra.Compare(RelOp.Gt, third, half));
        Assert.False(ImplicitReg.Symbolic.Operations.Algebra.Compare(RelOp.Lt, double.NaN, 1.0));
        Assert.False(ImplicitReg.Symbolic.Operations.Algebra.Compare(RelOp.Ge, double.NaN, 1.0));
        Assert.True(ImplicitReg.Symbolic.Operations.Algebra.Compare(RelOp.Ne, double.NaN, double.NaN));
    }

    [Fact]
    public void LongDecimalsParseExactly()
    {
        var digits = new string('3', 20000);
        Assert.True(ImplicitReg.Symbolic.Numbers.Rational.TryParse("0." + digits, out var r));
        Assert.Equal(System.Numerics.BigInteger.Pow(10, 20000), r.Denominator);
    }
}
