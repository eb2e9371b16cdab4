using System.Globalization;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// E2, the 2 × 2 construction (Razin and Cohen 2020): Ω = {(1,2), (2,1), (2,2)}, targets 1, 1, 0, loss
/// ½Σ_Ω(W_ij − b_ij)², plain GD (lr 3e-3) from layers i.i.d. N(0, 8e-3²) resampled until det W(0) &gt; 0, and from a
/// balanced start, until the loss is below 1e-4. Along the run it checks the bound
/// |W₁₁| ≥ (1 − √(2ℓ))² / √(2ℓ), which every W with det W &gt; 0 and ℓ &lt; ½ satisfies, records |W₁₁|, det W and the
/// singular values against the loss, and flags any sign change of det W.
/// </summary>
public sealed class E2TwoByTwo : IReproduction
{
    /// <summary>One run: depth and initialization (<c>gaussian</c> or <c>balanced</c>).</summary>
    public sealed record Spec(int Depth, string Init, double LearningRate);

    private sealed record Scale(int[] Depths, int Seeds, long MaxSteps);

    private static readonly Scale Full = new([2, 3, 4], 3, 5_000_000);
    private static readonly Scale Quick = new([2, 3], 1, 5_000_000);
    private const double InitStd = 8e-3;
    private const double StopLoss = 1e-4;
    private static readonly string[] Inits = ["gaussian", "balanced"];

    /// <summary>Check det W and the bound every this many steps (a 2 × 2 product is cheap; sign changes are rarely shorter).</summary>
    private const int CheckEvery = 10;

    /// <inheritdoc />
    public string Name => "e2";
    /// <inheritdoc />
    public string Title => "the 2x2 construction (Razin and Cohen 2020): norms grow like 1/sqrt(loss) while the rank falls";

    private static double LearningRate(int depth) => depth >= 4 ? 1.5e-3 : 3e-3;

    /// <inheritdoc />
    public ReproductionPlan Plan(ReproductionOptions options)
    {
        var s = options.Quick ? Quick : Full;
        var depths = (options.Depths ?? s.Depths).Distinct().Order().ToList();
        foreach (var d in depths)
            if (d < 1 || d > 8) throw new ArgumentException($"--depths {d}: depth must be between 1 and 8");
        if (options.Observed is not null || options.Scales is not null) throw new ArgumentException("e2 has no --observed or --scales selectors (the construction is fixed); use --depths and --seeds");
        int seeds = options.Seeds ?? s.Seeds;
        if (seeds < 1) throw new ArgumentException($"--seeds must be at least 1, got {seeds}");
        long maxSteps = options.MaxSteps ?? s.MaxSteps;
        var setup = new List<string>
        {
            $"setup: {(options.Quick ? "quick version" : "the authors' setting")}: Omega = {{(1,2),(2,1),(2,2)}}, targets 1, 1, 0; loss l = 1/2 sum over Omega (W_ij - b_ij)^2",
            $"model: depth-N 2x2 factorization; init gaussian (layers i.i.d. N(0, {F(InitStd)}^2), redrawn until det W(0) > 0) and balanced (same draw, rebalanced, det W(0) > 0)",
            "optimizer: gd lr 3e-3 (depth 4 and more: 1.5e-3)",
            $"stopping rule: loss < {F(StopLoss)} or {maxSteps} iterations; det W and the bound |W11| >= (1 - sqrt(2l))^2/sqrt(2l) checked every {CheckEvery} steps",
            $"sweep: depths {string.Join(",", depths)}; inits {string.Join(",", Inits)}; seeds 0..{seeds - 1}",
        };
        var runs = SweepPlan.Number(
            from depth in depths
            from init in Inits
            from seed in Enumerable.Range(0, seeds)
            select ($"d{depth}-{init}-seed{seed}", seed, new Spec(depth, init, LearningRate(depth))));
        return new ReproductionPlan<Spec>(setup, runs, (run, dir, cancel) => Execute(maxSteps, run, dir, cancel))
        {
            PeakBytes = DmfCost.EstimateBytes(DmfProblem.LayerDimensions(2, 2, depths.Max()), 3, 0, 0),
        };
    }

    private static string F(double x) => ReproductionOptions.Format(x);

    /// <summary>The lower bound on |W₁₁| for det W &gt; 0 at half-sse loss ℓ &lt; ½.</summary>
    public static double Bound(double loss)
    {
        var r = Math.Sqrt(2 * loss);
        return (1 - r) * (1 - r) / r;
    }

    private static RunRecord Execute(long maxSteps, SweepRun<Spec> run, string directory, CancellationToken cancel)
    {
        var problem = DmfProblem.TwoByTwo(run.Spec.Depth, LossScale.HalfSse);
        var kind = run.Spec.Init == "balanced" ? InitKind.Balanced : InitKind.Gaussian;
        var layers = LayerInitializer.Create(problem.Dimensions, new InitSpec(kind, InitStd, PositiveDeterminant: true), new SeededRandom(run.Seed), out var draws);
        using var sim = new DmfSimulator(problem.Loss, layers);
        using var csv = new RunCsv(Path.Combine(directory, SweepStore.FileStem(run.Index, run.Id) + ".csv"),
            ["step", "loss", "absW11", "bound", "det", "sigmaMax", "sigmaMin"]);
        int signChanges = 0;
        long firstSignChange = -1, checkedPoints = 0, boundViolations = 0;
        double worstMargin = double.PositiveInfinity, lastWrittenLoss = double.PositiveInfinity, previousDet = double.NaN;
        var fit = new List<(double LogLoss, double LogW11)>();
        double w11 = double.NaN, det = double.NaN;
        var result = SimulationRunner.Run(sim, new GradientDescent(run.Spec.LearningRate), new RunOptions
        {
            MaxSteps = maxSteps,
            StopLoss = StopLoss,
            RecordEvery = CheckEvery,
            Cancel = cancel,
            OnRecord = (k, loss, _) =>
            {
                var w = sim.EndToEnd();
                w11 = Math.Abs(w[0, 0]);
                det = w[0, 0] * w[1, 1] - w[0, 1] * w[1, 0];
                if (!double.IsNaN(previousDet) && Math.Sign(det) != Math.Sign(previousDet))
                {
                    signChanges++;
                    if (firstSignChange < 0) firstSignChange = k;
                }
                previousDet = det;
                double bound = double.NaN;
                if (det > 0 && loss < 0.5)
                {
                    checkedPoints++;
                    bound = Bound(loss);
                    if (w11 < bound) boundViolations++;
                    worstMargin = Math.Min(worstMargin, w11 / bound);
                    if (loss <= 1e-2) fit.Add((Math.Log(loss), Math.Log(w11)));
                }
                // Rows spaced by loss (20 per decade) or at a sign change: the figure is |W11| against log loss.
                if (loss <= lastWrittenLoss / Math.Pow(10, 0.05) || signChanges > 0 && firstSignChange == k || k == 0 || loss < StopLoss)
                {
                    lastWrittenLoss = loss;
                    var (big, small) = SingularValues2(w[0, 0], w[0, 1], w[1, 0], w[1, 1]);
                    csv.Row([k, loss, w11, bound, det, big, small]);
                }
            },
        });
        cancel.ThrowIfCancellationRequested();
        var slope = Slope(fit);
        return new RunRecord(run.Index, run.Id, run.Seed)
            .Set("depth", run.Spec.Depth).Set("init", run.Spec.Init).Set("learningRate", run.Spec.LearningRate).Set("draws", draws)
            .Set("status", E1DeepMatrixCompletion.StatusName(result.Status)).Set("steps", result.Steps).Set("loss", result.FinalLoss)
            .Set("absW11", w11).Set("det", det).Set("signChanges", signChanges).Set("firstSignChange", firstSignChange)
            .Set("boundChecks", checkedPoints).Set("boundViolations", boundViolations)
            .Set("worstBoundRatio", double.IsPositiveInfinity(worstMargin) ? double.NaN : worstMargin)
            .Set("slope", slope);
    }

    /// <summary>Least-squares slope of log|W₁₁| against log ℓ (−½ when |W₁₁| ∝ 1/√ℓ); NaN with fewer than 3 points.</summary>
    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 3 || points[0].X - points[^1].X < Math.Log(10)) return double.NaN;
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxy = points.Sum(p => (p.X - mx) * (p.Y - my)), sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxy / sxx;
    }

    /// <summary>Singular values of [[a, b], [c, d]] in closed form.</summary>
    private static (double, double) SingularValues2(double a, double b, double c, double d)
    {
        double s1 = a * a + b * b + c * c + d * d, det = Math.Abs(a * d - b * c);
        double root = Math.Sqrt(Math.Max(0, s1 * s1 / 4 - det * det));
        double big = Math.Sqrt(s1 / 2 + root);
        return (big, big > 0 ? det / big : 0);
    }

    /// <inheritdoc />
    public ReproductionSummary Summarise(SweepManifest manifest, IReadOnlyList<RunRecord> records)
    {
        var rows = records.Select(r => (IReadOnlyList<string>)
        [
            r.Id, r.Text("status"), F0(r.Number("steps")), G(r.Number("loss")), G(r.Number("absW11")), G(r.Number("det")),
            r.Number("slope").ToString("0.000", CultureInfo.InvariantCulture), G(r.Number("worstBoundRatio")),
            F0(r.Number("signChanges")) + (r.Number("signChanges") > 0 ? $" (first at step {F0(r.Number("firstSignChange"))}) FLAGGED" : ""),
        ]).ToList();
        var parts = new List<SummaryPart>
        {
            new SummaryLine("runs (slope: least-squares slope of log|W11| against log loss for loss <= 1e-2 while det W > 0; -0.5 is |W11| ~ 1/sqrt(loss)):"),
            new SummaryTable(["run", "status", "steps", "loss", "|W11|", "det W", "slope", "bound min ratio", "sign changes"], rows, [2, 3, 4, 5, 6, 7]),
        };
        var claims = new List<ClaimCheck> { GrowthClaim(records), BoundClaim(records), SignClaim(records) };
        return new ReproductionSummary(parts, w => Reproducer.WriteRuns(w, records), claims);
    }

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private static string F0(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static ClaimCheck GrowthClaim(IReadOnlyList<RunRecord> records)
    {
        const string claim = "|W11| grows like 1/sqrt(loss) as the loss goes to 0 with det W > 0 (Razin and Cohen 2020): fitted slope of log|W11| against log loss within 0.1 of -0.5 in every converged run that kept det W > 0";
        var eligible = records.Where(r => r.Text("status") == "converged" && r.Number("signChanges") == 0 && !double.IsNaN(r.Number("slope"))).ToList();
        if (eligible.Count == 0) return new ClaimCheck(claim, Support.Undecided, "no converged run kept det W > 0 over two decades of loss");
        var bad = eligible.Where(r => Math.Abs(r.Number("slope") + 0.5) > 0.1).ToList();
        var range = $"slopes {G(eligible.Min(r => r.Number("slope")))} .. {G(eligible.Max(r => r.Number("slope")))} over {eligible.Count} runs";
        return new ClaimCheck(claim, bad.Count == 0 ? Support.Supported : Support.NotSupported,
            bad.Count == 0 ? range : $"{range}; outside: {string.Join(", ", bad.Select(r => $"{r.Id} {G(r.Number("slope"))}"))}");
    }

    private static ClaimCheck BoundClaim(IReadOnlyList<RunRecord> records)
    {
        const string claim = "every W with det W > 0 and loss l < 1/2 has |W11| >= (1 - sqrt(2l))^2/sqrt(2l) (the M6 bound), along every trajectory";
        long checks = (long)records.Sum(r => r.Number("boundChecks")), violations = (long)records.Sum(r => r.Number("boundViolations"));
        if (checks == 0) return new ClaimCheck(claim, Support.Undecided, "no recorded point had det W > 0 and loss < 1/2");
        return new ClaimCheck(claim, violations == 0 ? Support.Supported : Support.NotSupported,
            $"{checks} checked points, {violations} violations; smallest |W11|/bound {G(records.Where(r => !double.IsNaN(r.Number("worstBoundRatio"))).Min(r => r.Number("worstBoundRatio")))}");
    }

    private static ClaimCheck SignClaim(IReadOnlyList<RunRecord> records)
    {
        const string claim = "det W keeps its sign from a balanced start (depth >= 2; exact for the flow, M5): no balanced run changes the sign of det W";
        // Only the runs the claim is about are evidence: a Gaussian (unbalanced) start or depth 1 is outside M5, so
        // its sign changes (flagged in the run table) neither support nor refute it.
        var balanced = records.Where(r => r.Text("init") == "balanced" && r.Number("depth") >= 2).ToList();
        if (balanced.Count == 0) return new ClaimCheck(claim, Support.Undecided, "no balanced run of depth >= 2");
        var flipped = balanced.Where(r => r.Number("signChanges") > 0).ToList();
        // M5 is a statement about the gradient flow; these runs are gradient descent with a finite step, which may cross 0.
        const string scope = "M5 is about the gradient flow; gradient descent with a finite step may cross det W = 0";
        if (flipped.Count == 0)
            return new ClaimCheck(claim, Support.Supported, $"no sign change in {Plural.Count(balanced.Count, "balanced run")}; {scope}");
        var list = string.Join(", ", flipped.Select(r => $"{r.Id} (first at step {F0(r.Number("firstSignChange"))})"));
        return new ClaimCheck(claim, Support.NotSupported, $"sign changes in balanced runs {list}; {scope}");
    }
}
