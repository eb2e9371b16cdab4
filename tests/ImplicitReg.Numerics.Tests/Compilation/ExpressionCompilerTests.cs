using ImplicitReg.Numerics.Compilation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Numerics.Tests.Compilation;

public sealed class ExpressionCompilerTests
{
    private static readonly Sym X = new("x");
    private static readonly Sym Y = new("y");
    private static readonly Sym T = new("t");
    private static readonly Sym A = new("a");

    private static double Compiled(string text, double t, double x, double y, double a)
    {
        var layout = new SymbolLayout([X, Y], T, [A]);
        var f = ExpressionCompiler.Compile([Parser.ParseExpression(text)], layout);
        var output = new double[1];
        f(t, [x, y], [a], output);
        return output[0];
    }

    private static double Interpreted(string text, double t, double x, double y, double a) =>
        Algebra.Evaluate(Parser.ParseExpression(text), new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["t"] = t, ["a"] = a });

    [Theory]
    [InlineData("x^2*sin(y) + 3*x*y - 7/2")]
    [InlineData("exp(-t)*cos(x) - log(y^2 + 1)")]
    [InlineData("(x + y)^5 - x^-3 + a*t^2")]
    [InlineData("sqrt(x^2 + y^2) + abs(x - y) + sign(x*y)")]
    [InlineData("(x*y)^(2/3) + x^(1/3)")]
    [InlineData("x^17 + y^(-17) + x^y")]
    [InlineData("1/(1 + exp(-a*x)) * (x - 1/(x + 2))^2")]
    public void CompiledValuesEqualTheInterpreterAtRandomPoints(string text)
    {
        var rng = new Random(7); // seeded: the points are reproducible
        for (int k = 0; k < 200; k++)
        {
            double t = rng.NextDouble() * 4 - 2, x = rng.NextDouble() * 4 - 2, y = rng.NextDouble() * 4 - 2, a = rng.NextDouble() * 3;
            var expected = Interpreted(text, t, x, y, a);
            var actual = Compiled(text, t, x, y, a);
            if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{text} at x={x}, y={y}: expected NaN, got {actual}");
            else Assert.True(Math.Abs(expected - actual) <= Tolerances.Rounding * Math.Max(1, Math.Abs(expected)) * 100,
                $"{text} at t={t}, x={x}, y={y}, a={a}: {actual} vs {expected}");
        }
    }

    [Theory]
    [InlineData("x^(1/2)", -4.0, double.NaN)]
    [InlineData("x^3", -2.0, -8.0)]
    [InlineData("x^(-2)", 0.0, double.PositiveInfinity)]
    [InlineData("sign(x)", double.NaN, double.NaN)]
    [InlineData("sign(x)", -0.5, -1.0)]
    [InlineData("log(x)", -1.0, double.NaN)]
    public void RealSemanticsMatchTheKernel(string text, double x, double expected)
    {
        Assert.Equal(expected, Compiled(text, 0, x, 1, 1));
        Assert.Equal(expected, Interpreted(text, 0, x, 1, 1));
    }

    [Fact]
    public void AnUnboundSymbolIsNamedInTheError()
    {
        var e = Assert.Throws<CompilationException>(() =>
            ExpressionCompiler.Compile([Parser.ParseExpression("x + z")], new SymbolLayout([X])));
        Assert.Contains("'z'", e.Message);
    }

    [Fact]
    public void AStatementIsNotCompiled() =>
        Assert.Throws<CompilationException>(() =>
            ExpressionCompiler.Compile([Parser.Parse("x > 0")], new SymbolLayout([X])));

    [Fact]
    public void EvaluationDoesNotAllocate()
    {
        var sys = CompiledSystem.Compile([(X, Parser.ParseExpression("-y*exp(-t) + x^3")), (Y, Parser.ParseExpression("x*cos(t) - sqrt(y^2+1)"))]);
        double[] state = [0.3, 0.7], rate = new double[2];
        sys.Evaluate(0.1, state, rate); // warm up (JIT)
        long fewest = long.MaxValue; // steady state: some window of 10,000 calls allocates nothing
        for (int window = 0; window < 5 && fewest > 0; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 10_000; k++) sys.Evaluate(k * 1e-4, state, rate);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void AWideSumWithSharedProductsCompilesAndIsExact()
    {
        // 2,000 equations, each a 300-term sum over products that recur in every equation: shared
        // subexpressions go to locals and sums are balanced, so this compiles (no deep recursion) and
        // evaluates to the exact integer value.
        var vars = Enumerable.Range(1, 300).Select(i => new Sym($"v[{i}]")).ToList();
        var products = Enumerable.Range(0, 299).Select(i => Expr.Mul(vars[i], vars[i + 1])).ToList();
        var equations = Enumerable.Range(0, 2000)
            .Select(k => (new Sym($"z[{k}]"), Expr.Add(products.Select((p, i) => Expr.Mul(Num.Of((k + i) % 5 + 1), p)))))
            .ToList();
        var layout = new SymbolLayout(vars);
        var f = ExpressionCompiler.Compile(equations.Select(e => e.Item2).ToList(), layout);
        var state = Enumerable.Range(1, 300).Select(i => (double)(i % 7)).ToArray();
        var output = new double[2000];
        f(0, state, [], output);
        for (int k = 0; k < 2000; k += 397)
        {
            double expected = 0;
            for (int i = 0; i < 299; i++) expected += ((k + i) % 5 + 1) * state[i] * state[i + 1];
            Assert.Equal(expected, output[k]);
        }
    }
}
