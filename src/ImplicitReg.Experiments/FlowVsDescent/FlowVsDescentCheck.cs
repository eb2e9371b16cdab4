using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.FlowVsDescent;

/// <summary>Settings of the flow-versus-descent check (M9).</summary>
/// <param name="LearningRate">The largest step η; the others are η/2, η/4, …</param>
/// <param name="Horizon">Time T compared: GD with step η runs T/η iterations.</param>
/// <param name="Halvings">How many times η is halved (3 gives η, η/2, η/4, η/8).</param>
/// <param name="RelativeTolerance">Tolerance of the flow integration (far below the gaps measured).</param>
/// <param name="AbsoluteTolerance">Absolute tolerance of the flow integration.</param>
public sealed record FlowVsDescentOptions(
    double LearningRate,
    double Horizon,
    int Halvings = 3,
    double RelativeTolerance = 1e-12,
    double AbsoluteTolerance = 1e-14);

/// <summary>One step size's result: the largest gap to the flow over the common times and the order from the previous row.</summary>
/// <param name="LearningRate">The step size η of this run.</param>
/// <param name="Steps">GD iterations over the horizon.</param>
/// <param name="Gap">max_k ‖θ_GD(t_k) − θ_GF(t_k)‖_∞ (infinite when the run stopped on a non-finite loss).</param>
/// <param name="ObservedOrder">log₂ of the previous row's gap over this one's; null for the first row.</param>
/// <param name="Diverged">
/// The run's loss became NaN or overflowed, during the run or at its last iterate (whose loss no further step
/// computes): its gap is a blow-up, not a discretisation error.
/// </param>
public sealed record GapRow(double LearningRate, long Steps, double Gap, double? ObservedOrder, bool Diverged = false);

/// <summary>The outcome of <see cref="FlowVsDescentCheck.Run"/>.</summary>
/// <param name="Rows">One row per step size, largest first.</param>
/// <param name="Order">The observed order at the finest pair of step sizes (≈ 1 when GD tracks the flow at first order).</param>
/// <param name="FlowStatistics">Work of the flow integration.</param>
/// <param name="FlowStatus">How the flow integration ended.</param>
/// <param name="ComparedTimes">Number of common times compared (the multiples of the largest step).</param>
/// <param name="FinalFlowLoss">Loss of the flow at T.</param>
/// <param name="Diverged">A GD run that diverged (step size and iteration), or null.</param>
public sealed record FlowVsDescentReport(
    IReadOnlyList<GapRow> Rows,
    double Order,
    OdeStatistics FlowStatistics,
    OdeStatus FlowStatus,
    int ComparedTimes,
    double FinalFlowLoss,
    (double LearningRate, long Step)? Diverged);

/// <summary>
/// M9, GD tracks GF at first order: integrate the derived layer flow from an initial point with a tight
/// tolerance, run plain GD (the hand-written simulator) from the same point with η, η/2, …, and measure at every
/// common time t = k·η (multiples of the largest step, which are iterates of every run) the largest entry-wise
/// gap max_k ‖θ_GD(t_k) − θ_GF(t_k)‖_∞. The observed order log₂(gap(η)/gap(η/2)) must approach 1.
/// </summary>
public static class FlowVsDescentCheck
{
    /// <summary>Most steps of the largest rate: the flow is kept at each of their times.</summary>
    public const long MaxCoarseSteps = 10_000_000;

    /// <summary>
    /// What is wrong with <paramref name="options"/> before anything runs (a claim file reports it when it loads), or
    /// null: the rate and horizon must be positive, the horizon a whole number of steps of at most
    /// <see cref="MaxCoarseSteps"/>, with at least one halving.
    /// </summary>
    public static string? Invalid(FlowVsDescentOptions options)
    {
        if (!(options.LearningRate > 0) || !(options.Horizon > 0)) return "the learning rate and the horizon must be positive";
        if (options.Halvings < 1) return "at least one halving is needed to observe an order";
        var coarse = Math.Round(options.Horizon / options.LearningRate);
        if (coarse > MaxCoarseSteps)
            return $"{coarse.ToString("0.#####E+0", System.Globalization.CultureInfo.InvariantCulture)} steps at the largest rate is too many (at most {MaxCoarseSteps}); shorten the horizon or take a larger rate";
        if (coarse < 1 || Math.Abs(coarse * options.LearningRate - options.Horizon) > 1e-9 * options.Horizon)
            return $"the horizon {options.Horizon.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a whole number of steps of {options.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return null;
    }

    /// <summary>
    /// The multiply-adds of all the GD runs of <paramref name="options"/> on layers of sizes <paramref name="dims"/>
    /// (d_0..d_N), for the work limit of the verb and of a claim file alike: GD runs T/η steps for η, then twice as many
    /// for each halving, T/η · (2^(K+1) − 1) in all, each a full-gradient step.
    /// </summary>
    public static double Work(FlowVsDescentOptions options, IReadOnlyList<int> dims) =>
        options.Horizon / options.LearningRate * (Math.Pow(2, options.Halvings + 1) - 1) * DmfCost.WorkPerStep(dims, dims[0] * (long)dims[^1], 0);

    /// <summary>Runs M9 from <paramref name="initialLayers"/>: the flow integrated with the tolerances of <paramref name="options"/>, then GD with η, η/2, …, η/2^K over the horizon; <paramref name="progress"/> is told each stage. Throws <see cref="ArgumentException"/> when the layers do not fit the problem.</summary>
    public static FlowVsDescentReport Run(LayerFlowSystem flow, DmfProblem problem, IReadOnlyList<MatrixBuffer> initialLayers,
        FlowVsDescentOptions options, CancellationToken cancel = default, Action<string>? progress = null)
    {
        if (Invalid(options) is { } invalid) throw new ArgumentException(invalid);
        var coarseSteps = (long)Math.Round(options.Horizon / options.LearningRate);

        // The flow at the common times t_k = k·η.
        var times = Enumerable.Range(0, (int)coarseSteps + 1).Select(k => k * options.LearningRate).ToArray();
        times[^1] = options.Horizon;
        progress?.Invoke("integrating the derived flow");
        var solution = Ode.Solve(OdeMethod.DormandPrince5, flow.Compiled.Function, 0, flow.State(initialLayers), options.Horizon,
            new OdeOptions
            {
                RelativeTolerance = options.RelativeTolerance,
                AbsoluteTolerance = options.AbsoluteTolerance,
                OutputTimes = times,
                Cancel = cancel,
            });
        cancel.ThrowIfCancellationRequested();
        if (!solution.Succeeded) throw new InvalidOperationException($"the flow integration failed: {solution.Message}");
        var flowStates = solution.States.Select(flow.ToFlatOrder).ToArray();
        var finalLayers = flow.Layers(solution.FinalState);
        var finalLoss = problem.Loss.Evaluate(flow.EndToEnd(solution.FinalState));

        var rows = new List<GapRow>();
        (double, long)? diverged = null;
        for (int h = 0; h <= options.Halvings; h++)
        {
            var eta = options.LearningRate / (1 << h);
            long every = 1L << h; // GD iterations between common times
            progress?.Invoke($"gradient descent with step {eta}");
            using var sim = new DmfSimulator(problem.Loss, initialLayers);
            double gap = Gap(sim.FlattenParameters(), flowStates[0]);
            bool blewUp = false;
            for (long k = 1; k <= coarseSteps * every; k++)
            {
                if ((k & 4095) == 0) cancel.ThrowIfCancellationRequested();
                var loss = sim.ComputeLossAndGradient();
                if (!double.IsFinite(loss))
                {
                    diverged ??= (eta, k - 1);
                    gap = double.PositiveInfinity;
                    blewUp = true;
                    break;
                }
                sim.ApplyGradient(eta);
                if (k % every == 0) gap = Math.Max(gap, Gap(sim.FlattenParameters(), flowStates[k / every]));
            }
            // The last update is followed by no loss evaluation: an iterate of 1E+201 would pass as a finite gap.
            // It marks the row only; the report's Diverged (and the CLI's exit 4) stay for a run stopped mid-way.
            blewUp = blewUp || !double.IsFinite(gap) || !double.IsFinite(sim.ComputeLossAndGradient());
            double? order = rows.Count > 0 ? Math.Log2(rows[^1].Gap / gap) : null;
            rows.Add(new GapRow(eta, coarseSteps * every, gap, order, blewUp));
        }
        return new FlowVsDescentReport(rows, rows[^1].ObservedOrder!.Value, solution.Statistics, solution.Status,
            times.Length, finalLoss, diverged);
    }

    private static double Gap(double[] a, double[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }
}
