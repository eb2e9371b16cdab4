using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class DisplayOrderTests
{
    /// <summary>
    /// Terms by descending degree, then descending exponents over the union of their names in name order
    /// (x2 before x10, a name missing from a term counting as exponent 0), constants last. The expected
    /// strings are the printer's output before its keys became sorted arrays.
    /// </summary>
    [Theory]
    [InlineData("x10*y + x2*y^2 + x2*x10 + y*z10^2 + x2^2", "x2*y^2 + y*z10^2 + x2^2 + x2*x10 + x10*y")]
    [InlineData("3 + b + a^2*c + a*c^2 + c^3 + a*b", "a^2*c + a*c^2 + c^3 + a*b + b + 3")]
    [InlineData("x1*x3 + x2^2 + x1*x2 + x3^2 + x1^2", "x1^2 + x1*x2 + x1*x3 + x2^2 + x3^2")]
    public void SumsPrintInDisplayOrder(string input, string expected) =>
        Assert.Equal(expected, TextPrinter.Print(Algebra.Expand(Parser.Parse(input))));
}
