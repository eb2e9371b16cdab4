using System.Numerics;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Verdicts;

public sealed class PointTruthTests
{
    private static (Truth, bool) At(string statement, params (string Name, ModelValue Value)[] point) =>
        PointTruth.Evaluate(Parser.ParseStatement(statement), point.ToDictionary(p => p.Name, p => p.Value));

    /// <summary>An isolating interval of sqrt(2) of width 1e-60, as Z3 returns algebraic values.</summary>
    private static ModelValue Sqrt2()
    {
        var scale = BigInteger.Pow(10, 60);
        var n = 2 * scale * scale;
        var root = 2 * scale; // Newton's method for floor(sqrt(n)), started above the root
        while (true)
        {
            var next = (root + n / root) / 2;
            if (next >= root) break;
            root = next;
        }
        while (root * root > n) root -= 1;
        return new ModelValue(new Rational(root, scale), new Rational(root + 1, scale), "1.4142135623730950488?");
    }

    [Fact]
    public void RationalPointsAreDecidedExactly()
    {
        Assert.Equal((Truth.False, false), At("x^2 > 2*x", ("x", ModelValue.Exact(1))));
        Assert.Equal((Truth.True, false), At("x^2 >= 2*x", ("x", ModelValue.Exact(2))));
        Assert.Equal((Truth.True, false), At("sqrt(x) = 3/2", ("x", ModelValue.Exact(new Rational(9, 4)))));
    }

    [Fact]
    public void AlgebraicPointsAreDecidedByIntervalsWhenTheySeparate()
    {
        Assert.Equal((Truth.True, false), At("x > 1.414 and x < 1.415", ("x", Sqrt2())));
        Assert.Equal((Truth.False, false), At("x = 1", ("x", Sqrt2())));
    }

    [Fact]
    public void EqualityOfIrrationalValuesIsDecidedToThirtyDigitsAndMarkedApproximate()
    {
        Assert.Equal((Truth.True, true), At("x^2 = 2", ("x", Sqrt2())));
        Assert.Equal((Truth.False, true), At("x^2 = 2 implies x = 1", ("x", Sqrt2())));
        // A value 1e-20 away from 2 is not equal to it: the tolerance is far below that.
        Assert.Equal((Truth.False, false), At("x = 2", ("x", new ModelValue(2 + new Rational(1, BigInteger.Pow(10, 20)), 2 + new Rational(2, BigInteger.Pow(10, 20)), "2.00000000000000000001?"))));
    }

    [Fact]
    public void DivisionByZeroAndRootsOfNegativesAreUndefined()
    {
        Assert.Equal(Truth.Undefined, At("1/x > 0", ("x", ModelValue.Exact(0))).Item1);
        Assert.Equal(Truth.Undefined, At("sqrt(x) >= 0", ("x", ModelValue.Exact(-1))).Item1);
    }

    [Fact]
    public void AnUndefinedTermMakesTheWholeStatementUndefinedEvenWhenAnotherOperandDecidesIt()
    {
        // True wherever every term is defined (x^2 != 2); at x = sqrt(2) a term is undefined, so no counterexample.
        Assert.Equal(Truth.Undefined, At("not (x^2 = 2 or abs(x^2 - 2)/(x^2 - 2) < -1)", ("x", Sqrt2())).Item1);
        Assert.Equal(Truth.Undefined, At("x > 5 and sqrt(x) >= 0", ("x", ModelValue.Exact(-1))).Item1);
        Assert.Equal(Truth.Undefined, At("x < 5 or 1/x > 0", ("x", ModelValue.Exact(0))).Item1);
        // Negative control: defined everywhere, the connective still decides.
        Assert.Equal(Truth.False, At("x > 5 and x >= 0", ("x", ModelValue.Exact(-1))).Item1);
    }
}
