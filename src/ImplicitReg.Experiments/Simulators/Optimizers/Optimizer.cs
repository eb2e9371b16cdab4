namespace ImplicitReg.Experiments.Simulators.Optimizers;

/// <summary>Chooses the step size of each gradient-descent iteration.</summary>
public abstract class Optimizer
{
    /// <summary>Name in outputs: <c>gd</c> or <c>group-rmsprop</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The base step size lr (positive and finite).</summary>
    public abstract double LearningRate { get; }

    /// <summary>True when <see cref="StepSize"/> needs the gradient norm (computing it costs a pass over the gradients).</summary>
    public abstract bool NeedsGradientNorm { get; }

    /// <summary>Step size for this iteration, given Σ‖∇_j‖²_F (0 when not needed).</summary>
    public abstract double StepSize(double gradientNormSquared);

    /// <summary>A fresh optimizer with the same settings and no state.</summary>
    public abstract Optimizer Fresh();

    /// <summary>Name and settings in one line, e.g. <c>gd lr 0.003</c>.</summary>
    public virtual string Describe() => $"{Name} lr {LearningRate:G6}";

    /// <summary>The optimizer named <paramref name="name"/> (<c>gd</c>, <c>group-rmsprop</c> or its older spelling <c>normalized</c>).</summary>
    /// <exception cref="ArgumentException">An unknown name or a bad setting; the message names the option.</exception>
    public static Optimizer Create(string name, double learningRate, double epsilon) => name switch
    {
        "gd" => new GradientDescent(learningRate),
        GroupRmsprop.OptionName or GroupRmsprop.LegacyName => new GroupRmsprop(learningRate, epsilon),
        _ => throw new ArgumentException($"--optimizer must be gd or {GroupRmsprop.OptionName} (also spelled {GroupRmsprop.LegacyName}), got '{name}'"),
    };

    internal static double CheckedRate(double learningRate) => learningRate > 0 && double.IsFinite(learningRate)
        ? learningRate
        : throw new ArgumentException($"learning rate {learningRate} must be positive and finite");
}

/// <summary>Plain gradient descent: θ ← θ − η·∇, the Euler discretization of the gradient flow with step η.</summary>
public sealed class GradientDescent(double learningRate) : Optimizer
{
    /// <inheritdoc />
    public override string Name => "gd";
    /// <inheritdoc />
    public override double LearningRate { get; } = CheckedRate(learningRate);
    /// <inheritdoc />
    public override bool NeedsGradientNorm => false;
    /// <summary>The learning rate itself, every iteration.</summary>
    public override double StepSize(double gradientNormSquared) => LearningRate;
    /// <inheritdoc />
    public override Optimizer Fresh() => new GradientDescent(LearningRate);
}
