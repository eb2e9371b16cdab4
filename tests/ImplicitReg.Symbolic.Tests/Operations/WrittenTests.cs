using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>
/// <see cref="Algebra.WhereNotDefinedAsWritten"/>: a point where one side is real but the other, as written, is not
/// defined, drawn from the domain a statement is made on.
/// </summary>
public sealed class WrittenTests
{
    private static IReadOnlyList<Statement> Domain(string text)
    {
        Parser.ParseWithDomain(text, out var domain);
        return domain;
    }

    [Fact]
    public void APartlyDefinedSideHasAPointOutsideItsWrittenDomain()
    {
        var written = Domain("x + 0*sqrt(x - 5)");
        var gap = Algebra.WhereNotDefinedAsWritten(Parser.Parse("x"), written, SampleDomain.Reals.WithPositive("x"));
        Assert.NotNull(gap);
        Assert.True(gap.Point["x"].Sign > 0 && gap.Point["x"] < new Numbers.Rational(5, 1), $"x = {gap.Point["x"]}");
        Assert.Equal(gap.Point["x"].ToString(), gap.Value); // the real side's exact value
        Assert.Equal("x - 5 >= 0", gap.Condition.ToString());
    }

    [Fact]
    public void ThePointLiesInTheDomainTheStatementIsMadeOn()
    {
        // 0*sqrt(-x) is defined for x <= 0 only: on the positives every point is outside it, on x <= 0 none is.
        var written = Domain("0*sqrt(-x)");
        Assert.NotNull(Algebra.WhereNotDefinedAsWritten(Parser.Parse("x"), written, SampleDomain.Reals.WithPositive("x")));
        Assert.Null(Algebra.WhereNotDefinedAsWritten(Parser.Parse("x"), Domain("0*sqrt(x^2 + 1)")));
    }

    [Fact]
    public void APointWhereTheOtherSideIsNotRealEitherIsNoWitness()
    {
        // Both sides need x >= 5: where the written side is undefined the "real" side is not real either.
        var gap = Algebra.WhereNotDefinedAsWritten(Parser.Parse("sqrt(x - 5)"), Domain("0*sqrt(x - 5)"));
        Assert.Null(gap);
    }

    [Fact]
    public void NoConditionsMeanNoPoint() =>
        Assert.Null(Algebra.WhereNotDefinedAsWritten(Parser.Parse("x"), []));
}
