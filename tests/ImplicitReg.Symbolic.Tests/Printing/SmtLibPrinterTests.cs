using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class SmtLibPrinterTests
{
    private static string Print(string text) => SmtLibPrinter.Print(Parser.Parse(text));

    [Theory]
    [InlineData("3", "3.0")]
    [InlineData("-3", "(- 3.0)")]
    [InlineData("1/3", "(/ 1.0 3.0)")]
    [InlineData("-0.25", "(- (/ 1.0 4.0))")]
    [InlineData("x + y", "(+ x y)")]
    [InlineData("x - y", "(+ x (- y))")]
    [InlineData("2*x*y", "(* 2.0 x y)")]
    [InlineData("x^3", "(* x x x)")]
    [InlineData("1/x^2", "(/ 1.0 (* x x))")]
    [InlineData("x/2", "(* (/ 1.0 2.0) x)")]
    public void ArithmeticPrintsAsRealSmtLibTerms(string text, string expected) => Assert.Equal(expected, Print(text));

    [Theory]
    [InlineData("x = y", "(= x y)")]
    [InlineData("x != y", "(not (= x y))")]
    [InlineData("x <= 1 and y > 2", "(and (<= x 1.0) (> y 2.0))")]
    [InlineData("x < 0 or not x >= 1", "(or (< x 0.0) (not (>= x 1.0)))")]
    [InlineData("x > 0 implies x^2 > 0", "(=> (> x 0.0) (> (* x x) 0.0))")]
    [InlineData("abs(x) >= 0", "(>= (ite (>= x 0.0) x (- x)) 0.0)")]
    public void StatementsPrintWithTheCoreTheoryOperators(string text, string expected) => Assert.Equal(expected, Print(text));

    [Theory]
    [InlineData("x", "x")]
    [InlineData("w1_2", "w1_2")]
    [InlineData("W[1,2]", "|W[1,2]|")]
    [InlineData("W2[1,3]", "|W2[1,3]|")]
    [InlineData("sqrt.1", "sqrt.1")]
    [InlineData("and", "|and|")]
    [InlineData("1x", "|1x|")]
    public void SymbolsAreQuotedExactlyWhenTheyAreNotSimpleSymbols(string name, string expected) =>
        Assert.Equal(expected, SmtLibPrinter.Symbol(name));

    [Theory]
    [InlineData("sqrt(x) > 0", "non-integer exponent")]
    [InlineData("exp(x) > 0", "exp()")]
    [InlineData("sin(x) = 0", "sin()")]
    public void WhatRealArithmeticCannotStateExactlyIsRefused(string text, string message)
    {
        var e = Assert.Throws<SymbolicException>(() => Print(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ASymbolWithABarCannotBeQuotedAndIsRefused() =>
        Assert.Throws<SymbolicException>(() => SmtLibPrinter.Symbol("a|b"));

    [Fact]
    public void ParenthesesBalanceInALargeStatement()
    {
        var s = Print("W[1,1]*W[2,2] - W[1,2]*W[2,1] > 0 and abs(W[1,1]) > (1 - x)^2/x implies sign(x)*x^4 <= 1/(1 + y^2)");
        Assert.Equal(s.Count(c => c == '('), s.Count(c => c == ')'));
        Assert.StartsWith("(=> (and ", s);
    }
}
