using ImplicitReg.Experiments.Reproduction;
using System.Text.Json;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Losses;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>E1's loop: depth-3 100×100 completion, 2,000 observed, MSE, the authors' group RMSprop (lr 1e-3, ε 1e-4), scale 1e-3.</summary>
public sealed class E1LoopBenchmark : ExperimentLoopBenchmark
{
    public override string Name => "e1-loop";
    public override string Description => "E1 descent loop (depth 3, 100x100, 2000 observed, group RMSprop): ours vs NumPy";
    protected override int DefaultSteps => 1000;
    protected override string PeerScript => "e1_numpy.py";

    protected override (GradientModel, Optimizer, string, string) Build()
    {
        var random = new SeededRandom(0);
        const int size = E1DeepMatrixCompletion.FullSize;
        var problem = DmfProblem.RandomCompletion(size, size, E1DeepMatrixCompletion.FullRank, 2000, 3, LossScale.Mse, random);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, InitSpec.StdForEndToEndScale(1e-3, 3, size)), random, out _);
        var optimizer = new GroupRmsprop(E1DeepMatrixCompletion.FullLearningRate, GroupRmsprop.MatrixCompletionEpsilon);
        return (new DmfSimulator(problem.Loss, layers), optimizer, DmfJson(problem, layers, optimizer), $"{problem.Name}, depth 3, seed 0");
    }

    internal static string DmfJson(DmfProblem problem, MatrixBuffer[] layers, Optimizer optimizer) => NumericsPeer.Json(w =>
    {
        var loss = (CompletionMatrixLoss)problem.Loss;
        w.WriteStartArray("dims");
        foreach (var d in problem.Dimensions) w.WriteNumberValue(d);
        w.WriteEndArray();
        NumericsPeer.Numbers(w, "rows", loss.RowIndex.Select(i => (double)i));
        NumericsPeer.Numbers(w, "cols", loss.ColumnIndex.Select(i => (double)i));
        NumericsPeer.Numbers(w, "targets", loss.Targets);
        w.WriteNumber("c", loss.Constant);
        WriteOptimizer(w, optimizer);
        NumericsPeer.Blocks(w, "layers", layers);
    });
}

/// <summary>E2's loop: the 2×2 construction at depth 3, half the squared error, plain GD lr 3e-3, layers N(0, 8e-3²).</summary>
public sealed class E2LoopBenchmark : ExperimentLoopBenchmark
{
    public override string Name => "e2-loop";
    public override string Description => "E2 descent loop (2x2 construction, depth 3, GD): ours vs NumPy";
    protected override int DefaultSteps => 20000;
    protected override string PeerScript => "e2_numpy.py";

    protected override (GradientModel, Optimizer, string, string) Build()
    {
        var random = new SeededRandom(0);
        var problem = DmfProblem.TwoByTwo(3);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, 8e-3, PositiveDeterminant: true), random, out _);
        var optimizer = new GradientDescent(3e-3);
        return (new DmfSimulator(problem.Loss, layers), optimizer, E1LoopBenchmark.DmfJson(problem, layers, optimizer), $"{problem.Name}, depth 3, seed 0");
    }
}

/// <summary>E3's loop: order-4 10×10×10×10 CP rank 5, 2,000 observed, R = 1,000 components, σ = 5e-3, MSE, group RMSprop (lr 1e-2, ε 1e-6).</summary>
public sealed class E3LoopBenchmark : ExperimentLoopBenchmark
{
    public override string Name => "e3-loop";
    public override string Description => "E3 descent loop (CP, 10^4 tensor, 2000 observed, R = 1000, group RMSprop): ours vs NumPy";
    protected override int DefaultSteps => 40;
    protected override string PeerScript => "e3_numpy.py";

    protected override (GradientModel, Optimizer, string, string) Build()
    {
        var random = new SeededRandom(0);
        int[] sizes = [10, 10, 10, 10];
        var problem = CpProblem.RandomCompletion(sizes, 5, 2000, LossScale.Mse, random);
        var factors = CpSimulator.GaussianFactors(sizes, 1000, 5e-3, random);
        var optimizer = new GroupRmsprop(1e-2, GroupRmsprop.TensorCompletionEpsilon);
        var json = NumericsPeer.Json(w =>
        {
            NumericsCpBenchmark.WriteProblem(w, problem);
            WriteOptimizer(w, optimizer);
            NumericsPeer.Blocks(w, "factors", factors);
        });
        return (new CpSimulator(problem, factors), optimizer, json, $"{problem.Name}, R = 1000, sigma 5e-3, seed 0");
    }
}
