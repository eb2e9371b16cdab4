using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Tests.Derivations.Checks;

/// <summary>One statement of what a derivation assumes drives both the power rules and the witness domain.</summary>
public sealed class AssumptionTests
{
    private static readonly Sym Sigma = new("sigma"), N = new("N");

    [Fact]
    public void TheDomainRestrictsExactlyTheAssumedSymbolsAndTheDepth()
    {
        var assumed = new Assumption([Sigma, Parser.ParseExpression("s0 + I")], N, MinDepth: 3);
        // Everything assumed positive restricts where witnesses are drawn: a symbol by its sign, a sum such as s0 + I
        // (a closed form's right side) as a condition on its symbols; a witness outside it would refute nothing stated.
        Assert.Equal("N in 3..12, sigma > 0, I + s0 > 0", assumed.Domain.ToString());
        Assert.Equal("sigma > 0", new Assumption([Sigma]).Domain.ToString());
        Assert.True(new Assumption([]).Domain.IsReals);
    }

    [Fact]
    public void NormalizeCombinesPowersOfTheAssumedBasesOnly()
    {
        var assumed = new Assumption([Sigma]);
        Assert.Equal(Sigma, assumed.Normalize(Parser.ParseExpression("(sigma^2)^(1/2)")));
        // Negative control: dL is not assumed positive, so |dL| stays.
        var notAssumed = Parser.ParseExpression("(dL^2)^(1/2)");
        Assert.Equal(notAssumed, assumed.Normalize(notAssumed));
        Assert.Equal(PositivePowers.Normalize(Parser.ParseExpression("(sigma^2)^(1-1/N)"), [Sigma]), assumed.Normalize(Parser.ParseExpression("(sigma^2)^(1-1/N)")));
    }
}
