namespace ImplicitReg.Experiments.Simulators.Optimizers;

/// <summary>
/// Group RMSprop, the normalized gradient descent the authors of the deep matrix completion (Arora, Cohen, Hu,
/// Luo 2019) and tensor completion (Razin, Maman, Cohen 2021) experiments ran: one scalar state for all
/// parameters together. At iteration k = 1, 2, …
/// <code>
///   v_k = α·v_{k−1} + (1 − α)·Σ_params ‖g‖²      (v_0 = 0, α = 0.99)
///   η_k = lr / (√(v_k / (1 − α^k)) + ε)           (bias-corrected; ε added after the square root)
/// </code>
/// and every parameter moves by −η_k·g. ε decides how soon a tiny initialization starts to move (it dominates
/// the denominator while the gradients are small), so it is part of the experiment: 1e-4 for deep matrix
/// completion, 1e-6 for tensor completion (<see cref="MatrixCompletionEpsilon"/>, <see cref="TensorCompletionEpsilon"/>).
/// </summary>
public sealed class GroupRmsprop : Optimizer
{
    /// <summary>The name of the option value and in outputs.</summary>
    public const string OptionName = "group-rmsprop";

    /// <summary>The older option spelling, kept working: it now means this optimizer (bias-corrected).</summary>
    public const string LegacyName = "normalized";

    /// <summary>ε of the deep matrix completion experiment (the value Arora et al. pass explicitly).</summary>
    public const double MatrixCompletionEpsilon = 1e-4;

    /// <summary>ε of the tensor completion experiment (the optimizer's class default that Razin et al. keep).</summary>
    public const double TensorCompletionEpsilon = 1e-6;

    /// <summary>The decay α of the moving average.</summary>
    public const double DefaultDecay = 0.99;

    private double _average;
    private double _decayPower = 1; // α^k, updated multiplicatively so no Math.Pow per step

    /// <summary>Group RMSprop with step <paramref name="learningRate"/> (positive, finite), ε = <paramref name="epsilon"/> (non-negative) and moving-average decay α = <paramref name="decay"/> in (0, 1).</summary>
    public GroupRmsprop(double learningRate, double epsilon, double decay = DefaultDecay)
    {
        LearningRate = CheckedRate(learningRate);
        Epsilon = epsilon >= 0 && double.IsFinite(epsilon) ? epsilon : throw new ArgumentException($"--eps {epsilon} must be non-negative and finite");
        Decay = decay > 0 && decay < 1 ? decay : throw new ArgumentException($"decay {decay} must lie strictly between 0 and 1");
    }

    /// <inheritdoc />
    public override string Name => OptionName;
    /// <inheritdoc />
    public override double LearningRate { get; }

    /// <summary>ε, added to the bias-corrected root mean square.</summary>
    public double Epsilon { get; }

    /// <summary>α, the decay of the moving average of Σ‖g‖².</summary>
    public double Decay { get; }

    /// <summary>Iterations taken so far (k of the last step).</summary>
    public long Iteration { get; private set; }

    /// <inheritdoc />
    public override bool NeedsGradientNorm => true;

    /// <summary>η_k = lr / (√(v_k / (1 − α^k)) + ε), after folding this iteration's squared norm into the moving average v_k.</summary>
    public override double StepSize(double gradientNormSquared)
    {
        Iteration++;
        _average = Decay * _average + (1 - Decay) * gradientNormSquared;
        _decayPower *= Decay;
        return LearningRate / (Math.Sqrt(_average / (1 - _decayPower)) + Epsilon);
    }

    /// <inheritdoc />
    public override Optimizer Fresh() => new GroupRmsprop(LearningRate, Epsilon, Decay);

    /// <inheritdoc />
    public override string Describe() => $"{Name} lr {LearningRate:G6} eps {Epsilon:G6} alpha {Decay:G6} (bias-corrected)";
}
