using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;
using ImplicitReg.Symbolic.Tests.Testing;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

/// <summary>
/// Terms that are monomials go straight into packed keys when an expression becomes a polynomial
/// (PolyConversion's fast path); these tests pin that it gives what polynomial arithmetic gives, and that the
/// balancedness identity of deep matrix factorization, handed over as text (written by <see cref="BalancednessDefectText"/>),
/// still expands to exactly zero.
/// </summary>
public sealed class PolyConversionMonomialTests
{
    private static readonly Sym X = new("x"), Y = new("y"), Z = new("z");

    [Fact]
    public void MonomialTermsConvertLikeProductsOfVariables()
    {
        // 3*x*y^2 - x*y^2 + z^200 + 5: the general path (x times y^2 ...) and the packed keys must agree.
        var e = Expr.Add(Expr.Mul(3, X, Expr.Pow(Y, 2)), Expr.Neg(Expr.Mul(X, Expr.Pow(Y, 2))), Expr.Pow(Z, 200), 5);
        var vars = PolyConversion.VariablesOf(e);
        var x = Poly.Variable(vars, X);
        var y = Poly.Variable(vars, Y);
        var z = Poly.Variable(vars, Z);
        var expected = Poly.Add(Poly.Add(Poly.Multiply(Poly.Multiply(Poly.Constant(vars, 2), x), y.Pow(2)), z.Pow(200)), Poly.Constant(vars, 5));
        Assert.Equal(expected, PolyConversion.ToPoly(e, vars));
        Assert.Equal(16, PolyConversion.ToPoly(e, vars).Bits); // z^200 needs the wide packing
        Assert.Equal(expected.Pow(2), PolyConversion.ToPoly(Expr.Pow(e, 2), vars));
    }

    [Fact]
    public void TooLargeAnExponentIsRefusedNotWrapped()
    {
        var e = Expr.Add(Expr.Mul(X, Expr.Pow(Y, 40_000)), Z);
        Assert.Throws<SymbolicLimitException>(() => PolyConversion.ToPoly(e));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    public void TheBalancednessIdentityHandedOverAsTextExpandsToZero(int depth, int size)
    {
        var text = BalancednessDefectText.Write(depth, size);
        Assert.Equal(Expr.Zero, Algebra.Expand(Parser.Parse(text)));
        // The same text with the products written so the parser takes its general path: still exactly zero.
        Assert.Equal(Expr.Zero, Algebra.Expand(Parser.Parse(text.Replace("*", "*(1)*", StringComparison.Ordinal))));
    }

    /// <summary>
    /// Negative control: with the sign of one flow term flipped in entry <paramref name="flipEntry"/> (in writing order),
    /// the expansion is not zero, and the weight of that entry of D_j is the only one left in it.
    /// </summary>
    [Theory]
    [InlineData(0, "C1[1,1]")]
    [InlineData(5, "C2[1,2]")]
    [InlineData(7, "C2[2,2]")]
    public void ABrokenBalancednessTextDoesNotExpandToZero(int flipEntry, string weight)
    {
        var broken = Algebra.Expand(Parser.Parse(BalancednessDefectText.Write(depth: 3, size: 2, flipEntry)));
        Assert.NotEqual(Expr.Zero, broken);
        var weights = Algebra.FreeSymbols(broken).Where(s => s.Name.StartsWith('C')).Select(s => s.Name);
        Assert.Equal([weight], weights);
    }
}
