using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Numerics.Compilation;

/// <summary>
/// A system <c>x_i' = rhs_i(t, x, p)</c> given as kernel expressions, compiled to a fast delegate that writes
/// the whole right-hand side into a <c>double[]</c> without allocating: so the derived equations themselves
/// are what an integrator runs.
/// </summary>
/// <example>
/// <code>
/// var sys = CompiledSystem.Compile([(x, -y), (y, x)]);
/// var sol = Ode.Solve(OdeMethod.DormandPrince5, sys.Function, 0, [1.0, 0.0], 10);
/// </code>
/// </example>
public sealed class CompiledSystem
{
    private readonly CompiledEvaluator _evaluate;
    private readonly IReadOnlyList<Expr> _rhs;

    private CompiledSystem(SymbolLayout layout, IReadOnlyList<Expr> rhs, CompiledEvaluator evaluate)
    {
        Layout = layout;
        _rhs = rhs;
        _evaluate = evaluate;
        ParameterValues = new double[layout.Parameters.Count];
        Function = (t, y, dydt) => _evaluate(t, y, ParameterValues, dydt);
    }

    /// <summary>The default time symbol: <c>t</c>.</summary>
    public static readonly Sym DefaultTime = new("t");

    /// <summary>The binding of time, state and parameter symbols to the evaluator's arguments.</summary>
    public SymbolLayout Layout { get; }

    /// <summary>State variables in slot order.</summary>
    public IReadOnlyList<Sym> Variables => Layout.State;

    /// <summary>Right-hand sides in slot order.</summary>
    public IReadOnlyList<Expr> RightHandSides => _rhs;

    /// <summary>Number of state variables.</summary>
    public int Dimension => Layout.State.Count;

    /// <summary>Values of the parameters (slot order of <see cref="SymbolLayout.Parameters"/>); set before integrating.</summary>
    public double[] ParameterValues { get; }

    /// <summary>The right-hand side as an integrator callback (reads <see cref="ParameterValues"/>).</summary>
    public OdeFunction Function { get; }

    /// <summary>
    /// Compiles the equations; every symbol of a right side must be a state variable, the time symbol
    /// (<c>t</c> unless given) or one of the parameters.
    /// </summary>
    public static CompiledSystem Compile(IReadOnlyList<(Sym Variable, Expr Rhs)> equations, Sym? time = null,
        IReadOnlyList<Sym>? parameters = null)
    {
        var variables = equations.Select(e => e.Variable).ToList();
        var duplicate = variables.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CompilationException($"variable '{duplicate.Key.Name}' has two equations");
        var layout = new SymbolLayout(variables, time ?? DefaultTime, parameters);
        var rhs = equations.Select(e => e.Rhs).ToList();
        return new CompiledSystem(layout, rhs, ExpressionCompiler.Compile(rhs, layout));
    }

    /// <summary>Writes the right-hand side at (t, y) into <paramref name="dydt"/>.</summary>
    public void Evaluate(double t, double[] y, double[] dydt) => _evaluate(t, y, ParameterValues, dydt);

    /// <summary>
    /// The exact Jacobian ∂rhs/∂x and ∂rhs/∂t, differentiated symbolically and compiled, for the stiff method.
    /// </summary>
    public OdeJacobian CompileJacobian()
    {
        int n = Dimension;
        var jacobian = Algebra.Jacobian(_rhs, Variables);
        var outputs = new List<Expr>(n * n + n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                outputs.Add(jacobian[i, j]);
        foreach (var f in _rhs) outputs.Add(Layout.Time is { } t ? Algebra.Diff(f, t) : Expr.Zero);
        var evaluate = ExpressionCompiler.Compile(outputs, Layout);
        var scratch = new double[n * n + n]; // one buffer per compiled Jacobian: not for concurrent use
        return (t, y, j, dfdt) =>
        {
            evaluate(t, y, ParameterValues, scratch);
            Array.Copy(scratch, 0, j, 0, n * n);
            Array.Copy(scratch, n * n, dfdt, 0, n);
        };
    }

    /// <summary>Compiles a scalar function of the same time, state and parameters (an event, a loss, det W).</summary>
    public StateFunction CompileScalar(Expr e)
    {
        var evaluate = ExpressionCompiler.Compile([e], Layout);
        var result = new double[1];
        return (t, y) =>
        {
            evaluate(t, y, ParameterValues, result);
            return result[0];
        };
    }
}
