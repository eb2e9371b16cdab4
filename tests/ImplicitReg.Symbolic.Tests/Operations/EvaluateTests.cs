using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

public sealed class EvaluateTests
{
    private static readonly Dictionary<string, double> At = new() { ["x"] = -4, ["y"] = 0 };

    [Theory]
    [InlineData("x < 0", true)]
    [InlineData("x^2 = 16 and y = 0", true)]
    [InlineData("x > 0 or y != 0", false)]
    [InlineData("x > 0 implies sqrt(x) > 100", true)]   // a defined premise that is false decides (a guard)
    [InlineData("x < 0 or sqrt(x) = 1", true)]          // so does a defined true operand of an or
    [InlineData("x > 0 and sqrt(x) = 1", false)]        // and a defined false operand of an and
    public void DefinedStatementsHaveTheirTruthValue(string statement, bool expected) =>
        Assert.Equal(expected, Algebra.DefinedTruth(Parser.ParseStatement(statement), At));

    // Truth says true for the first two (NaN != 5, not (NaN < 0)); whatever it says, none of these is decided.
    [Theory]
    [InlineData("sqrt(x) != 5")]
    [InlineData("not (sqrt(x) < 0)")]
    [InlineData("x > 0 or sqrt(x) = 1")]
    [InlineData("x < 0 and sqrt(x) = 1")]
    [InlineData("1/y > 0")]
    [InlineData("x < 0 implies log(x) != 0")]
    public void AStatementWithAnUndefinedSideIsUndefinedNotTrue(string statement)
    {
        var s = Parser.ParseStatement(statement);
        Assert.Null(Algebra.DefinedTruth(s, At));
    }

    [Fact]
    public void TruthAloneWouldCallNaNNotEqualToFiveTrue() =>
        Assert.True(Algebra.Truth(Parser.ParseStatement("sqrt(x) != 5"), At));
}
