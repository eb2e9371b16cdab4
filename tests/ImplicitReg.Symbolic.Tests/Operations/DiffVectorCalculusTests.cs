using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>Gradient, Jacobian and the time derivative along a vector field, by hand and by finite differences.</summary>
public sealed class DiffVectorCalculusTests
{
    private static readonly Sym X = new("x"), Y = new("y"), Z = new("z"), T = new("t");
    private static Expr P(string s) => Parser.Parse(s);

    [Fact]
    public void TheGradientListsThePartialDerivatives()
    {
        var f = P("x^2*y + sin(z)");
        Assert.Equal([P("2*x*y"), P("x^2"), P("cos(z)")], Algebra.Gradient(f, [X, Y, Z]));
        var random = new Random(5);
        var grad = Algebra.Gradient(f, [X, Y, Z]);
        for (int i = 0; i < 10; i++)
        {
            var point = DiffNumericCheck.RandomPoint(random, ["x", "y", "z"], positive: false);
            foreach (var (v, g) in new[] { X, Y, Z }.Zip(grad))
                Assert.Null(DiffNumericCheck.Mismatch(f, v, g, point));
        }
    }

    [Fact]
    public void TheJacobianHasOneRowPerFunctionAndOneColumnPerVariable()
    {
        Expr[] functions = [P("x*y"), P("x + y^2"), P("exp(x - y)")];
        var j = Algebra.Jacobian(functions, [X, Y]);
        Assert.Equal((3, 2), (j.GetLength(0), j.GetLength(1)));
        Expr[,] expected =
        {
            { P("y"), P("x") },
            { P("1"), P("2*y") },
            { P("exp(x - y)"), P("-exp(x - y)") },
        };
        Assert.Equal(expected, j);
        var random = new Random(6);
        var point = DiffNumericCheck.RandomPoint(random, ["x", "y"], positive: false);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 2; c++)
                Assert.Null(DiffNumericCheck.Mismatch(functions[r], c == 0 ? X : Y, j[r, c], point));
    }

    [Fact]
    public void RotationConservesTheRadius()
    {
        // d/dt (x² + y²) along ẋ = −y, ẏ = x is 2x(−y) + 2y(x) = 0.
        var field = new Dictionary<Sym, Expr> { [X] = P("-y"), [Y] = P("x") };
        Assert.Equal(Expr.Zero, Algebra.TimeDerivative(P("x^2 + y^2"), field));
        Assert.NotEqual(Expr.Zero, Algebra.TimeDerivative(P("x^2 + 2*y^2"), field)); // negative control
    }

    [Fact]
    public void GradientFlowOfAScalarFactorizationConservesBalancedness()
    {
        // L = (x·y − 1)²/2 with ẋ = −∂L/∂x = −(xy − 1)y and ẏ = −(xy − 1)x: d/dt (x² − y²) = 0, the
        // conservation law behind implicit balancedness; d/dt L = −|∇L|² ≤ 0.
        var loss = P("(x*y - 1)^2/2");
        var field = new Dictionary<Sym, Expr>
        {
            [X] = Expr.Neg(Algebra.Diff(loss, X)),
            [Y] = Expr.Neg(Algebra.Diff(loss, Y)),
        };
        var balance = Algebra.TimeDerivative(P("x^2 - y^2"), field);
        Assert.Equal(EqualityVerdict.ProvedEqual, Algebra.Equal(balance, Expr.Zero).Verdict);
        var descent = Algebra.TimeDerivative(loss, field);
        var minusGradientNormSquared = Expr.Neg(Expr.Add(Algebra.Gradient(loss, [X, Y]).Select(g => Expr.Pow(g, Expr.Two))));
        Assert.Equal(EqualityVerdict.ProvedEqual, Algebra.Equal(descent, minusGradientNormSquared).Verdict);
        // Negative control: x² + y² is not conserved by the same flow.
        Assert.Equal(EqualityVerdict.NotEqual, Algebra.Equal(Algebra.TimeDerivative(P("x^2 + y^2"), field), Expr.Zero).Verdict);
    }

    [Fact]
    public void AnExplicitTimeDependenceAddsThePartialInTime()
    {
        // f = t·x along ẋ = x: df/dt = t·x + x.
        var field = new Dictionary<Sym, Expr> { [X] = X };
        Assert.Equal(P("t*x + x"), Algebra.TimeDerivative(P("t*x"), field, T));
        Assert.Equal(P("t*x"), Algebra.TimeDerivative(P("t*x"), field)); // without the time symbol, t is a constant
    }

    [Fact]
    public void TheTimeDerivativeAgreesWithTheRateAlongTheFlow()
    {
        var field = new Dictionary<Sym, Expr> { [X] = P("sin(y) - x"), [Y] = P("x*y/2"), [Z] = P("1") };
        var f = P("exp(x/3)*cos(y) + z*x^2");
        var rate = Algebra.TimeDerivative(f, field);
        var random = new Random(8);
        for (int i = 0; i < 20; i++)
        {
            var point = DiffNumericCheck.RandomPoint(random, ["x", "y", "z"], positive: false);
            if (DiffNumericCheck.FlowMismatch(f, field, rate, point) is { } message) Assert.Fail($"seed 8, point {i}: {message}");
        }
        // Negative control: dropping one component of the field must be caught.
        var partial = Algebra.TimeDerivative(f, new Dictionary<Sym, Expr> { [X] = field[X], [Y] = field[Y] });
        var p0 = DiffNumericCheck.RandomPoint(new Random(8), ["x", "y", "z"], positive: false);
        Assert.NotNull(DiffNumericCheck.FlowMismatch(f, field, partial, p0));
    }
}
