using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

/// <summary>
/// The fully cancelled quotient is computed one denominator base at a time; it must be the quotient that one
/// gcd of the numerator with the multiplied-out denominator gives (that quotient is unique, so any other
/// answer is a defect), and sums of many fractions must be decided by the cheap tests.
/// </summary>
public sealed class RationalFormCancelTests
{
    [Theory]
    [InlineData("1/(x + 1) + 1/(y + 1) + 1/(z + 1)")]
    [InlineData("(x^2 - 1)/(x^2 + x) + y/(x - 1)")]
    [InlineData("(x*y + x*z)/(y^2 - z^2) - 1/(y + z)^2")]
    [InlineData("x/(x + y) + y/(x - y) + 2*x*y/(x^2 - y^2)")]
    [InlineData("(x^3 - 1)/((1 - x)*(x^2 + x + 1)^2) + 1/(x^2 + 1)")]
    [InlineData("3/(2*x + 4) + (x + 2)/(x^2 + 4*x + 4)")]
    [InlineData("1/(x - y) + 1/(y - z) + 1/(z - x)")]
    [InlineData("x/(x + 1) - x/(x + 1)")]
    public void PerBaseCancellationEqualsOneGcdWithTheProduct(string text)
    {
        var form = RationalConversion.ToRationalForm(Parser.Parse(text));
        var (n, d) = form.Cancelled();
        // The reference: gcd of the numerator with the whole denominator, by the PRS alone.
        var refN = form.Numerator;
        var refD = form.DenominatorProduct();
        if (refN.IsZero) refD = Poly.One(refN.Variables);
        else
        {
            var g = PolyGcd.GcdByPrs(refN, refD);
            refN = Poly.DivideExact(refN, g);
            refD = Poly.DivideExact(refD, g);
        }
        var (content, primitive) = PolyGcd.ContentAndPrimitive(refD);
        Assert.Equal(refN.Scale(content.Reciprocal()), n);
        Assert.Equal(primitive, d);
    }

    [Fact]
    public void SixteenFractionsAreCoprimeByTheModularTestAlone()
    {
        // Σ 1/(x_i + 1), i < 16: the numerator has 2^16 − 1 terms. Every base is shown not to divide it by
        // one modular evaluation (no division, no general gcd); the cancelled denominator is the product.
        const int count = 16;
        var text = string.Join(" + ", Enumerable.Range(0, count).Select(i => $"1/(x{i} + 1)"));
        var form = RationalConversion.ToRationalForm(Parser.Parse(text));
        Assert.Equal((1 << count) - 1, form.Numerator.Count);
        Assert.Equal(count, form.Denominator.Count);
        Assert.All(form.Denominator, f => Assert.True(PolyGcd.ProvablyNotDivisible(form.Numerator, f.Base), f.Base.ToString()));
        var (n, d) = form.Cancelled();
        Assert.Equal(1 << count, d.Count);
        Assert.Equal(form.Numerator, n);
        // The value at x_i = i + 1 is Σ 1/(i + 2), exactly.
        var values = new Rational[form.Variables.Count];
        for (int i = 0; i < count; i++) values[form.Variables.IndexOf($"x{i}")] = new Rational(i + 1);
        var expected = Enumerable.Range(0, count).Aggregate(Rational.Zero, (s, i) => s + new Rational(1, i + 2));
        Assert.Equal(expected, n.Evaluate(values) / d.Evaluate(values));
    }

    [Fact]
    public void PairwiseDifferencesCancelToTheSameQuotientAsBefore()
    {
        // Σ over pairs of 1/(x_i − x_j) with five variables: no base divides the numerator; simplify keeps the sum.
        var text = string.Join(" + ", from i in Enumerable.Range(0, 5) from j in Enumerable.Range(i + 1, 4 - i) select $"1/(x{i} - x{j})");
        var input = Parser.Parse(text);
        var form = RationalConversion.ToRationalForm(input);
        Assert.All(form.Denominator, f => Assert.True(PolyGcd.ProvablyNotDivisible(form.Numerator, f.Base), f.Base.ToString()));
        Assert.Equal(input, Algebra.Simplify(input));
        Assert.Equal(EqualityVerdict.ProvedEqual, Algebra.Equal(Algebra.Cancel(input), input).Verdict);
    }
}
