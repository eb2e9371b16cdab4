using System.Globalization;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// E1, deep matrix completion (Arora, Cohen, Hu, Luo 2019): a random rank-5 100 × 100 target with entry RMS 1,
/// 2,000 or 5,000 observed entries, depth-N factorizations from Gaussian layers with end-to-end scale s, mean
/// squared error, group RMSprop (lr 1e-3, ε 1e-4) until the loss is at most 1e-6 or 10⁶ iterations. Reports the
/// reconstruction error ‖W − W*‖²_F / ‖W*‖²_F, the nuclear norm and the singular values over time.
/// </summary>
public sealed class E1DeepMatrixCompletion : IReproduction
{
    /// <summary>One run: depth, observed count, end-to-end initialization scale; depth 0 is the nuclear-norm baseline.</summary>
    public sealed record Spec(int Depth, int Observed, double Scale);

    /// <summary>The sizes of a full or quick E1.</summary>
    private sealed record Scale(int Size, int Rank, int[] Observed, int[] Depths, double[] Scales, int Seeds, double LearningRate, long MaxSteps, double StopLoss, long RecordEvery);

    /// <summary>Side of the square target at the authors' scale.</summary>
    public const int FullSize = 100;

    /// <summary>Rank of the target at the authors' scale.</summary>
    public const int FullRank = 5;

    /// <summary>Learning rate of group RMSprop at the authors' scale.</summary>
    public const double FullLearningRate = 1e-3;

    private static readonly Scale Full = new(FullSize, FullRank, [2000, 5000], [2, 3, 4], [1e-3, 1e-4, 1e-5, 1e-6], 3, FullLearningRate, 1_000_000, 1e-6, 500);
    private static readonly Scale Quick = new(30, 2, [220, 450], [2, 3], [1e-3], 1, 3e-3, 100_000, 1e-6, 200);

    /// <summary>How many singular values each run records over time.</summary>
    private const int TopSingularValues = 10;

    /// <inheritdoc />
    public string Name => "e1";
    /// <inheritdoc />
    public string Title => "deep matrix completion (Arora, Cohen, Hu, Luo 2019): does depth help at few observations?";

    /// <inheritdoc />
    public ReproductionPlan Plan(ReproductionOptions options)
    {
        var s = options.Quick ? Quick : Full;
        var depths = (options.Depths ?? s.Depths).Distinct().Order().ToList(); // any depth may be asked for (depth 1 is the paper's shallow control)
        foreach (var d in depths)
            if (d < 1 || d > 8) throw new ArgumentException($"--depths {d}: depth must be between 1 and 8");
        // Selectors may also name values outside the default grid (a denser observation sweep, another scale).
        var observed = (options.Observed ?? s.Observed).Distinct().Order().ToList();
        foreach (var n in observed)
            if (n < 1 || n > s.Size * s.Size) throw new ArgumentException($"--observed {n}: between 1 and {s.Size * s.Size} entries of the {s.Size}x{s.Size} target can be observed");
        var scales = (options.Scales ?? s.Scales).Distinct().OrderDescending().ToList();
        foreach (var sc in scales)
            if (!(sc > 0) || !double.IsFinite(sc)) throw new ArgumentException($"--scales {sc}: a scale must be positive and finite");
        int seeds = options.Seeds ?? s.Seeds;
        if (seeds < 1) throw new ArgumentException($"--seeds must be at least 1, got {seeds}");
        long maxSteps = options.MaxSteps ?? s.MaxSteps;
        var setup = new List<string>
        {
            $"setup: {(options.Quick ? "quick version" : "the authors' scale")}: random rank-{s.Rank} {s.Size}x{s.Size} target U V^T (U, V i.i.d. N(0,1)), rescaled to entry RMS 1; observed entries uniform without replacement",
            $"model: depth-N factorization, hidden width {s.Size}, layers i.i.d. N(0, (s^(1/N)/sqrt({s.Size}))^2) so |W(0)|_F ~ s sqrt({s.Size}); loss: mean squared error over the observed entries",
            $"optimizer: group-rmsprop lr {F(s.LearningRate)} eps {F(GroupRmsprop.MatrixCompletionEpsilon)} alpha 0.99 (bias-corrected)",
            $"stopping rule: loss <= {F(s.StopLoss)} or {maxSteps} iterations",
            $"sweep: depths {string.Join(",", depths)}; observed {string.Join(",", observed)}; scales {string.Join(",", scales.Select(F))}; seeds 0..{seeds - 1} (seed k draws the target and the observed set, then the layers)",
        };
        setup.Add($"baseline: minimum nuclear norm subject to |W_ij - W*_ij| <= {F(E1Baseline.Band)} on the observed entries (ADMM with a duality certificate, decompositions through {Numerics.LinearAlgebra.Backends.DenseDecompositions.Default.Description}; no value without convergence), one per observed count and seed{(options.NoBaseline ? ": skipped (--no-baseline)" : "")}");
        // Baselines first: they are the longest single runs, so a pool starts them early.
        IEnumerable<(string, int, Spec)> baselines = options.NoBaseline
            ? []
            : from n in observed from seed in Enumerable.Range(0, seeds) select ($"baseline-n{n}-seed{seed}", seed, new Spec(0, n, 0));
        var runs = SweepPlan.Number(baselines.Concat(
            from n in observed
            from scale in scales
            from depth in depths
            from seed in Enumerable.Range(0, seeds)
            select ($"d{depth}-n{n}-s{F(scale)}-seed{seed}", seed, new Spec(depth, n, scale))));
        // The baseline's ADMM keeps a handful of size x size iterates and an SVD's factors: 16 dense matrices bounds it.
        double baselineBytes = options.NoBaseline ? 0 : 16.0 * 8 * s.Size * s.Size;
        return new ReproductionPlan<Spec>(setup, runs, (run, dir, cancel) => run.Spec.Depth == 0
            ? E1Baseline.Execute(s.Size, s.Rank, run)
            : Execute(s with { MaxSteps = maxSteps }, run, dir, cancel))
        {
            PeakBytes = Math.Max(baselineBytes, depths.Max(d => DmfCost.EstimateBytes(DmfProblem.LayerDimensions(s.Size, s.Size, d), observed.Max(), 0, s.Rank))),
        };
    }

    private static string F(double x) => ReproductionOptions.Format(x);

    /// <summary>
    /// The problem and starting layers of one factorization run, drawn from the run's seed in this order: target and
    /// observed set, then the layers. The one place that order lives (the E1 sweep benchmark hands the same draw to
    /// its NumPy peer).
    /// </summary>
    public static (DmfProblem Problem, MatrixBuffer[] Layers) Draw(int size, int rank, SweepRun<Spec> run)
    {
        var random = new SeededRandom(run.Seed);
        var problem = DmfProblem.RandomCompletion(size, size, rank, run.Spec.Observed, run.Spec.Depth, LossScale.Mse, random);
        var std = InitSpec.StdForEndToEndScale(run.Spec.Scale, run.Spec.Depth, size);
        return (problem, LayerInitializer.Create(problem.Dimensions, new InitSpec(InitKind.Gaussian, std), random, out _));
    }

    private static RunRecord Execute(Scale s, SweepRun<Spec> run, string directory, CancellationToken cancel)
    {
        var (problem, layers) = Draw(s.Size, s.Rank, run);
        // One thread per run: a sweep parallelizes across runs.
        using var sim = new DmfSimulator(problem.Loss, layers);
        var truth = problem.GroundTruth!.ToMatrix();
        var header = new[] { "step", "time", "loss", "reconstruction", "nuclearNorm" }
            .Concat(Enumerable.Range(1, TopSingularValues).Select(i => $"sigma{i}"));
        using var csv = new RunCsv(Path.Combine(directory, SweepStore.FileStem(run.Index, run.Id) + ".csv"), header);
        (double Reconstruction, double Nuclear, double[] Sigma) last = (double.NaN, double.NaN, []);
        var result = SimulationRunner.Run(sim, new GroupRmsprop(s.LearningRate, GroupRmsprop.MatrixCompletionEpsilon), new RunOptions
        {
            MaxSteps = s.MaxSteps,
            StopLoss = s.StopLoss,
            RecordEvery = s.RecordEvery,
            Cancel = cancel,
            OnRecord = (k, loss, time) =>
            {
                last = Measure(sim, truth);
                csv.Row(new[] { k, time, loss, last.Reconstruction, last.Nuclear }.Concat(last.Sigma.Take(TopSingularValues)));
            },
        });
        cancel.ThrowIfCancellationRequested();
        return new RunRecord(run.Index, run.Id, run.Seed)
            .Set("depth", run.Spec.Depth).Set("observed", run.Spec.Observed).Set("scale", run.Spec.Scale)
            .Set("status", StatusName(result.Status)).Set("steps", result.Steps).Set("loss", result.FinalLoss)
            .Set("reconstruction", last.Reconstruction).Set("nuclearNorm", last.Nuclear)
            .Set("singularValues", last.Sigma.Take(TopSingularValues));
    }

    /// <summary>Reconstruction error ‖W − W*‖²_F / ‖W*‖²_F, nuclear norm and singular values of the current end-to-end matrix.</summary>
    private static (double, double, double[]) Measure(DmfSimulator sim, Matrix<double> truth)
    {
        var w = sim.EndToEnd().ToMatrix();
        var sigma = w.Svd(computeVectors: false).S.ToArray();
        var diff = (w - truth).FrobeniusNorm();
        var norm = truth.FrobeniusNorm();
        return (diff * diff / (norm * norm), sigma.Sum(), sigma);
    }

    internal static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Converged => "converged",
        RunStatus.StepLimit => "step-limit",
        RunStatus.Diverged => "diverged",
        _ => "cancelled",
    };

    /// <inheritdoc />
    public ReproductionSummary Summarise(SweepManifest manifest, IReadOnlyList<RunRecord> all)
    {
        var baselines = all.Where(IsBaseline).ToList();
        var records = all.Where(r => !IsBaseline(r)).ToList();
        var parts = new List<SummaryPart> { new SummaryLine("reconstruction error |W - W*|_F^2 / |W*|_F^2 (median over seeds; runs not converged marked *):") };
        var observed = records.Select(r => (int)r.Number("observed")).Distinct().Order().ToList();
        var depths = records.Select(r => (int)r.Number("depth")).Distinct().Order().ToList();
        var scales = records.Select(r => r.Number("scale")).Distinct().OrderDescending().ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var n in observed)
            foreach (var sc in scales)
            {
                var cells = new List<string> { n.ToString(CultureInfo.InvariantCulture), F(sc) };
                foreach (var d in depths)
                {
                    var group = Group(records, n, sc, d);
                    if (group.Count == 0)
                    {
                        cells.Add("-");
                        continue;
                    }
                    var m = RunMedian.OfErrors(group);
                    var mark = group.All(IsConverged) ? "" : "*";
                    cells.Add(m.ToString("0.000E+0", CultureInfo.InvariantCulture) + mark);
                }
                rows.Add(cells);
            }
        parts.Add(new SummaryTable(["observed", "scale", .. depths.Select(d => $"depth {d}")], rows, [0, .. depths.Select((_, i) => i + 2)]));
        var baselineRows = new List<IReadOnlyList<string>>();
        foreach (var n in observed)
        {
            var b = baselines.Where(r => (int)r.Number("observed") == n).ToList();
            if (b.Count == 0) continue;
            var converged = b.Where(IsConverged).ToList();
            baselineRows.Add([n.ToString(CultureInfo.InvariantCulture),
                converged.Count == 0 ? "- (no solve converged)" : RunMedian.OfErrors(converged).ToString("0.000E+0", CultureInfo.InvariantCulture),
                $"{converged.Count}/{b.Count}", b.Max(r => r.Number("relativeGap")).ToString("0.0E+0", CultureInfo.InvariantCulture)]);
        }
        if (baselineRows.Count > 0)
        {
            parts.Add(new SummaryLine("nuclear-norm baseline (median error over the converged solves):"));
            parts.Add(new SummaryTable(["observed", "error", "converged", "largest relative duality gap"], baselineRows, [0, 1, 2, 3]));
        }
        var claims = new List<ClaimCheck> { DepthClaim(observed, scales, depths, records) };
        if (baselines.Count > 0) claims.Add(BaselineClaim(observed, depths, records, baselines));
        return new ReproductionSummary(parts, w =>
        {
            Reproducer.WriteRuns(w, records);
            w.WriteStartObject("baselines");
            Reproducer.WriteRuns(w, baselines, "nuclearNorm");
            w.WriteEndObject();
        }, claims);
    }

    private static ClaimCheck DepthClaim(List<int> observed, List<double> scales, List<int> depths, IReadOnlyList<RunRecord> records)
    {
        const string claim = "with few observations, deeper factorizations reconstruct better (Arora, Cohen, Hu, Luo 2019): at the smallest observation count every deeper depth whose runs converged has a lower median error than depth 2, at every scale";
        if (observed.Count == 0 || !depths.Contains(2) || depths.Max() <= 2)
            return new ClaimCheck(claim, Support.Undecided, "needs depth 2 and a deeper depth in the sweep");
        int n = observed[0];
        var comparisons = new List<(double Scale, int Depth, double Shallow, double Deep)>();
        var unconverged = new List<string>();
        foreach (var sc in scales)
        {
            var shallowRuns = Group(records, n, sc, 2);
            if (shallowRuns.Count == 0) continue;
            // Depth 2 is screened like the deeper depths: an unconverged depth-2 run has a larger error and would
            // make "deeper is better" look supported.
            if (!shallowRuns.All(IsConverged))
            {
                unconverged.Add($"depth 2 at scale {F(sc)}");
                continue;
            }
            var shallow = RunMedian.OfErrors(shallowRuns);
            foreach (var d in depths.Where(d => d > 2))
            {
                var deepRuns = Group(records, n, sc, d);
                if (deepRuns.Count == 0) continue;
                if (!deepRuns.All(IsConverged))
                {
                    unconverged.Add($"depth {d} at scale {F(sc)}");
                    continue;
                }
                comparisons.Add((sc, d, shallow, RunMedian.OfErrors(deepRuns)));
            }
        }
        var parts = comparisons.Select(c => $"scale {F(c.Scale)}: depth {c.Depth} {c.Deep:0.000E+0} vs depth 2 {c.Shallow:0.000E+0}").ToList();
        if (unconverged.Count > 0) parts.Add($"not compared (runs stopped before the loss tolerance): {string.Join(", ", unconverged)}");
        var text = $"{n} observed: " + (parts.Count == 0 ? "no run at this observation count to compare" : string.Join("; ", parts));
        var support = comparisons.Count == 0 ? Support.Undecided : comparisons.All(c => c.Deep < c.Shallow) ? Support.Supported : Support.NotSupported;
        return new ClaimCheck(claim, support, text);
    }

    private static ClaimCheck BaselineClaim(List<int> observed, List<int> depths, List<RunRecord> records, List<RunRecord> baselines)
    {
        const string claim = "with few observations, deep factorizations (depth >= 3) reconstruct better than minimum nuclear norm (Arora, Cohen, Hu, Luo 2019): at the smallest observation count the best converged depth >= 3 has a lower median error than the baseline";
        int n = observed[0];
        var b = baselines.Where(r => (int)r.Number("observed") == n && IsConverged(r)).ToList();
        if (b.Count == 0) return new ClaimCheck(claim, Support.Undecided, $"no baseline solve at {n} observed converged");
        var baseline = RunMedian.OfErrors(b);
        // Only groups whose every run converged, as in the depth claim: the median of the runs that survived a group
        // where one diverged or stopped early would make that setting look better than it did.
        var deep = records.Where(r => (int)r.Number("observed") == n && r.Number("depth") >= 3)
            .GroupBy(r => ((int)r.Number("depth"), r.Number("scale"))).Where(g => g.All(IsConverged))
            .Select(g => (g.Key, RunMedian.OfErrors(g))).ToList();
        if (deep.Count == 0) return new ClaimCheck(claim, Support.Undecided, $"{n} observed: no setting of depth >= 3 whose runs all converged");
        var best = deep.MinBy(d => d.Item2);
        return new ClaimCheck(claim, best.Item2 < baseline ? Support.Supported : Support.NotSupported,
            $"{n} observed: baseline {baseline:0.000E+0}; best depth >= 3: depth {best.Key.Item1} at scale {F(best.Key.Item2)} {best.Item2:0.000E+0}");
    }

    /// <summary>
    /// Whether <paramref name="record"/> reached its tolerance: a run's status as <see cref="StatusName"/> writes it, or a
    /// baseline solve's as <see cref="E1Baseline"/> does (both write <c>converged</c>). The one test of it for the tables,
    /// the claims and the figures.
    /// </summary>
    public static bool IsConverged(RunRecord record) => record.Text("status") == StatusName(RunStatus.Converged);

    /// <summary>Whether <paramref name="record"/> is a nuclear-norm baseline solve rather than a factorization run.</summary>
    public static bool IsBaseline(RunRecord record) => record.Has("kind");

    /// <summary>
    /// The factorization runs of one setting (observed count, end-to-end scale, depth), one per seed, in sweep order:
    /// the group behind a cell of the error table and a point of the error-against-depth figure.
    /// </summary>
    public static List<RunRecord> Group(IEnumerable<RunRecord> records, int observed, double scale, int depth) =>
        records.Where(r => (int)r.Number("observed") == observed && r.Number("scale") == scale && (int)r.Number("depth") == depth).ToList();
}
