using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.FlowVsDescent;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Metrics;

namespace ImplicitReg.Experiments.Tests.FlowVsDescent;

public sealed class FlowVsDescentTests
{
    private static MatrixBuffer[] Start(DmfProblem p, InitKind kind, double scale, int seed) =>
        LayerInitializer.Create(p.Dimensions, new InitSpec(kind, scale, PositiveDeterminant: p.Dimensions[0] == p.Dimensions[^1]), new SeededRandom(seed), out _);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void TheDerivedFlowIsMinusTheHandWrittenGradient(int depth, int hidden)
    {
        // Two independent sides: the equations ImplicitReg.Models derives symbolically (compiled) and the
        // simulator's numeric gradient must agree at arbitrary points.
        var p = DmfProblem.Generalized(3, 2, depth, LossScale.Mse, hidden);
        var flow = LayerFlowSystem.Derive(p);
        for (int seed = 0; seed < 5; seed++)
        {
            var layers = Start(p, InitKind.Gaussian, 0.9, seed);
            using var sim = new DmfSimulator(p.Loss, layers);
            sim.ComputeLossAndGradient();
            var gradient = sim.FlattenGradient();
            var rate = new double[flow.Compiled.Dimension];
            flow.Compiled.Evaluate(0, flow.State(layers), rate);
            var flat = flow.ToFlatOrder(rate);
            for (int i = 0; i < flat.Length; i++)
                Assert.True(Math.Abs(flat[i] + gradient[i]) <= 1e-12 * Math.Max(1, Math.Abs(gradient[i])), $"entry {i}: {flat[i]} vs {-gradient[i]}");
        }
    }

    [Fact]
    public void GradientDescentTracksTheFlowAtFirstOrderOnTheTwoByTwoConstruction()
    {
        var p = DmfProblem.TwoByTwo(3);
        var report = FlowVsDescentCheck.Run(LayerFlowSystem.Derive(p), p, Start(p, InitKind.Gaussian, 0.5, 0), new FlowVsDescentOptions(0.01, 10));
        Assert.Equal(4, report.Rows.Count);
        Assert.All(report.Rows.Skip(1), r => Assert.InRange(r.ObservedOrder!.Value, 1 - Tolerances.FirstOrder, 1 + Tolerances.FirstOrder));
        Assert.InRange(report.Order, 0.9, 1.1);
        Assert.True(report.Rows[^1].Gap < report.Rows[0].Gap / 7, "the gap must shrink with the step");
        Assert.True(report.Rows[0].Gap > 1e-6, "the gap is measured far above the flow's integration tolerance");
        Assert.All(report.Rows, r => Assert.False(r.Diverged, $"lr {r.LearningRate} marked diverged"));
    }

    [Fact]
    public void ARunThatBlowsUpByItsLastStepIsMarkedDivergedThoughItsGapIsFinite()
    {
        // η = 5, 2.5, 1.25, 0.625 over T = 10: at 1.25 the last update leaves entries near 1E+201 (a finite gap) whose
        // loss overflows; no step after it evaluates the loss, so only the end-of-run check can see it.
        var p = DmfProblem.TwoByTwo(3);
        var report = FlowVsDescentCheck.Run(LayerFlowSystem.Derive(p), p, Start(p, InitKind.Gaussian, 0.5, 0), new FlowVsDescentOptions(5, 10));
        var blownUp = report.Rows.Where(r => r.Gap > 1e150).ToList();
        Assert.NotEmpty(blownUp);
        Assert.All(blownUp, r => Assert.True(r.Diverged && double.IsFinite(r.Gap), $"lr {r.LearningRate}: gap {r.Gap}"));
        Assert.False(report.Rows[^1].Diverged, $"the finest run (gap {report.Rows[^1].Gap}) did not diverge");
    }

    [Fact]
    public void AMismatchedLossConstantIsCaughtAsOrderZero()
    {
        // Negative control: GD on the sum-of-squares loss against the flow of the ½-loss runs twice as fast; the
        // gap then tends to a fixed non-zero curve instead of shrinking, and the observed order is near 0.
        var half = DmfProblem.TwoByTwo(3, LossScale.HalfSse);
        var full = DmfProblem.TwoByTwo(3, LossScale.Sse);
        var report = FlowVsDescentCheck.Run(LayerFlowSystem.Derive(half), full, Start(half, InitKind.Gaussian, 0.5, 0), new FlowVsDescentOptions(0.01, 10));
        Assert.InRange(report.Order, -0.1, 0.1);
    }

    [Fact]
    public void BalancednessIsConservedAlongTheIntegratedFlowButDriftsUnderGradientDescent()
    {
        var p = DmfProblem.TwoByTwo(3);
        var flow = LayerFlowSystem.Derive(p);
        var start = Start(p, InitKind.Gaussian, 0.5, 1);
        var initial = Balancedness.Differences(start).ToList();
        var sol = Ode.Solve(OdeMethod.DormandPrince5, flow.Compiled.Function, 0, flow.State(start), 10,
            new OdeOptions { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 });
        var end = Balancedness.Differences(flow.Layers(sol.FinalState)).ToList();
        for (int j = 0; j < initial.Count; j++)
        {
            var change = (end[j] - initial[j]).FrobeniusNorm() / initial[j].FrobeniusNorm();
            Assert.True(change < 1e-9, $"flow: balancedness {j + 1} changed by {change:E2} (relative)");
        }

        // GD: one step changes W_{j+1}ᵀW_{j+1} − W_jW_jᵀ by exactly η²(g_{j+1}ᵀg_{j+1} − g_j g_jᵀ): quartered when η halves.
        double OneStepDrift(double eta)
        {
            using var sim = new DmfSimulator(p.Loss, start);
            var before = Balancedness.Differences(sim.Layers).First();
            sim.ComputeLossAndGradient();
            var g1 = sim.LayerGradient(0).ToMatrix();
            var g2 = sim.LayerGradient(1).ToMatrix();
            sim.ApplyGradient(eta);
            var drift = Balancedness.Differences(sim.Layers).First() - before;
            var predicted = eta * eta * (g2.TransposeThisAndMultiply(g2) - g1.TransposeAndMultiply(g1));
            // Exact up to rounding in forming W_{j+1}ᵀW_{j+1} − W_jW_jᵀ (entries O(1) here): 1e-14 absolute.
            Assert.True((drift - predicted).FrobeniusNorm() <= 1e-14, $"drift differs from η²(g₂ᵀg₂ − g₁g₁ᵀ) by {(drift - predicted).FrobeniusNorm():E2}");
            return drift.FrobeniusNorm();
        }
        var ratio = OneStepDrift(0.02) / OneStepDrift(0.01);
        Assert.Equal(4.0, ratio, 9);
    }

    [Fact]
    public void TheFlowStopsWhereTheLossFallsBelowTheTolerance()
    {
        var p = DmfProblem.TwoByTwo(3);
        var flow = LayerFlowSystem.Derive(p);
        var sol = Ode.Solve(OdeMethod.DormandPrince5, flow.Compiled.Function, 0, flow.State(Start(p, InitKind.Balanced, 0.5, 4)), 1000,
            new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, Events = [flow.LossBelow(p.Loss, 1e-3), flow.DeterminantSignChange()] });
        Assert.Equal(OdeStatus.StoppedAtEvent, sol.Status);
        var hit = Assert.Single(sol.Events);
        Assert.StartsWith("loss", hit.Name);
        Assert.Equal(1e-3, p.Loss.Evaluate(flow.EndToEnd(sol.FinalState)), 9);
        Assert.True(flow.EndToEnd(sol.FinalState).ToMatrix().Determinant() > 0, "no det sign change before the loss is small (M5)");
    }

    [Fact]
    public void TheDeterminantKeepsItsSignUnderTheDeepFlowButCrossesZeroAtDepthOne()
    {
        // M5: from det W(0) > 0 the depth-3 flow never reaches det = 0 (solutions of the 2×2 problem have det −1),
        // while at depth 1 the flow on W is linear and drives det W to −1 through zero.
        foreach (var (depth, expectCrossing) in new[] { (3, false), (1, true) })
        {
            var p = DmfProblem.TwoByTwo(depth);
            var flow = LayerFlowSystem.Derive(p);
            var start = Start(p, InitKind.Balanced, 0.5, 2);
            var sol = Ode.Solve(OdeMethod.DormandPrince5, flow.Compiled.Function, 0, flow.State(start), 30,
                new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, Events = [flow.DeterminantSignChange()] });
            Assert.Equal(expectCrossing, sol.Events.Count > 0);
        }
    }
}
