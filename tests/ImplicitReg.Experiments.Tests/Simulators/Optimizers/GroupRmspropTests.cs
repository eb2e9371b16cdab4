using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Experiments.Tests.Simulators.Optimizers;

public sealed class GroupRmspropTests
{
    /// <summary>Agreement with the hand-computed values below, which are exact to 30 digits: rounding only.</summary>
    private const int Digits = 15;

    [Fact]
    public void StepSizesMatchAHandComputedSequence()
    {
        // lr = 0.01, eps = 1e-4, alpha = 0.99, Σ‖g‖² = 4, 1, 0 at k = 1, 2, 3.
        // k = 1: v = 0.01·4 = 0.04;             1 − α  = 0.01;     v̂ = 4;                 √v̂ = 2
        //        η = 0.01 / 2.0001 = 0.004999750012499375
        // k = 2: v = 0.99·0.04 + 0.01·1 = 0.0496; 1 − α² = 0.0199;   v̂ = 496/199;           √v̂ = 1.578753404290166
        //        η = 0.01 / 1.578853404290166 = 0.006333710256333698
        // k = 3: v = 0.99·0.0496 = 0.049104;     1 − α³ = 0.029701; v̂ = 49104/29701;       √v̂ = 1.285798455209293
        //        η = 0.01 / 1.285898455209293 = 0.007776663825583642
        var opt = new GroupRmsprop(0.01, 1e-4);
        Assert.Equal(0.004999750012499375, opt.StepSize(4), Digits);
        Assert.Equal(0.006333710256333698, opt.StepSize(1), Digits);
        Assert.Equal(0.007776663825583642, opt.StepSize(0), Digits);
        Assert.Equal(3, opt.Iteration);
    }

    [Fact]
    public void TheRunnerTakesTheHandComputedStepsOnAScalarQuadratic()
    {
        // L(θ) = θ²/2, g = θ, θ₀ = 2, lr = 0.5, eps = 0 (so η_k = lr/√v̂_k):
        // k = 1: g² = 4;    v = 0.04;     v̂ = 0.04/0.01 = 4;                 η = 0.25;               θ₁ = 2 − 0.25·2 = 1.5
        // k = 2: g² = 2.25; v = 0.99·0.04 + 0.0225 = 0.0621; v̂ = 0.0621/0.0199 = 3.120603015075377
        //        η = 0.5/1.766522855062432 = 0.2830419075279653; θ₂ = 1.5·(1 − η) = 1.075437138708052
        // k = 3: g² = θ₂²; v = 0.99·0.0621 + 0.01·θ₂² = 0.07304465039312562; v̂ = v/0.029701 = 2.459333032326374
        //        η = 0.3188315810791440; θ₃ = θ₂·(1 − η) = 0.7325538154225332
        using var model = new ScalarQuadratic(2);
        var result = SimulationRunner.Run(model, new GroupRmsprop(0.5, 0), new RunOptions { MaxSteps = 3 });
        Assert.Equal(3, result.Steps);
        Assert.Equal(0.7325538154225332, model.Theta, Digits);
        Assert.Equal(0.25 + 0.2830419075279653 + 0.3188315810791440, result.Time, Digits - 1); // a sum of three rounded terms
    }

    [Fact]
    public void BiasCorrectionMakesAConstantGradientTakeTheSameStepFromTheStart()
    {
        // With Σ‖g‖² = G² at every step, v_k = G²(1 − α^k) exactly, so v̂_k = G² and η_k = lr/(G + ε) for all k.
        // Without the correction the first step would be lr/(G·√0.01 + ε): ten times larger (negative control).
        var opt = new GroupRmsprop(1e-3, 1e-4);
        for (int k = 1; k <= 500; k++) Assert.Equal(1e-3 / (3 + 1e-4), opt.StepSize(9), 12);
        var uncorrectedFirst = 1e-3 / (Math.Sqrt(0.01 * 9) + 1e-4);
        Assert.True(uncorrectedFirst > 9 * new GroupRmsprop(1e-3, 1e-4).StepSize(9));
    }

    [Fact]
    public void EpsilonDominatesWhileGradientsAreTiny()
    {
        // ‖g‖ = 1e-8 ≪ ε: η ≈ lr/ε, so ε decides how fast a tiny initialization starts to move.
        Assert.Equal(1e-2 / (1e-8 + 1e-6), new GroupRmsprop(1e-2, GroupRmsprop.TensorCompletionEpsilon).StepSize(1e-16), 6);
        Assert.Equal(1e-2 / (1e-8 + 1e-4), new GroupRmsprop(1e-2, GroupRmsprop.MatrixCompletionEpsilon).StepSize(1e-16), 8);
    }

    [Fact]
    public void FreshForgetsTheState()
    {
        var opt = new GroupRmsprop(0.01, 1e-4);
        var first = opt.StepSize(4);
        opt.StepSize(1);
        Assert.Equal(first, opt.Fresh().StepSize(4));
    }

    [Theory]
    [InlineData("normalized")]
    [InlineData("group-rmsprop")]
    public void BothSpellingsCreateGroupRmsprop(string name)
    {
        var opt = Assert.IsType<GroupRmsprop>(Optimizer.Create(name, 0.01, 1e-6));
        Assert.Equal(1e-6, opt.Epsilon);
        Assert.Equal("group-rmsprop", opt.Name);
    }

    [Theory]
    [InlineData("adam", 0.01, 1e-4)]
    [InlineData("gd", -1, 1e-4)]
    [InlineData("group-rmsprop", 0.01, -1e-4)]
    [InlineData("group-rmsprop", 0.01, double.NaN)]
    public void BadSettingsAreRefusedWithTheirName(string name, double lr, double eps)
    {
        var e = Assert.Throws<ArgumentException>(() => Optimizer.Create(name, lr, eps));
        Assert.True(e.Message.Contains("optimizer") || e.Message.Contains("learning rate") || e.Message.Contains("--eps"), e.Message);
    }

    /// <summary>L(θ) = θ²/2 on one scalar: the smallest model whose steps can be followed by hand.</summary>
    private sealed class ScalarQuadratic(double theta) : GradientModel
    {
        public double Theta { get; private set; } = theta;
        private double _gradient;

        public override double ComputeLossAndGradient()
        {
            _gradient = Theta;
            return Theta * Theta / 2;
        }

        public override double GradientNormSquared() => _gradient * _gradient;
        public override void ApplyGradient(double stepSize) => Theta -= stepSize * _gradient;
        public override bool ParametersFinite() => double.IsFinite(Theta);
        public override double[] FlattenParameters() => [Theta];
        public override double[] FlattenGradient() => [_gradient];
    }
}
