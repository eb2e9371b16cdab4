using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Translation;

public sealed class LoweringTests
{
    private static LoweredProblem Lower(string statement) => Lowering.Apply(Obligation.Of("t", Parser.ParseStatement(statement)));

    private static string Text(IEnumerable<Statement> statements) => string.Join("; ", statements.Select(s => s.ToString()));

    [Fact]
    public void ASquareRootBecomesAFreshNonNegativeVariableWhoseSquareIsTheArgument()
    {
        var p = Lower("sqrt(x^2 + 1) >= x");
        var aux = Assert.Single(p.Auxiliaries);
        Assert.Equal("sqrt.1", aux.Symbol.Name);
        Assert.Equal("sqrt.1 >= 0; sqrt.1^2 = x^2 + 1", Text(p.Definitions));
        Assert.Equal("x^2 + 1 >= 0", Text(p.Domain));
        Assert.Equal("sqrt.1 >= x", p.Goal.ToString());
    }

    [Fact]
    public void EqualRootsShareOneVariableAndAReciprocalRootIsItsInverse()
    {
        // sqrt(l) and 1/sqrt(l) are the same root: one variable, and the inverse adds l != 0 to the domain.
        var p = Lower("sqrt(l) + 1/sqrt(l) >= 2");
        Assert.Single(p.Auxiliaries);
        Assert.Contains("l != 0", Text(p.Domain));
        Assert.Contains("l >= 0", Text(p.Domain));
    }

    [Fact]
    public void RootsOfOneProductMergeSoSqrtOfTwoLIsOneVariable()
    {
        // The kernel stores sqrt(2*l) as sqrt(2)*sqrt(l); the lowering puts it back under one root.
        var p = Lower("(1 - sqrt(2*l))^2/sqrt(2*l) > 0");
        var aux = Assert.Single(p.Auxiliaries);
        Assert.Equal($"{aux.Symbol}^2 = 2*l", p.Definitions[1].ToString());
    }

    [Fact]
    public void AnAbsoluteValueBecomesAFreshVariableEqualToPlusOrMinusItsArgument()
    {
        var p = Lower("abs(x - 1) >= 0");
        Assert.Equal("abs.1 >= 0; abs.1 = x - 1 or abs.1 = -x + 1", Text(p.Definitions));
    }

    [Fact]
    public void DivisionAddsTheNonZeroDenominatorToTheDomain()
    {
        var p = Lower("1/(x - y) > 0");
        Assert.Equal("x - y != 0", Text(p.Domain));
        Assert.Empty(p.Auxiliaries);
    }

    [Theory]
    [InlineData("exp(x) > 0", "exp()")]
    [InlineData("log(x) < x", "log()")]
    [InlineData("sin(x) <= 1", "sin()")]
    [InlineData("x^y >= 0", "symbolic exponent")]
    public void TranscendentalFunctionsAreRefusedNeverApproximated(string statement, string named)
    {
        var e = Assert.Throws<UntranslatableException>(() => Lower(statement));
        Assert.Contains(named, e.Message);
        Assert.Contains("refuses", e.Message);
    }

    [Fact]
    public void ARootOfANegativeConstantIsNowhereDefined()
    {
        var e = Assert.Throws<UntranslatableException>(() => Lower("x + (-2)^(1/2) > 0"));
        Assert.Contains("nowhere defined", e.Message);
    }

    [Fact]
    public void TheLoweredProblemIsPolynomialSoTheSmtLibPrinterAcceptsEveryAssertion()
    {
        var p = Lower("abs(x)^(3/2) + sign(y)*sqrt(x^2 + y^2) >= 1/(1 + x^2)");
        foreach (var a in p.Assertions) Assert.StartsWith("(", Symbolic.Printing.SmtLibPrinter.Print(a));
    }

    [Theory]
    [InlineData("x^100 >= 0", 6, "pow.2*pow.5*pow.6")]
    [InlineData("x^65 >= 0", 6, "x")]
    public void APowerAboveTheExpansionLimitGoesThroughExactSquares(string statement, int squares, string factor)
    {
        var p = Lower(statement);
        Assert.Equal(squares, p.Definitions.Count);
        Assert.All(p.Definitions, d => Assert.Matches(@"^pow\.\d+ = (x|pow\.\d+)\^2$", d.ToString()));
        Assert.Contains(factor.Split('*')[0], p.Goal.ToString());
        // no power above the limit reaches the solver or the certificate
        Assert.DoesNotMatch(@"\^(6[5-9]|[7-9]\d|\d{3,})", p.Goal.ToString());
    }

    [Fact]
    public void APowerAboveTheLargestExponentIsRefusedWithTheReason()
    {
        var e = Assert.Throws<UntranslatableException>(() => Lower("x^5000 >= 0"));
        Assert.Contains("4096", e.Message);
    }
}
