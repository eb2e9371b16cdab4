using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

public sealed class ParserErrorTests
{
    private static ParseException Fails(string input) => Assert.Throws<ParseException>(() => Parser.Parse(input));

    [Theory]
    [InlineData("", "empty input", 1, 1)]
    [InlineData("   \n  ", "empty input", 1, 1)]
    [InlineData("foo(x)", "unknown function 'foo'", 1, 1)]
    [InlineData("x + sinh(y)", "unknown function 'sinh'", 1, 5)]
    [InlineData("x + 1)", "unmatched ')'", 1, 6)]
    [InlineData(")", "unmatched ')'", 1, 1)]
    [InlineData("((x)", "expected ')' to close the '(' at column 1", 1, 5)]
    [InlineData("sin(x", "expected ')' to close 'sin(' at column 1", 1, 6)]
    [InlineData("x $ y", "unexpected character '$'", 1, 3)]
    [InlineData("x \u2212 y", "write '-' for minus", 1, 3)]
    [InlineData("x \u00D7 y", "write '*' for a product", 1, 3)]
    [InlineData("x + * y", "unexpected '*'", 1, 5)]
    [InlineData("x +", "unexpected end of input", 1, 4)]
    [InlineData("2x", "missing operator between '2' and 'x'", 1, 2)]
    [InlineData("2 (y)", "missing operator between '2' and '('", 1, 3)]
    [InlineData("x (y)", "unknown function 'x' (known: sqrt, exp, log, abs, sign, sin, cos); write 'x*(...)'", 1, 1)]
    [InlineData("1/0", "division by zero", 1, 2)]
    [InlineData("x/(y - y)", "division by zero", 1, 2)]
    [InlineData("0^(-1)", "division by zero", 1, 2)]
    [InlineData("log(0)", "not a real number", 1, 1)]
    [InlineData("1.2.3", "more than one decimal point", 1, 1)]
    [InlineData("1e100001", "beyond", 1, 1)]
    [InlineData("sin()", "needs one argument", 1, 5)]
    [InlineData("sin(x, y)", "exactly one argument", 1, 6)]
    [InlineData("()", "empty parentheses", 1, 2)]
    [InlineData("W[]", "integer index", 1, 3)]
    [InlineData("W[1", "unclosed '['", 1, 2)]
    [InlineData("W[1;2]", "expected ',' or ']'", 1, 4)]
    [InlineData("sin + 1", "'sin' is a function", 1, 1)]
    [InlineData("x and", "unexpected end of input", 1, 6)]
    [InlineData("and x", "unexpected keyword 'and'", 1, 1)]
    [InlineData("x, y", "unexpected ','", 1, 2)]
    [InlineData("not x", "operand of 'not' must be a statement", 1, 5)]
    [InlineData("-(x < 1)", "operand of unary '-' must be an expression", 1, 2)]
    [InlineData("x < 1 and y", "each side of 'and' must be a statement", 1, 11)]
    [InlineData("(x < 1) + 2", "a term of a sum must be an expression", 1, 1)]
    [InlineData("2*(x < 1)", "a factor of a product must be an expression", 1, 3)]
    [InlineData("sin(x = 1)", "the argument of sin() must be an expression", 1, 5)]
    [InlineData("(x < 1) < 2", "the left side of '<' must be an expression", 1, 1)]
    [InlineData("x implies y < 1", "premise of 'implies' must be a statement", 1, 1)]
    [InlineData("x true", "unexpected 'true'", 1, 3)]
    public void EveryErrorNamesItsPlace(string input, string reason, int line, int column)
    {
        var e = Fails(input);
        Assert.Contains(reason, e.Reason);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.EndsWith($"(line {line}, column {column})", e.Message);
    }

    [Theory]
    [InlineData("x\n+ * y", "unexpected '*'", 2, 3)]
    [InlineData("x +\r\n  y $", "unexpected character '$'", 2, 5)]
    [InlineData("(x + 1\n * 2", "to close the '(' at line 1, column 1", 2, 5)]
    [InlineData("x +\n\n\n", "unexpected end of input", 1, 4)]
    [InlineData("a < 1 and\n  b < 1 and\n  c", "each side of 'and' must be a statement", 3, 3)]
    [InlineData("x\n\n    + foo(y)", "unknown function 'foo'", 3, 7)]
    public void MultiLineErrorsCarryLineAndColumn(string input, string reason, int line, int column)
    {
        var e = Fails(input);
        Assert.Contains(reason, e.Reason);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Fact]
    public void AnErrorIsAlsoASymbolicExceptionSoCallersCanCatchOneType() =>
        Assert.IsAssignableFrom<SymbolicException>(Fails("x +"));

    [Fact]
    public void ExpressionAndStatementEntryPointsRefuseTheOtherKind()
    {
        Assert.Contains("found a statement", Assert.Throws<ParseException>(() => Parser.ParseExpression("x < 1")).Reason);
        Assert.Contains("found an expression", Assert.Throws<ParseException>(() => Parser.ParseStatement("x + 1")).Reason);
        Assert.IsType<Rel>(Parser.ParseStatement("x < 1"));
        Assert.IsType<Sym>(Parser.ParseExpression("x"));
    }

    [Fact]
    public void AnOverlongExactPowerIsRefusedAtItsOperator()
    {
        var e = Fails("x + 3^(10^8)");
        Assert.Contains("refused", e.Reason);
        Assert.Equal(6, e.Column);
    }
}
