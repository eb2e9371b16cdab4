namespace ImplicitReg.Experiments.Simulators;

/// <summary>
/// A differentiable model whose parameters gradient descent updates: compute the loss and the gradient at
/// the current parameters, then move against it. Implementations keep all work buffers, so a step does not
/// allocate.
/// </summary>
public abstract class GradientModel : IDisposable
{
    /// <summary>Evaluates the loss at the current parameters and stores its gradient.</summary>
    public abstract double ComputeLossAndGradient();

    /// <summary>Σ over parameter blocks of ‖gradient‖²_F (for normalised GD); valid after <see cref="ComputeLossAndGradient"/>.</summary>
    public abstract double GradientNormSquared();

    /// <summary>θ ← θ − stepSize·∇ (the stored gradient).</summary>
    public abstract void ApplyGradient(double stepSize);

    /// <summary>True when every parameter is finite.</summary>
    public abstract bool ParametersFinite();

    /// <summary>All parameters flattened in a fixed order (for comparisons with a flow; allocates).</summary>
    public abstract double[] FlattenParameters();

    /// <summary>All gradient entries in the order of <see cref="FlattenParameters"/> (allocates).</summary>
    public abstract double[] FlattenGradient();

    /// <summary>Releases helper threads (a no-op for models without one).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the model owns; <paramref name="disposing"/> is false only from a finalizer (none has one).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
