using ImplicitReg.Numerics.Compilation;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Numerics.Tests.Compilation;

public sealed class CompiledSystemTests
{
    private static readonly Sym X = new("x");
    private static readonly Sym Y = new("y");

    private static CompiledSystem System(string dx, string dy) =>
        CompiledSystem.Compile([(X, Parser.ParseExpression(dx)), (Y, Parser.ParseExpression(dy))]);

    [Fact]
    public void ACompiledSystemIntegratesLikeTheHandWrittenOne()
    {
        var sys = System("-(1 + cos(t)/2)*y", "(1 + cos(t)/2)*x");
        var sol = Ode.Solve(OdeMethod.DormandPrince5, sys.Function, 0, [1.0, 0.0], 20,
            new OdeOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13 });
        var theta = 20 + 0.5 * Math.Sin(20);
        Assert.Equal(Math.Cos(theta), sol.FinalState[0], 8);
        Assert.Equal(Math.Sin(theta), sol.FinalState[1], 8);
    }

    [Fact]
    public void ParametersAreReadFromTheirArray()
    {
        var k = new Sym("k");
        var sys = CompiledSystem.Compile([(X, Expr.Mul(Expr.Neg(k), X))], parameters: [k]);
        sys.ParameterValues[0] = 2;
        var sol = Ode.Solve(OdeMethod.DormandPrince5, sys.Function, 0, [1.0], 1, new OdeOptions { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 });
        Assert.Equal(Math.Exp(-2), sol.FinalState[0], 11);
    }

    [Fact]
    public void TheSymbolicJacobianAgreesWithFiniteDifferences()
    {
        var sys = System("x^2*y - sin(t*x)", "exp(-y)*x + t^3");
        var jac = sys.CompileJacobian();
        double t = 0.7;
        double[] y = [0.4, -1.3];
        var j = new double[4];
        var dfdt = new double[2];
        jac(t, y, j, dfdt);
        var f0 = new double[2];
        var f1 = new double[2];
        const double h = 1e-6; // central differences: error O(h²) ≈ 1e-12 times third derivatives
        for (int c = 0; c < 2; c++)
        {
            double[] up = (double[])y.Clone(), down = (double[])y.Clone();
            up[c] += h;
            down[c] -= h;
            sys.Evaluate(t, up, f1);
            sys.Evaluate(t, down, f0);
            for (int r = 0; r < 2; r++) Assert.Equal((f1[r] - f0[r]) / (2 * h), j[r * 2 + c], 7);
        }
        sys.Evaluate(t + h, y, f1);
        sys.Evaluate(t - h, y, f0);
        for (int r = 0; r < 2; r++) Assert.Equal((f1[r] - f0[r]) / (2 * h), dfdt[r], 7);
    }

    [Fact]
    public void TheCompiledJacobianDrivesTheStiffMethodToTheSameAnswer()
    {
        var sys = System("-1000*(x - cos(t)) - sin(t)", "x - y");
        var options = new OdeOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10, Jacobian = sys.CompileJacobian() };
        var exact = Ode.Solve(OdeMethod.Rosenbrock23, sys.Function, 0, [1.0, 0.0], 5, options);
        var fd = Ode.Solve(OdeMethod.Rosenbrock23, sys.Function, 0, [1.0, 0.0], 5,
            new OdeOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10 });
        Assert.Equal(Math.Cos(5), exact.FinalState[0], 6);
        Assert.Equal(fd.FinalState[1], exact.FinalState[1], 5);
        Assert.True(exact.Statistics.FunctionEvaluations < fd.Statistics.FunctionEvaluations,
            "an exact Jacobian saves the finite-difference evaluations");
    }

    [Fact]
    public void TwoEquationsForOneVariableAreRejected() =>
        Assert.Throws<CompilationException>(() => CompiledSystem.Compile([(X, Expr.One), (X, Expr.Zero)]));
}
