namespace ImplicitReg.Experiments.Simulators.Optimizers;

/// <summary>Chooses the step size of each gradient-descent iteration.</summary>
public abstract class Optimizer
{
    /// <summary>Name in outputs: <c>gd</c> or <c>normalized</c>.</summary>
    public abstract string Name { get; }

    public abstract double LearningRate { get; }

    /// <summary>True when <see cref="StepSize"/> needs the gradient norm (computing it costs a pass over the gradients).</summary>
    public abstract bool NeedsGradientNorm { get; }

    /// <summary>Step size for this iteration, given Σ‖∇_j‖²_F (0 when not needed).</summary>
    public abstract double StepSize(double gradientNormSquared);

    /// <summary>A fresh optimizer with the same settings and no state.</summary>
    public abstract Optimizer Fresh();
}

/// <summary>Plain gradient descent: θ ← θ − η·∇, the Euler discretization of the gradient flow with step η.</summary>
public sealed class GradientDescent(double learningRate) : Optimizer
{
    public override string Name => "gd";
    public override double LearningRate { get; } = learningRate > 0 && double.IsFinite(learningRate)
        ? learningRate
        : throw new ArgumentException($"learning rate {learningRate} must be positive and finite");
    public override bool NeedsGradientNorm => false;
    public override double StepSize(double gradientNormSquared) => LearningRate;
    public override Optimizer Fresh() => new GradientDescent(LearningRate);
}

/// <summary>
/// The normalized gradient descent of Arora et al. 2019 (E1, "group RMSprop"): one global step
/// <c>lr / (√v + ε)</c> where <c>v ← β·v + (1 − β)·Σ_j‖∇_j‖²</c> is an exponential moving average of the
/// squared gradient norm (β = 0.99, ε = 1e-4, v starting at 0, no bias correction, as in RMSprop).
/// </summary>
public sealed class NormalizedGradientDescent(double learningRate, double decay = 0.99, double epsilon = 1e-4) : Optimizer
{
    private double _average;

    public override string Name => "normalized";
    public override double LearningRate { get; } = learningRate > 0 && double.IsFinite(learningRate)
        ? learningRate
        : throw new ArgumentException($"learning rate {learningRate} must be positive and finite");
    public double Decay { get; } = decay;
    public double Epsilon { get; } = epsilon;
    public override bool NeedsGradientNorm => true;

    public override double StepSize(double gradientNormSquared)
    {
        _average = Decay * _average + (1 - Decay) * gradientNormSquared;
        return LearningRate / (Math.Sqrt(_average) + Epsilon);
    }

    public override Optimizer Fresh() => new NormalizedGradientDescent(LearningRate, Decay, Epsilon);
}
