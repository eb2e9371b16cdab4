using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using MathNet.Numerics.LinearAlgebra;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Experiments.Tests.Simulators;

public sealed class DmfGradientTests
{
    private static LinearAlgebraBackend Backend(string name) => name == "openblas" ? LinearAlgebraBackend.OpenBlas : LinearAlgebraBackend.Managed;

    private static DmfSimulator Simulator(bool sensing, int rows, int columns, int depth, int hidden, int seed, out DmfProblem problem,
        string backend = "managed")
    {
        var rng = new SeededRandom(seed);
        problem = sensing
            ? DmfProblem.RandomSensing(rows, columns, 2, 7, depth, LossScale.Mse, rng, hidden)
            : DmfProblem.RandomCompletion(rows, columns, 2, rows * columns / 2, depth, LossScale.HalfSse, rng, hidden);
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, 0.7), rng, out _);
        return new DmfSimulator(problem.Loss, layers, Backend(backend));
    }

    /// <summary>M1 evaluated densely with MathNet: (W_N⋯W_{j+1})ᵀ·G·(W_{j−1}⋯W_1)ᵀ.</summary>
    private static Matrix<double> ReferenceGradient(DmfSimulator sim, int j)
    {
        var layers = sim.Layers.Select(l => l.ToMatrix()).ToArray();
        var g = sim.Loss.Gradient(sim.EndToEnd()).ToMatrix();
        var above = Matrix<double>.Build.DenseIdentity(sim.Dimensions[^1]);
        for (int i = sim.Depth - 1; i > j; i--) above *= layers[i];
        var below = Matrix<double>.Build.DenseIdentity(sim.Dimensions[0]);
        for (int i = 0; i < j; i++) below = layers[i] * below;
        return above.Transpose() * g * below.Transpose();
    }

    public static TheoryData<bool, int, int, int, int> FlowShapes() => new()
    {
        { false, 5, 4, 1, 3 }, { false, 5, 4, 2, 3 }, { false, 6, 6, 3, 6 }, { false, 5, 7, 4, 3 }, { false, 9, 11, 3, 13 },
        { false, 100, 100, 3, 100 }, { false, 4, 6, 5, 3 }, { true, 4, 5, 1, 3 }, { true, 4, 5, 3, 6 }, { true, 6, 3, 4, 2 }, { true, 3, 4, 5, 5 }, { true, 5, 4, 2, 3 },
    };

    [Theory]
    [MemberData(nameof(FlowShapes))]
    public void LayerGradientsFollowTheLayerFlowFormulaOnTheManagedKernel(bool sensing, int rows, int columns, int depth, int hidden) =>
        CheckLayerFlowFormula(sensing, rows, columns, depth, hidden, "managed");

    [RequiresBlasTheory]
    [MemberData(nameof(FlowShapes))]
    public void LayerGradientsFollowTheLayerFlowFormulaThroughOpenBlas(bool sensing, int rows, int columns, int depth, int hidden) =>
        CheckLayerFlowFormula(sensing, rows, columns, depth, hidden, "openblas");

    private static void CheckLayerFlowFormula(bool sensing, int rows, int columns, int depth, int hidden, string backend)
    {
        using var sim = Simulator(sensing, rows, columns, depth, hidden, 11, out _, backend);
        Assert.Equal(backend == "openblas", sim.Backend.IsNative);
        var loss = sim.ComputeLossAndGradient();
        // Relative: the loss is a sum of squares whose summation order differs between the SIMD and scalar paths.
        var reference = sim.Loss.Evaluate(sim.EndToEnd());
        Assert.True(Math.Abs(reference - loss) <= Tolerances.Rounding * Math.Max(1, Math.Abs(reference)), $"loss {loss:R} vs {reference:R}");
        AssertEveryLayerGradientIsTheReference(sim);
    }

    /// <summary>
    /// Every layer's gradient agrees with <see cref="ReferenceGradient"/> to 1e-12 relative (a wrong one is off by
    /// O(1)); the reference itself must be far from zero, or a simulator that left its gradients zero would agree.
    /// </summary>
    private static void AssertEveryLayerGradientIsTheReference(DmfSimulator sim)
    {
        for (int j = 0; j < sim.Depth; j++)
        {
            var expected = ReferenceGradient(sim, j);
            Assert.True(expected.FrobeniusNorm() > 1e-3, $"layer {j + 1}: the reference gradient vanishes ({expected.FrobeniusNorm():E2}), so agreeing with it proves nothing");
            var gap = (expected - sim.LayerGradient(j).ToMatrix()).FrobeniusNorm();
            Assert.True(gap <= 1e-12 * Math.Max(1, expected.FrobeniusNorm()), $"layer {j + 1}: gap {gap:E2}");
        }
    }

    /// <summary>
    /// Every hidden width different (the problems' own dimensions are uniform): a prefix, a V or a gradient
    /// allocated or read with a neighbouring layer's width, or a transpose flag on a middle layer, then fails a
    /// shape check or gives the wrong values, where square middle layers would hide it.
    /// </summary>
    public static TheoryData<bool, int[]> UnevenWidths() => new()
    {
        { false, [4, 6, 5] }, { false, [4, 6, 3, 5] }, { false, [4, 2, 7, 3, 5] }, { false, [4, 6, 3, 7, 2, 5] },
        { true, [4, 6, 5] }, { true, [4, 6, 3, 5] }, { true, [4, 2, 7, 3, 5] }, { true, [4, 6, 3, 7, 2, 5] },
    };

    [Theory]
    [MemberData(nameof(UnevenWidths))]
    public void LayerGradientsFollowTheLayerFlowFormulaWithEveryHiddenWidthDifferentOnTheManagedKernel(bool sensing, int[] widths) =>
        CheckUneven(sensing, widths, "managed");

    [RequiresBlasTheory]
    [MemberData(nameof(UnevenWidths))]
    public void LayerGradientsFollowTheLayerFlowFormulaWithEveryHiddenWidthDifferentThroughOpenBlas(bool sensing, int[] widths) =>
        CheckUneven(sensing, widths, "openblas");

    private static void CheckUneven(bool sensing, int[] widths, string backend)
    {
        var rng = new SeededRandom(17);
        int rows = widths[^1], columns = widths[0], depth = widths.Length - 1;
        var problem = (sensing
            ? DmfProblem.RandomSensing(rows, columns, 2, 7, depth, LossScale.Mse, rng)
            : DmfProblem.RandomCompletion(rows, columns, 2, rows * columns / 2, depth, LossScale.HalfSse, rng)) with { Dimensions = widths };
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, 0.7), rng, out _);
        using var sim = new DmfSimulator(problem.Loss, layers, Backend(backend));
        Assert.Equal(widths, sim.Dimensions);
        sim.ComputeLossAndGradient();
        AssertEveryLayerGradientIsTheReference(sim);
    }

    [Theory]
    [InlineData(false, 4, 3, 3)]
    [InlineData(true, 3, 4, 2)]
    [InlineData(false, 5, 5, 4)]
    public void GradientsAgreeWithFiniteDifferencesOfTheLossOnTheManagedKernel(bool sensing, int rows, int columns, int depth) =>
        CheckFiniteDifferences(sensing, rows, columns, depth, "managed");

    [RequiresBlasTheory]
    [InlineData(false, 4, 3, 3)]
    [InlineData(true, 3, 4, 2)]
    [InlineData(false, 5, 5, 4)]
    public void GradientsAgreeWithFiniteDifferencesOfTheLossThroughOpenBlas(bool sensing, int rows, int columns, int depth) =>
        CheckFiniteDifferences(sensing, rows, columns, depth, "openblas");

    private static void CheckFiniteDifferences(bool sensing, int rows, int columns, int depth, string backend)
    {
        // Central differences have error O(h²)·L''' ≈ 1e-10 here and rounding ≈ ε·L/h ≈ 1e-11: agreement to
        // 1e-7 relative separates a right gradient from any wrong one (a wrong factor or a transpose is O(1)).
        using var sim = Simulator(sensing, rows, columns, depth, 4, 5, out var problem, backend);
        sim.ComputeLossAndGradient();
        var analytic = sim.FlattenGradient();
        var theta = sim.FlattenParameters();
        const double h = 1e-5;
        double Loss(double[] p)
        {
            var layers = Unflatten(p, problem.Dimensions);
            using var probe = new DmfSimulator(problem.Loss, layers, Backend(backend));
            return probe.ComputeLossAndGradient();
        }
        for (int i = 0; i < theta.Length; i++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (Loss(up) - Loss(down)) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-7 * Math.Max(1, Math.Abs(analytic[i])),
                $"parameter {i}: finite difference {numeric}, gradient {analytic[i]}");
        }
    }

    internal static MatrixBuffer[] Unflatten(double[] p, int[] d)
    {
        var layers = new MatrixBuffer[d.Length - 1];
        int at = 0;
        for (int j = 0; j < layers.Length; j++)
        {
            layers[j] = new MatrixBuffer(d[j + 1], d[j]);
            for (int r = 0; r < d[j + 1]; r++)
                for (int c = 0; c < d[j]; c++)
                    layers[j][r, c] = p[at++];
        }
        return layers;
    }

    [Fact]
    public void AGradientStepLowersTheLossAtOrderStepSize()
    {
        // L(θ − η∇) = L − η‖∇‖² + O(η²): the first-order prediction is met up to a relative O(η) error.
        using var sim = Simulator(false, 6, 6, 3, 6, 3, out _);
        var before = sim.ComputeLossAndGradient();
        var norm2 = sim.GradientNormSquared();
        const double eta = 1e-6;
        sim.ApplyGradient(eta);
        var after = sim.ComputeLossAndGradient();
        Assert.Equal(-eta * norm2, after - before, Math.Abs(eta * norm2) * 1e-3);
    }

    [Fact]
    public void AStepOfTheLargeCompletionProblemDoesNotAllocate()
    {
        var rng = new SeededRandom(0);
        var p = DmfProblem.RandomCompletion(100, 100, 5, 2000, 3, LossScale.Mse, rng);
        var layers = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.01), rng, out _);
        foreach (var backend in NativeBlas.IsAvailable ? new[] { "managed", "openblas" } : ["managed"])
        {
            using var sim = new DmfSimulator(p.Loss, layers, Backend(backend));
            // The runtime itself may allocate now and then while methods tier up, so the claim is checked in
            // steady state: at least one window of 100 steps among several allocates nothing at all.
            long fewest = long.MaxValue;
            for (int window = 0; window < 8 && fewest > 0; window++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (int k = 0; k < 100; k++) { sim.ComputeLossAndGradient(); sim.ApplyGradient(1e-2); }
                fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Assert.Equal(0, fewest);
        }
    }

    /// <summary>
    /// A non-square problem makes the managed kernel transpose B factors of several shapes in one step (W_1ᵀ, W_0ᵀ,
    /// V_1ᵀ have three different shapes here); its scratch must not be reallocated at every product.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AStepOfANonSquareProblemDoesNotAllocate(bool sensing)
    {
        var rng = new SeededRandom(2);
        var p = (sensing
            ? DmfProblem.RandomSensing(30, 20, 2, 40, 4, LossScale.Mse, rng)
            : DmfProblem.RandomCompletion(30, 20, 2, 300, 4, LossScale.Mse, rng)) with { Dimensions = [20, 25, 15, 10, 30] };
        var layers = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.1), rng, out _);
        foreach (var backend in NativeBlas.IsAvailable ? new[] { "managed", "openblas" } : ["managed"])
        {
            using var sim = new DmfSimulator(p.Loss, layers, Backend(backend));
            long fewest = long.MaxValue; // steady state, as in the large problem's check
            for (int window = 0; window < 8 && fewest > 0; window++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (int k = 0; k < 100; k++) { sim.ComputeLossAndGradient(); sim.ApplyGradient(1e-3); }
                fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Assert.True(fewest == 0, $"{backend}: {fewest} bytes per 100 steps");
        }
    }

    [Fact]
    public void TheSparseForwardPassMatchesTheDenseProductOnTheObservedEntries()
    {
        var rng = new SeededRandom(4);
        var p = DmfProblem.RandomCompletion(37, 29, 3, 300, 3, LossScale.Sse, rng, hidden: 19);
        var layers = LayerInitializer.Create(p.Dimensions, new InitSpec(InitKind.Gaussian, 0.5), rng, out _);
        using var sim = new DmfSimulator(p.Loss, layers);
        Assert.Equal(p.Loss.Evaluate(sim.EndToEnd()), sim.ComputeLossAndGradient(), 10);
    }
}

