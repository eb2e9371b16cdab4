using ImplicitReg.Experiments.FlowVsDescent;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;

namespace ImplicitReg.Experiments.Tests.FlowVsDescent;

public sealed class SingularValueCheckTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void FromABalancedStartTheSingularValuesFollowTheSigmaEquation(int depth)
    {
        var p = DmfProblem.TwoByTwo(depth);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Balanced, 0.5, true), new SeededRandom(3), out _);
        var report = SingularValueCheck.Run(LayerFlowSystem.Derive(p), p, start, horizon: 10);
        // Both sides are integrated to rtol 1e-11 over a few hundred steps: agreement to 1e-7 leaves a wide margin.
        Assert.True(report.ReachedHorizon, report.Message);
        Assert.True(report.EquationDeviation < 1e-7, $"σ-equation deviation {report.EquationDeviation:E2}");
        Assert.True(report.ClosedFormDeviation < 1e-7, $"closed-form deviation {report.ClosedFormDeviation:E2}");
        Assert.True(report.Samples[^1].FromSvd[0] > 1.2 * report.Samples[0].FromSvd[0], "the trajectory must move for the check to mean anything");
    }

    [Fact]
    public void FromAnUnbalancedStartTheSigmaEquationFails()
    {
        // Negative control: M4 assumes balancedness; from plain Gaussian layers the σ-equation is wrong.
        var p = DmfProblem.TwoByTwo(3);
        var start = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.5, true), new SeededRandom(3), out _);
        var report = SingularValueCheck.Run(LayerFlowSystem.Derive(p), p, start, horizon: 10);
        Assert.True(report.InitialBalancedness > 0.01);
        Assert.True(report.EquationDeviation > 1e-2, $"deviation {report.EquationDeviation:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheClosedFormAgreesWithTheIntegratedSigmaOde(int depth)
    {
        // Drive σ̇ = −N(σ²)^{1−1/N}·a(t) with a(t) = −0.3·(1 + cos 2t), whose integral Q = −N∫a is known exactly.
        static double A(double t) => -0.3 * (1 + Math.Cos(2 * t));
        double Q(double t) => depth * 0.3 * (t + Math.Sin(2 * t) / 2);
        const double sigma0 = 0.4, horizon = 1.5;
        var sol = Ode.Solve(OdeMethod.DormandPrince5, (t, y, dy) => dy[0] = SigmaEquation.Rate(depth, y[0], A(t)), 0, [sigma0], horizon,
            new OdeOptions { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14, OutputTimes = [0.5, 1.0, 1.5] });
        for (int i = 0; i < sol.Times.Count; i++)
        {
            var closed = SigmaEquation.ClosedForm(depth, sigma0, Q(sol.Times[i]));
            Assert.Equal(closed, sol.States[i][0], 9);
        }
        // Negative control: the closed form of another depth does not fit.
        var wrong = SigmaEquation.ClosedForm(depth == 4 ? 3 : depth + 1, sigma0, Q(horizon));
        Assert.True(Math.Abs(wrong - sol.FinalState[0]) > 1e-3);
    }
}

/// <summary>What the work estimate of <c>compare singular-values</c> grows with: the horizon, the tolerance, the sizes and the depth.</summary>
public sealed class SingularValueWorkTests
{
    [Fact]
    public void TheWorkGrowsWithTheHorizonTheToleranceTheSizesAndTheDepth()
    {
        int[] small = [2, 2, 2, 2];
        double baseline = SingularValueCheck.Work(10, small, 1e-12, 50);
        Assert.InRange(SingularValueCheck.Work(100, small, 1e-12, 50) / baseline, 9.9, 10.1); // linear in the horizon
        Assert.InRange(SingularValueCheck.Work(10, small, 1e-7, 50) / baseline, 0.09, 0.11);  // steps ∝ rtol^(-1/5): 10^(-5/5)
        Assert.True(SingularValueCheck.Work(10, [5, 5, 5, 5], 1e-12, 50) > 20 * baseline);     // wider layers
        Assert.True(SingularValueCheck.Work(10, [2, 2, 2, 2, 2, 2, 2, 2, 2], 1e-12, 50) > 50 * baseline); // deeper: d^(N+1) monomials
    }

    [Fact]
    public void TheCatalogueHorizonFitsTheWorkLimitAndAMillionDoesNot()
    {
        // M4's compare check (2x2, depth 3, T = 10) takes a second; T = 1e5 ran past two minutes when measured.
        Assert.True(SingularValueCheck.Work(10, [2, 2, 2, 2], 1e-12, 50) < DmfCost.WorkLimit / 1000);
        Assert.True(SingularValueCheck.Work(1e5, [2, 2, 2, 2], 1e-12, 50) > DmfCost.WorkLimit);
    }

    [Fact]
    public void AFlowTooLargeToDeriveIsNamedAndASmallOneIsNot()
    {
        Assert.Contains("would expand about 1.2E+8 monomials, over the limit of 1E+6", LayerFlowSystem.DerivationProblem([10, 10, 10, 10, 10, 10, 10]));
        Assert.Null(LayerFlowSystem.DerivationProblem([5, 5, 5, 5, 5]));
    }
}
