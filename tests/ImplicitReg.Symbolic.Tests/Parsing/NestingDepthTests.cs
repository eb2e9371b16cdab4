using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// Deep input must be refused with a clear message, never a stack overflow (which kills the process and
/// cannot be caught), and everything the parser accepts must survive every recursive operation on a
/// thread with a 1 MB stack.
/// </summary>
public sealed class NestingDepthTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    /// <summary>Shapes of nesting: each makes the tree deep through a different operator.</summary>
    public static TheoryData<string> Shapes => new() { "parens", "sin", "sum-in-call", "sum-product-call", "minus", "power", "not", "implies", "logic" };

    /// <summary>The input of a shape with <paramref name="n"/> levels.</summary>
    private static string Nest(string shape, int n) => shape switch
    {
        "parens" => Repeat("(", n) + "x" + Repeat(")", n),
        "sin" => Repeat("sin(", n) + "x" + Repeat(")", n),
        "sum-in-call" => Repeat("sin(x + ", n) + "x" + Repeat(")", n),
        "sum-product-call" => Repeat("cos(x + y*", n) + "x" + Repeat(")", n),
        "minus" => Repeat("-(", n) + "x" + Repeat(")", n),
        "power" => Repeat("x^", n) + "x",
        "not" => Repeat("not (", n) + "x < 1" + Repeat(")", n),
        "implies" => Repeat("x < 1 implies ", n) + "x < 2",
        "logic" => Repeat("x < 1 or x < 2 and not (", n) + "x < 3" + Repeat(")", n),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>The largest n the parser accepts for a shape, found by bisection on a small stack.</summary>
    private static int DeepestAccepted(string shape)
    {
        int lo = 1, hi = Parser.MaxDepth + 1; // lo accepted, hi refused
        Assert.True(Accepts(shape, lo));
        Assert.False(Accepts(shape, hi));
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Accepts(shape, mid)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private static bool Accepts(string shape, int n)
    {
        try
        {
            SmallStack.Run(() => Parser.Parse(Nest(shape, n)));
            return true;
        }
        catch (ParseException e) when (e.Reason.Contains("nested deeper than"))
        {
            return false;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TenThousandLevelsAreRefusedWithAClearMessageOnASmallStack(string shape)
    {
        var input = Nest(shape, 10_000);
        var e = SmallStack.Run(() => Assert.Throws<ParseException>(() => Parser.Parse(input)));
        Assert.Contains($"nested deeper than {Parser.MaxDepth} levels", e.Reason);
        Assert.Equal(1, e.Line);
        Assert.InRange(e.Offset, 0, input.Length);
    }

    [Fact]
    public void TenThousandOpenParenthesesAreRefusedAtTheFirstTooDeepOne()
    {
        var e = SmallStack.Run(() => Assert.Throws<ParseException>(() => Parser.Parse(Repeat("(", 10_000) + "x")));
        Assert.Equal(Parser.MaxDepth, e.Column); // the 500th '(' would leave no level for its content
    }

    [Fact]
    public void TheLimitIsTheDocumentedTreeDepth()
    {
        // Each '(' is one level and the symbol inside is one more.
        Assert.Equal(Parser.MaxDepth - 1, DeepestAccepted("parens"));
        Assert.Equal(Parser.MaxDepth - 1, DeepestAccepted("sin"));
        Assert.Equal(Parser.MaxDepth - 1, DeepestAccepted("power"));
        // sin(x + ...) spends two levels per call: the call and the sum.
        Assert.Equal((Parser.MaxDepth - 1) / 2, DeepestAccepted("sum-in-call"));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryOperationSurvivesTheDeepestAcceptedInputOnASmallStack(string shape)
    {
        int n = DeepestAccepted(shape);
        var x = new Sym("x");
        SmallStack.Run(() =>
        {
            var e = Parser.Parse(Nest(shape, n));
            var text = TextPrinter.Print(e);
            Assert.Equal(e, Parser.Parse(text));                 // the printed form is within the limit too
            Assert.Equal(e, JsonReader.Read(JsonPrinter.Print(e)));
            Assert.NotEmpty(LatexPrinter.Print(e));
            Assert.NotEmpty(MathMLPrinter.Print(e));
            try
            {
                Assert.NotEmpty(SmtLibPrinter.Print(e));
            }
            catch (SymbolicException refused) when (refused is not SymbolicLimitException)
            {
                // SMT-LIB has no term for sin or symbolic powers: a refusal is an answer, an overflow is not.
            }
            var renamed = Algebra.Substitute(e, x, new Sym("t"));
            Assert.Equal(e, Algebra.Substitute(renamed, new Sym("t"), x));
            Assert.Equal(e.GetHashCode(), Parser.Parse(text).GetHashCode());
            Assert.Equal(0, ExprOrder.Compare(e, Parser.Parse(text)));
            if (e is Statement) return;
            var derivative = Algebra.Diff(e, x);
            Assert.True(Algebra.NodeCount(derivative) >= 1);
            var value = Algebra.Evaluate(e, new Dictionary<string, double> { ["x"] = 0.5, ["y"] = 0.25 });
            Assert.False(double.IsInfinity(value));
        });
    }
}
