using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Metrics;

namespace ImplicitReg.Experiments.FlowVsDescent;

/// <summary>One sample of the M4 check: the singular values from the SVD and from the two sides of M4.</summary>
public sealed record SingularValueSample(double Time, double[] FromSvd, double[] FromEquation, double[] FromClosedForm, double[] Alignment);

/// <summary>The outcome of <see cref="SingularValueCheck.Run"/>.</summary>
/// <param name="Samples">The samples, in time order.</param>
/// <param name="EquationDeviation">max over samples and r of |σ_equation − σ_SVD| / σ_SVD.</param>
/// <param name="ClosedFormDeviation">max over samples and r of |σ_closed form − σ_SVD| / σ_SVD.</param>
/// <param name="InitialBalancedness">Deviation from balancedness at t = 0 (M4 assumes 0).</param>
/// <param name="ReachedHorizon">False when the augmented integration stopped early (the σ-equation blew up).</param>
/// <param name="Message">How the integration ended.</param>
public sealed record SingularValueReport(
    IReadOnlyList<SingularValueSample> Samples, double EquationDeviation, double ClosedFormDeviation, double InitialBalancedness,
    bool ReachedHorizon, string Message);

/// <summary>
/// Checks M4 along a trajectory of the derived layer flow: the state is augmented with σ_r (driven by the
/// σ-equation with the alignment ⟨G, u_r v_rᵀ⟩ measured from the SVD of the current W) and with Q_r = ∫g_r, and
/// the integrated σ_r and the closed form from Q_r are compared with the singular values of W(t) itself.
/// From a balanced start both agree to the integration tolerance; from an unbalanced one they do not.
/// </summary>
public static class SingularValueCheck
{
    /// <summary>Most times compared (<c>--samples</c>, <c>options.samples</c>): each keeps the state and takes an SVD.</summary>
    public const int MaxSamples = 100_000;

    /// <summary>
    /// Dormand–Prince steps per unit of time at the relative tolerance 1e-12, and multiply-add equivalents per expanded
    /// monomial of the flow in one evaluation of the right-hand side. Measured on the 2-core AMD EPYC (28 November 2026,
    /// shared with three other builds): 2x2 depth 3 took 1.2 ms per unit of time, 2x2 depth 8 0.11 s, 20x20 depth 1 (where
    /// the SVD of each evaluation dominates) 0.1 s; with 6 evaluations a step, about 200 steps and 1,100 per monomial fit
    /// all three at 1e11 multiply-adds per second (the upper ends; the generalized 3x3 and 5x5 problems took less).
    /// </summary>
    public const double StepsPerUnitTime = 200, WorkPerMonomial = 1100;

    /// <summary>
    /// Predicted multiply-adds of <see cref="Run"/> over <paramref name="horizon"/> on layers d_0..d_N, for the work limit
    /// of the verb and of a claim file alike. Its cost grows with the horizon (the adaptive steps, about
    /// <see cref="StepsPerUnitTime"/> per unit of time, more as the tolerance tightens: steps ∝ tolerance^(−1/5) for a
    /// fifth-order method), and with the sizes and the depth through each of the 6 evaluations of a step: the compiled
    /// flow (<see cref="LayerFlowSystem.Monomials"/>, which grows as d^(N+1)) and the SVD of W that measures ⟨G, u vᵀ⟩.
    /// An estimate within a small factor (the step count depends on the trajectory), not a bound.
    /// </summary>
    public static double Work(double horizon, IReadOnlyList<int> dims, double relativeTolerance, int samples)
    {
        double steps = horizon * StepsPerUnitTime * Math.Pow(1e-12 / Math.Max(relativeTolerance, 1e-13), 0.2);
        double evaluation = WorkPerMonomial * LayerFlowSystem.Monomials(dims) + DmfCost.WorkPerRecord(dims);
        return steps * 6 * evaluation + (samples + 1.0) * DmfCost.WorkPerRecord(dims);
    }

    /// <summary>Integrates the flow and the σ-equation together over [0, <paramref name="horizon"/>] and compares them with the SVD of W(t) at <paramref name="samples"/> evenly spaced times.</summary>
    public static SingularValueReport Run(LayerFlowSystem flow, DmfProblem problem, IReadOnlyList<MatrixBuffer> initialLayers,
        double horizon, int samples = 50, double relativeTolerance = 1e-11, double absoluteTolerance = 1e-13,
        CancellationToken cancel = default)
    {
        int depth = problem.Depth;
        int n = flow.Compiled.Dimension;
        var initial = MatrixMetrics.Of(flow.EndToEnd(flow.State(initialLayers)));
        int k = initial.SingularValues.Count(s => s > 1e-12 * Math.Max(1, initial.Spectral));
        if (k == 0) throw new ArgumentException("W(0) is zero: M4 has nothing to track");
        var rhs = flow.Compiled.Function;
        var layerState = new double[n];
        OdeFunction augmented = (t, y, dy) =>
        {
            Array.Copy(y, layerState, n);
            rhs(t, layerState, dy); // the derived flow writes the first n rates
            var alignment = Measure(flow, problem, layerState, k, out _);
            for (int r = 0; r < k; r++)
            {
                dy[n + r] = SigmaEquation.Rate(depth, y[n + r], alignment[r]);
                dy[n + k + r] = -depth * alignment[r];
            }
        };
        var y0 = new double[n + 2 * k];
        Array.Copy(flow.State(initialLayers), y0, n);
        for (int r = 0; r < k; r++) y0[n + r] = initial.SingularValues[r];
        var times = Enumerable.Range(0, samples + 1).Select(i => horizon * i / samples).ToArray();
        times[^1] = horizon;
        var sol = Ode.Solve(OdeMethod.DormandPrince5, augmented, 0, y0, horizon, new OdeOptions
        {
            RelativeTolerance = relativeTolerance,
            AbsoluteTolerance = absoluteTolerance,
            OutputTimes = times,
            Cancel = cancel,
        });
        cancel.ThrowIfCancellationRequested();
        // An early stop is a result, not an error: a wrong σ-equation (unbalanced start) can blow up; the samples
        // up to there are compared, and the report says the horizon was not reached.
        var list = new List<SingularValueSample>();
        double equationDeviation = 0, closedDeviation = 0;
        for (int i = 0; i < sol.Times.Count; i++)
        {
            var state = sol.States[i];
            var alignment = Measure(flow, problem, state[..n], k, out var svd);
            var fromEquation = state[n..(n + k)];
            var closed = Enumerable.Range(0, k).Select(r => SigmaEquation.ClosedForm(depth, initial.SingularValues[r], state[n + k + r])).ToArray();
            var fromSvd = svd.SingularValues[..k];
            for (int r = 0; r < k; r++)
            {
                equationDeviation = Math.Max(equationDeviation, Math.Abs(fromEquation[r] - fromSvd[r]) / fromSvd[r]);
                closedDeviation = Math.Max(closedDeviation, Math.Abs(closed[r] - fromSvd[r]) / fromSvd[r]);
            }
            list.Add(new SingularValueSample(sol.Times[i], fromSvd, fromEquation, closed, alignment));
        }
        if (!sol.Succeeded) equationDeviation = double.PositiveInfinity;
        return new SingularValueReport(list, equationDeviation, closedDeviation, Balancedness.Deviation(initialLayers), sol.Succeeded, sol.Message);
    }

    /// <summary>⟨G, u_r v_rᵀ⟩ for the top k singular pairs of W(θ).</summary>
    private static double[] Measure(LayerFlowSystem flow, DmfProblem problem, double[] state, int k, out MatrixMetrics metrics)
    {
        var w = flow.EndToEnd(state);
        metrics = MatrixMetrics.Of(w);
        return metrics.Alignment(problem.Loss.Gradient(w), k);
    }
}
