using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

public sealed class RationalConversionTests
{
    /// <summary>
    /// Sums and products are combined as a balanced tree; the rational function must be the one the former
    /// left-to-right fold gave, down to the order and exponents of the denominator factors.
    /// </summary>
    [Theory]
    [InlineData("x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11")]
    [InlineData("1/x + 1/(x + 1) + x/(x + 1)^2 + y/(x*y + 1) + 3 - 1/y^2")]
    [InlineData("x/(x + y) - y/(x - y) + 1/(x^2 - y^2) + 1/(x + y)^3 - 2/x")]
    [InlineData("(x + 1)/(y - 1) * (y^2 - 1)/x * x^(3/2) * sqrt(x) * 1/(x + 1)^2 * (x + y)")]
    [InlineData("sin(x)/cos(x) + cos(x)/sin(x) + 1/(sin(x)*cos(x)) + sqrt(x + 1)/x")]
    [InlineData("a/b + c/d + e/f + (a + c)/(b*d) + 1/(b + d) - 1/(b + d)")]
    public void BalancedSumsAndProductsEqualTheLeftFold(string text)
    {
        var e = Parser.Parse(text);
        var parts = e switch
        {
            Add a => a.Terms,
            Mul m => m.Factors,
            _ => throw new InvalidOperationException($"not a sum or product: {e}"),
        };
        Assert.True(parts.Count >= 4, $"too few parts in {e}");
        // One conversion, so every form shares the variable order; index 0 is the whole expression.
        var forms = RationalConversion.ToRationalForms([e, .. parts], Algebra.Expand);
        var left = forms[1];
        for (int i = 2; i < forms.Length; i++) left = e is Add ? left + forms[i] : left * forms[i];
        var balanced = forms[0];
        Assert.Equal(left.Numerator, balanced.Numerator);
        Assert.Equal(left.Denominator, balanced.Denominator);
        Assert.Equal(left.ToExpr(), balanced.ToExpr());
    }

    [Fact]
    public void SumsOfManyVariablesAndFractionsKeepEveryTerm()
    {
        // The shape that was slow (a wide sum): every variable stays, with coefficient 1, once.
        var names = Enumerable.Range(0, 300).Select(i => $"x{i}").ToArray();
        var sum = Parser.Parse(string.Join(" + ", names));
        Assert.Equal(sum, Algebra.Simplify(sum));
        var form = RationalConversion.ToRationalForm(Parser.Parse(string.Join(" + ", names.Select(n => $"1/{n}"))));
        Assert.Equal(names.Length, form.Numerator.Count);
        Assert.Equal(names.Length, form.Denominator.Count);
        Assert.All(form.Denominator, f => Assert.Equal(1, f.Exponent));
    }
}
