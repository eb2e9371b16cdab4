using ImplicitReg.Models.Problems;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Tests.Problems;

public sealed class ProofChainTests
{
    private static KeyValuePair<Sym, Expr> Define(string name, string value) => new(new Sym(name), Parser.Parse(value));

    private static ProofChain Chain(params KeyValuePair<Sym, Expr>[] definitions) =>
        new("t", "t", [new("h", Parser.ParseStatement("x > 0"))], definitions,
            [new ProofStep("c", Parser.ParseStatement("D > 0"), ["h"])], Parser.ParseStatement("D > 0"));

    [Fact]
    public void NamedQuantitiesExpandToTheirDefinitionsOnEveryCall()
    {
        var chain = Chain(Define("D", "x^2"));
        Assert.Equal(Parser.ParseStatement("x^2 > 0"), chain.Expand(Parser.ParseStatement("D > 0")));
        Assert.Equal(Parser.ParseStatement("x^2 + y >= x"), chain.Expand(Parser.ParseStatement("D + y >= x")));
        Assert.Equal(Parser.ParseStatement("x > 0 implies x^2 > 0"), chain.Theorem);
    }

    [Fact]
    public void ACopyWithOtherDefinitionsExpandsWithItsOwn()
    {
        // The map is built once per chain: a copy made after the first expansion must not reuse the original's.
        var chain = Chain(Define("D", "x^2"));
        _ = chain.Expand(Parser.ParseStatement("D > 0"));
        var other = chain with { Definitions = [Define("D", "x + 1")] };
        Assert.Equal(Parser.ParseStatement("x + 1 > 0"), other.Expand(Parser.ParseStatement("D > 0")));
        Assert.Equal(Parser.ParseStatement("x^2 > 0"), chain.Expand(Parser.ParseStatement("D > 0")));
    }

    [Fact]
    public void ExpandingLeavesEqualChainsEqual()
    {
        // Records compare their fields: the cached map must not be one of them.
        KeyValuePair<Sym, Expr>[] definitions = [Define("D", "x^2")];
        var a = Chain(definitions);
        var b = a with { };
        _ = a.Expand(Parser.ParseStatement("D > 0"));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a with { Definitions = [Define("D", "x^2")] }); // negative control: lists compare by reference
    }
}
