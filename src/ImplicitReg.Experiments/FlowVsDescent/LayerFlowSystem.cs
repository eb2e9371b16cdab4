using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Costs;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.Compilation;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Experiments.FlowVsDescent;

/// <summary>
/// The layer gradient flow (M1) of a deep matrix factorization as a compiled system: the right-hand sides are
/// the equations derived symbolically (by <see cref="LayerFlow.Derive(DeepMatrixFactorization, CompletionLoss)"/>
/// or given by the caller), one per layer entry <c>W&lt;j&gt;[r,c]</c>, compiled to a delegate. This is the
/// flow side of the flow-versus-descent comparison: nothing here re-implements the gradient.
/// </summary>
public sealed class LayerFlowSystem
{
    /// <summary>Largest number of layer entries whose flow is derived and compiled (the symbolic side grows fast).</summary>
    public const int MaxParameters = 600;

    private readonly int[] _slot; // flattened layer entry (layer by layer, row-major) → state slot

    private LayerFlowSystem(int[] dimensions, CompiledSystem compiled, IReadOnlyList<(Sym Variable, Expr Rhs)> equations)
    {
        Dimensions = dimensions;
        Compiled = compiled;
        Equations = equations;
        var position = new Dictionary<Sym, int>();
        for (int i = 0; i < compiled.Variables.Count; i++) position[compiled.Variables[i]] = i;
        var slots = new List<int>();
        for (int j = 1; j < dimensions.Length; j++)
            for (int r = 1; r <= dimensions[j]; r++)
                for (int c = 1; c <= dimensions[j - 1]; c++)
                {
                    var s = SymbolNames.Layer(j, r, c);
                    slots.Add(position.TryGetValue(s, out var at)
                        ? at
                        : throw new CompilationException($"the flow has no equation for the layer entry {s.Name}"));
                }
        if (slots.Count != compiled.Dimension)
            throw new CompilationException($"the flow has {compiled.Dimension} equations but the layers have {slots.Count} entries");
        _slot = [.. slots];
    }

    /// <summary>d_0 … d_N.</summary>
    public int[] Dimensions { get; }

    /// <summary>The derived right-hand sides compiled to a numeric ODE system, one equation per layer entry (its own variable order; the layers map onto it by name).</summary>
    public CompiledSystem Compiled { get; }

    /// <summary>The equations as derived (variable, right side).</summary>
    public IReadOnlyList<(Sym Variable, Expr Rhs)> Equations { get; }

    /// <summary>
    /// Derives the flow of <paramref name="problem"/> (a completion problem) with ImplicitReg.Models and compiles it.
    /// Targets enter as the exact rationals of their double values.
    /// </summary>
    public static LayerFlowSystem Derive(DmfProblem problem)
    {
        if (problem.Loss is not CompletionMatrixLoss loss)
            throw new ArgumentException("the derived flow is available for completion losses; this problem uses sensing");
        var model = new DeepMatrixFactorization(problem.Dimensions);
        int parameters = Enumerable.Range(1, problem.Depth).Sum(j => problem.Dimensions[j] * problem.Dimensions[j - 1]);
        if (parameters > MaxParameters)
            throw new ArgumentException($"the layers have {parameters} entries; deriving and compiling the symbolic flow is limited to {MaxParameters}");
        if (DerivationProblem(problem.Dimensions) is { } tooLarge) throw new ArgumentException($"{tooLarge}; choose smaller layers");
        var observations = Enumerable.Range(0, loss.Count)
            .Select(k => new Observation(loss.RowIndex[k] + 1, loss.ColumnIndex[k] + 1, Rational.FromDouble(loss.Targets[k])))
            .ToList();
        var symbolicLoss = new Models.Losses.CompletionLoss(loss.Rows, loss.Columns, observations, loss.Scale);
        var flow = LayerFlow.Derive(model, symbolicLoss);
        return FromEquations(problem.Dimensions, flow.Select(e => (e.Variable, e.Rhs)).ToList());
    }

    /// <summary>
    /// Expanded monomials of the symbolic layer flow of layers d_0..d_N (the estimate of <c>implicitreg derive
    /// layer-flow</c>): the work of deriving it, and the size of the compiled right-hand sides every evaluation runs.
    /// </summary>
    public static double Monomials(IReadOnlyList<int> dims) =>
        DerivationCost.EstimateWork(LayerFlowDerivation.Info.Name, new DerivationOptions { Dims = dims });

    /// <summary>
    /// What is wrong with deriving the flow of layers d_0..d_N symbolically, or null: over the work limit of
    /// <c>implicitreg derive</c> (<c>--dims 10,10,10,10,10,10,10</c> has only 600 entries but would expand for hours).
    /// Without the option names or the fix, which the caller words.
    /// </summary>
    public static string? DerivationProblem(IReadOnlyList<int> dims)
    {
        double monomials = Monomials(dims);
        return monomials > DerivationCost.WorkLimit
            ? $"deriving the flow of layers {string.Join(",", dims)} symbolically would expand about {Scientific(monomials)} monomials, " +
              $"over the limit of {Scientific(DerivationCost.WorkLimit)} (more than a few minutes of computing, as `implicitreg derive` refuses)"
            : null;
    }

    private static string Scientific(double v) =>
        double.IsFinite(v) ? v.ToString("0.#E+0", System.Globalization.CultureInfo.InvariantCulture) : "infinitely many";

    /// <summary>Compiles given flow equations over the symbols <c>W&lt;j&gt;[r,c]</c> of layers with sizes d_0 … d_N.</summary>
    public static LayerFlowSystem FromEquations(int[] dimensions, IReadOnlyList<(Sym Variable, Expr Rhs)> equations) =>
        new(dimensions, CompiledSystem.Compile(equations), equations);

    /// <summary>The state vector holding the given layers.</summary>
    public double[] State(IReadOnlyList<MatrixBuffer> layers)
    {
        var y = new double[_slot.Length];
        int k = 0;
        foreach (var l in layers)
            for (int r = 0; r < l.Rows; r++)
                for (int c = 0; c < l.Columns; c++)
                    y[_slot[k++]] = l[r, c];
        return y;
    }

    /// <summary>The layers held in a state vector.</summary>
    public MatrixBuffer[] Layers(double[] state)
    {
        var layers = new MatrixBuffer[Dimensions.Length - 1];
        int k = 0;
        for (int j = 0; j < layers.Length; j++)
        {
            layers[j] = new MatrixBuffer(Dimensions[j + 1], Dimensions[j]);
            for (int r = 0; r < layers[j].Rows; r++)
                for (int c = 0; c < layers[j].Columns; c++)
                    layers[j][r, c] = state[_slot[k++]];
        }
        return layers;
    }

    /// <summary>
    /// An event at the time the loss falls to <paramref name="tolerance"/> (terminal by default: "integrate until
    /// the loss is below the tolerance").
    /// </summary>
    public OdeEvent LossBelow(MatrixLoss loss, double tolerance, bool terminal = true) =>
        new($"loss < {tolerance}", (t, y) => loss.Evaluate(EndToEnd(y)) - tolerance, terminal, EventDirection.Falling);

    /// <summary>An event at every sign change of det W (square end-to-end matrices; M5 says none under a deep flow).</summary>
    public OdeEvent DeterminantSignChange(bool terminal = false)
    {
        if (Dimensions[0] != Dimensions[^1]) throw new ArgumentException("det W needs a square end-to-end matrix");
        return new OdeEvent("det W = 0", (t, y) => EndToEnd(y).ToMatrix().Determinant(), terminal);
    }

    /// <summary>W = W_N⋯W_1 at a state (allocates).</summary>
    public MatrixBuffer EndToEnd(double[] state)
    {
        var layers = Layers(state);
        var w = layers[0];
        for (int j = 1; j < layers.Length; j++)
        {
            var next = new MatrixBuffer(layers[j].Rows, w.Columns);
            MatrixKernels.Multiply(layers[j], w, next);
            w = next;
        }
        return w;
    }

    /// <summary>Reorders a state vector into the simulator's flattened order (layer by layer, row-major).</summary>
    public double[] ToFlatOrder(double[] state) => _slot.Select(s => state[s]).ToArray();
}
