using System.Globalization;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// E3, tensor completion (Razin, Maman, Cohen 2021): an order-4 10⁴ target of CP rank 5 with ‖𝒲*‖_F = 1, 2,000
/// observed entries, a CP factorization with 1,000 components from factors i.i.d. N(0, σ²), mean squared error,
/// group RMSprop (lr 1e-2, ε 1e-6) until the loss is at most 1e-8; plus the order-3 8×8×8 rank-1 sweep over the
/// number of observations. Records every component norm Π_n‖w_r^n‖ over the iterations and the reconstruction
/// error ‖𝒲 − 𝒲*‖_F / ‖𝒲*‖_F.
/// </summary>
public sealed class E3TensorCompletion : IReproduction
{
    /// <summary>One run: mode sizes, target rank, observed count, components, factor std.</summary>
    public sealed record Spec(string Sweep, int[] Sizes, int Rank, int Observed, int Components, double Std);

    private sealed record Scale(int[] Sizes, int Rank, int Observed, int Components, double[] Stds,
        int[] SmallSizes, int[] SmallObserved, int SmallComponents, double[] SmallStds, int Seeds, long MaxSteps, long RecordEvery);

    private static readonly Scale Full = new([10, 10, 10, 10], 5, 2000, 1000, [5e-2, 1e-2, 5e-3],
        [8, 8, 8], [50, 100, 200, 300, 400, 511], 100, [1e-2, 1e-3], 1, 20_000, 100);
    private static readonly Scale Quick = new([8, 8, 8], 3, 300, 100, [1e-2],
        [8, 8, 8], [50, 200], 20, [1e-2], 1, 8_000, 50);

    private const double LearningRate = 1e-2;
    private const double StopLoss = 1e-8;

    /// <summary>Component trajectories written per run: the components largest at the end.</summary>
    private const int Tracked = 10;

    /// <inheritdoc />
    public string Name => "e3";
    /// <inheritdoc />
    public string Title => "tensor completion (Razin, Maman, Cohen 2021): do CP components switch on one at a time?";

    /// <inheritdoc />
    public ReproductionPlan Plan(ReproductionOptions options)
    {
        var s = options.Quick ? Quick : Full;
        if (options.Depths is not null) throw new ArgumentException("e3 has no --depths selector; use --scales (factor std) and --observed (order-3 sweep)");
        var stds = (options.Scales ?? s.Stds).Distinct().OrderDescending().ToList();
        foreach (var sd in stds)
            if (!(sd > 0) || !double.IsFinite(sd)) throw new ArgumentException($"--scales {sd}: a factor std must be positive and finite");
        var smallStds = options.Scales is null ? s.SmallStds.ToList() : stds;
        var smallObserved = (options.Observed ?? s.SmallObserved).Distinct().Order().ToList();
        int smallTotal = s.SmallSizes.Aggregate(1, (a, b) => a * b);
        foreach (var n in smallObserved)
            if (n < 1 || n > smallTotal) throw new ArgumentException($"--observed {n}: between 1 and {smallTotal} entries of the {string.Join("x", s.SmallSizes)} tensor can be observed");
        int seeds = options.Seeds ?? s.Seeds;
        if (seeds < 1) throw new ArgumentException($"--seeds must be at least 1, got {seeds}");
        long maxSteps = options.MaxSteps ?? s.MaxSteps;
        var setup = new List<string>
        {
            $"setup: {(options.Quick ? "quick version" : "the authors' setting")}: random CP-rank-{s.Rank} {Dims(s.Sizes)} target (factors i.i.d. N(0,1)), |W*|_F = 1, {s.Observed} entries observed uniformly without replacement",
            $"model: CP factorization with {s.Components} components, factors i.i.d. N(0, std^2); loss: mean squared error over the observed entries",
            $"also: rank-1 {Dims(s.SmallSizes)} targets, {s.SmallComponents} components, observed {string.Join(",", smallObserved)}, std {string.Join(",", smallStds.Select(F))}",
            $"optimizer: group-rmsprop lr {F(LearningRate)} eps {F(GroupRmsprop.TensorCompletionEpsilon)} alpha 0.99 (bias-corrected)",
            $"stopping rule: loss <= {F(StopLoss)} or {maxSteps} iterations; component norms every {s.RecordEvery} iterations",
            $"sweep: std {string.Join(",", stds.Select(F))}; seeds 0..{seeds - 1} (seed k draws the target and the observed set, then the factors)",
        };
        var runs = SweepPlan.Number(
            (from sd in stds from seed in Enumerable.Range(0, seeds)
             select ($"main-std{F(sd)}-seed{seed}", seed, new Spec("main", s.Sizes, s.Rank, s.Observed, s.Components, sd)))
            .Concat(from sd in smallStds from n in smallObserved from seed in Enumerable.Range(0, seeds)
                    select ($"rank1-n{n}-std{F(sd)}-seed{seed}", seed, new Spec("rank1", s.SmallSizes, 1, n, s.SmallComponents, sd))));
        return new ReproductionPlan<Spec>(setup, runs, (run, dir, cancel) => Execute(maxSteps, s.RecordEvery, run, dir, cancel))
        {
            PeakBytes = runs.Max(r => CpCost.EstimateBytes(r.Spec.Sizes, r.Spec.Rank, r.Spec.Observed, r.Spec.Components)),
        };
    }

    private static string F(double x) => ReproductionOptions.Format(x);
    private static string Dims(int[] sizes) => string.Join("x", sizes);

    private static RunRecord Execute(long maxSteps, long recordEvery, SweepRun<Spec> run, string directory, CancellationToken cancel)
    {
        var spec = run.Spec;
        var random = new SeededRandom(run.Seed);
        var problem = CpProblem.RandomCompletion(spec.Sizes, spec.Rank, spec.Observed, LossScale.Mse, random);
        using var sim = new CpSimulator(problem, CpSimulator.GaussianFactors(spec.Sizes, spec.Components, spec.Std, random));
        var steps = new List<long>();
        var losses = new List<double>();
        var norms = new List<double[]>();
        var result = SimulationRunner.Run(sim, new GroupRmsprop(LearningRate, GroupRmsprop.TensorCompletionEpsilon), new RunOptions
        {
            MaxSteps = maxSteps,
            StopLoss = StopLoss,
            RecordEvery = recordEvery,
            Cancel = cancel,
            OnRecord = (k, loss, _) =>
            {
                steps.Add(k);
                losses.Add(loss);
                norms.Add(sim.ComponentNorms());
            },
        });
        cancel.ThrowIfCancellationRequested();
        var final = norms[^1];
        var top = Enumerable.Range(0, final.Length).OrderByDescending(r => final[r]).Take(Tracked).ToArray();
        using (var csv = new RunCsv(Path.Combine(directory, SweepStore.FileStem(run.Index, run.Id) + ".csv"),
                   new[] { "step", "loss" }.Concat(top.Select((_, i) => $"component{i + 1}"))))
            for (int p = 0; p < steps.Count; p++)
                csv.Row(new double[] { steps[p], losses[p] }.Concat(top.Select(r => norms[p][r])));
        var (order, separated) = SwitchOn(steps, norms, top.Take(spec.Rank).ToArray());
        return new RunRecord(run.Index, run.Id, run.Seed)
            .Set("sweep", spec.Sweep).Set("sizes", Dims(spec.Sizes)).Set("rank", spec.Rank).Set("observed", spec.Observed)
            .Set("components", spec.Components).Set("std", spec.Std)
            .Set("status", E1DeepMatrixCompletion.StatusName(result.Status)).Set("steps", result.Steps).Set("loss", result.FinalLoss)
            .Set("reconstruction", sim.ReconstructionError())
            .Set("topNorms", top.Select(r => final[r]))
            .Set("switchOnSteps", order).Set("oneAtATime", separated ? 1 : 0);
    }

    /// <summary>
    /// For the components largest at the end, the first recorded step at which each reaches half its final norm
    /// (in order of those steps), and whether they switch on one at a time: when each reaches half its final
    /// norm, every component that switches on later is still below a tenth of its own final norm.
    /// </summary>
    private static (double[] Steps, bool OneAtATime) SwitchOn(List<long> steps, List<double[]> norms, int[] leaders)
    {
        var final = norms[^1];
        var onset = leaders.Select(r => (Component: r, At: Enumerable.Range(0, steps.Count).First(p => norms[p][r] >= 0.5 * final[r]))).OrderBy(x => x.At).ToList();
        bool separated = true;
        for (int i = 0; i < onset.Count; i++)
            for (int j = i + 1; j < onset.Count; j++)
                if (norms[onset[i].At][onset[j].Component] >= 0.1 * final[onset[j].Component]) separated = false;
        return (onset.Select(o => (double)steps[o.At]).ToArray(), separated);
    }

    /// <inheritdoc />
    public ReproductionSummary Summarise(SweepManifest manifest, IReadOnlyList<RunRecord> records)
    {
        var main = records.Where(r => r.Text("sweep") == "main").ToList();
        var small = records.Where(r => r.Text("sweep") == "rank1").ToList();
        var rows = main.Select(r => (IReadOnlyList<string>)
        [
            r.Id, r.Text("status"), F0(r.Number("steps")), G(r.Number("loss")), G(r.Number("reconstruction")),
            r.Number("oneAtATime") == 1 ? "yes" : "no", string.Join(" ", r.Numbers("switchOnSteps").Select(F0)),
        ]).ToList();
        var parts = new List<SummaryPart>
        {
            new SummaryLine("main runs: reconstruction error |W - W*|_F / |W*|_F, and the steps at which the leading components reach half their final norm:"),
            new SummaryTable(["run", "status", "steps", "loss", "error", "one at a time", "switch-on steps"], rows, [2, 3, 4]),
        };
        if (small.Count > 0)
        {
            var counts = small.Select(r => r.Number("observed")).Distinct().Order().ToList();
            var smallRows = small.GroupBy(r => r.Number("std")).Select(g => (IReadOnlyList<string>)
            [
                F(g.Key),
                .. counts.Select(n => g.Where(r => r.Number("observed") == n).ToList() is { Count: > 0 } runs
                    ? G(RunMedian.OfErrors(runs))
                    : "-"),
            ]).ToList();
            parts.Add(new SummaryLine("rank-1 sweep: reconstruction error by observed count (median over seeds):"));
            parts.Add(new SummaryTable(["std", .. counts.Select(n => $"{F0(n)} observed")], smallRows, [0, .. counts.Select((_, i) => i + 1)]));
        }
        var claims = new List<ClaimCheck> { SwitchClaim(main) };
        return new ReproductionSummary(parts, w => Reproducer.WriteRuns(w, records), claims);
    }

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private static string F0(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static ClaimCheck SwitchClaim(List<RunRecord> main)
    {
        const string claim = "from a small initialization CP components switch on one at a time (Razin, Maman, Cohen 2021): at the smallest std, when each leading component reaches half its final norm, the later ones are below a tenth of theirs";
        if (main.Count == 0) return new ClaimCheck(claim, Support.Undecided, "no main run in the sweep");
        var smallest = main.Min(r => r.Number("std"));
        var runs = main.Where(r => r.Number("std") == smallest).ToList();
        var fitted = runs.Where(r => r.Text("status") == "converged" || r.Number("loss") < 1e-4).ToList();
        if (fitted.Count == 0) return new ClaimCheck(claim, Support.Undecided, $"no run at std {F(smallest)} fitted the observations (loss < 1e-4) within the step limit");
        var ok = fitted.Count(r => r.Number("oneAtATime") == 1);
        return new ClaimCheck(claim, ok == fitted.Count ? Support.Supported : Support.NotSupported,
            $"std {F(smallest)}: {ok} of {fitted.Count} runs one at a time; switch-on steps {string.Join("; ", fitted.Select(r => string.Join(" ", r.Numbers("switchOnSteps"))))}");
    }
}
