using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Tests.Testing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// The lexer's fast paths (operators by switch, names looked up by span and shared) must read exactly what
/// the plain reading would: every spelling of a name is one symbol, every operator spelling its operator, and
/// a large generated sum of products, as derivations hand it over, parses and expands as the kernel built it.
/// </summary>
public sealed class LexerTests
{
    private static IEnumerable<Sym> Symbols(Expr e) =>
        e is Sym s ? [s] : e.Children.SelectMany(Symbols);

    [Fact]
    public void EverySpellingOfANameIsOneSharedSymbol()
    {
        var e = Parser.Parse("W[1,2]*x + W[01, 2]*y + W [1,2]*z + W[1,2]");
        var ws = Symbols(e).Where(s => s.Name == "W[1,2]").ToList();
        Assert.Equal(4, ws.Count);
        Assert.All(ws, w => Assert.Same(ws[0], w));
        // Negative control: a different index is a different symbol.
        Assert.Equal(2, Symbols(Parser.Parse("W[1,2] + W[1,20]")).Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("x**2", "x^2")]
    [InlineData("a == b", "a = b")]
    [InlineData("a < 1 => b > 2", "a < 1 implies b > 2")]
    [InlineData("x<=1", "x <= 1")]
    [InlineData("x>=1", "x >= 1")]
    [InlineData("x!=1", "x != 1")]
    [InlineData("x<1", "x < 1")]
    [InlineData("x>1", "x > 1")]
    [InlineData("(x+y)/z-w^2", "(x + y)*z^(-1) - w^2")]
    public void EveryOperatorSpellingReadsAsItsOperator(string input, string same) =>
        Assert.Equal(Parser.Parse(same), Parser.Parse(input));

    [Fact]
    public void ALoneExclamationMarkIsRefusedWithTheFix()
    {
        var e = Assert.Throws<ParseException>(() => Parser.Parse("!x"));
        Assert.Contains("write 'not'", e.Reason);
        Assert.Equal(1, e.Column);
    }

    /// <summary>
    /// The balancedness defect of depth 3 with 3×3 layers, every entry written out as text the way a derivation
    /// prints it (expanded flows in parentheses times layer entries), reads back and expands to 0; flipping
    /// the sign of one flow term does not.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AGeneratedBalancednessDefectReadsBackAndExpandsToZeroOnlyWhenItIsOne(bool flipOneSign)
    {
        var text = BalancednessDefectText.Write(depth: 3, size: 3, flipEntry: flipOneSign ? 0 : null);
        Assert.True(text.Length > 50_000, $"the text should be large, is {text.Length} characters");
        var expanded = Algebra.Expand(Parser.Parse(text));
        if (flipOneSign) Assert.NotEqual(Expr.Zero, expanded);
        else Assert.Equal(Expr.Zero, expanded);
    }
}
