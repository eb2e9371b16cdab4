using ImplicitReg.Experiments.Simulators.Optimizers;
using System.Globalization;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Experiments.Simulators.Metrics;
using ImplicitReg.Experiments.Simulators.Symmetric;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// A run ready to start: the simulator, its schedule, the recorded columns (<c>step, time, loss</c>, then the
/// model's metrics) and how one record is measured. Built from a <see cref="RunSpec"/> by <see cref="Prepare"/>,
/// executed by <see cref="RecordedRun.Execute"/>; the command line and the claims' simulate checks share it.
/// </summary>
public sealed class PreparedRun : IDisposable
{
    /// <summary>dmf, cp or sym.</summary>
    public required string Model { get; init; }

    /// <summary>The seed of every random choice.</summary>
    public required int Seed { get; init; }

    /// <summary>The problem's name.</summary>
    public required string ProblemName { get; init; }

    /// <summary>The loss scale's name (half-sse, mse, sse).</summary>
    public required string LossName { get; init; }

    /// <summary>What follows <c>problem: </c> in a report.</summary>
    public required string ProblemLine { get; init; }

    /// <summary>The model's own report line (<c>init: …</c> or <c>model: …</c>).</summary>
    public required string ModelLine { get; init; }

    /// <summary>The model's <c>key=value</c> fields of a CSV comment line.</summary>
    public required string CommentFields { get; init; }

    /// <summary>The recorded columns, starting with step, time, loss.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The simulator.</summary>
    public required GradientModel Simulator { get; init; }

    /// <summary>Optimizer and stopping rules.</summary>
    public required RunSchedule Schedule { get; init; }

    /// <summary>The deep-matrix setup (dmf only).</summary>
    public DmfSetup? Dmf { get; init; }

    /// <summary>What runs the model's products (<c>OpenBLAS … (cblas_dgemm)</c>, <c>managed …</c>), for a report.</summary>
    public string LinearAlgebra { get; init; } = "";

    /// <summary>
    /// The comment line of a CSV of this run (without the leading <c>#</c>): the command, seed, problem, loss, the
    /// model's fields and the optimizer.
    /// </summary>
    public string CsvComment =>
        $"implicitreg simulate {Model} seed={Seed} problem=\"{ProblemName}\" loss={LossName} {CommentFields} optimizer=\"{Schedule.DescribeOptimizer()}\"";

    /// <summary>Measures a record: (step, loss, time) → one value per column, or null when the state is not finite.</summary>
    public required Func<long, double, double, double[]?> Measure { get; init; }

    /// <summary>
    /// Builds the run of <paramref name="spec"/> with <c>simulate</c>'s defaults for its model; <paramref name="limits"/>
    /// sees the predicted memory and work before the model is allocated.
    /// </summary>
    public static PreparedRun Prepare(RunSpec spec, RunLimits? limits = null) => spec.Model switch
    {
        // The work is checked from the layer sizes, before the problem and layers are built: building 6000x6000 layers
        // alone takes minutes, which a run refused for its work must not spend (so PrepareDmf is not given the limits again).
        "dmf" => PrepareDmf(spec, DmfSetup.Build(spec, DmfDefaults.Simulate(spec), limits, dims => CheckDmfWork(spec, dims, limits)), limits: null),
        "cp" => PrepareCp(spec, limits),
        "sym" => PrepareSym(spec, limits),
        _ => throw new RunSpecException("model", $"must be one of {string.Join("|", RunSpec.Models)}, got '{spec.Model}'"),
    };

    /// <summary>The dmf run of <paramref name="setup"/> (the problem and layers already built).</summary>
    /// <param name="spec">the run's options.</param>
    /// <param name="setup">its problem and initial layers.</param>
    /// <param name="limits">sees the predicted work of the run.</param>
    public static PreparedRun PrepareDmf(RunSpec spec, DmfSetup setup, RunLimits? limits = null)
    {
        var problem = setup.Problem;
        var schedule = CheckDmfWork(spec, problem.Dimensions, limits);
        var entries = Entries(spec.Entries ?? "1,1", problem);
        var sim = new DmfSimulator(problem.Loss, setup.InitialLayers);
        int k = Math.Min(schedule.Top, Math.Min(problem.Dimensions[0], problem.Dimensions[^1]));
        return new PreparedRun
        {
            Model = "dmf",
            Seed = setup.Seed,
            ProblemName = problem.Name,
            LossName = LossScales.Name(problem.Loss.Scale),
            ProblemLine = setup.DescribeProblem(),
            ModelLine = $"init: {setup.DescribeInit()}",
            CommentFields = $"dims={string.Join(",", problem.Dimensions)} init=\"{setup.DescribeInit()}\"",
            Columns = ["step", "time", "loss", "frobenius", "nuclear", "spectral", "det", "balancedness", "reconstruction",
                .. Enumerable.Range(1, k).Select(r => $"sigma{r}"),
                .. Enumerable.Range(1, k).Select(r => $"alignment{r}"),
                .. entries.Select(e => $"W[{e.Row + 1};{e.Column + 1}]")],
            Simulator = sim,
            Schedule = schedule,
            Dmf = setup,
            LinearAlgebra = sim.Backend.Description,
            Measure = (step, loss, time) =>
            {
                if (!double.IsFinite(loss) || !sim.ParametersFinite()) return null;
                var s = DmfSnapshot.Take(sim, step, time, loss, k, entries, problem.GroundTruth);
                return [s.Step, s.Time, s.Loss, s.Frobenius, s.Nuclear, s.Spectral, s.Determinant, s.Balancedness, s.ReconstructionError,
                    .. s.SingularValues, .. s.Alignment, .. s.Entries];
            },
        };
    }

    // The schedule of a dmf run, after limits saw its predicted work.
    private static RunSchedule CheckDmfWork(RunSpec spec, IReadOnlyList<int> dims, RunLimits? limits)
    {
        var schedule = RunSchedule.From(spec, "gd", 1e-2, 0);
        // The records (first, every RecordEvery-th, last) each take an SVD, which dominates short runs on large layers.
        double records = schedule.Steps / (double)schedule.RecordEvery + 2;
        limits?.Work?.Invoke(schedule.Steps * DmfCost.WorkPerStep(dims, dims[0] * (long)dims[^1], 0) + records * DmfCost.WorkPerRecord(dims));
        return schedule;
    }

    private static PreparedRun PrepareCp(RunSpec spec, RunLimits? limits)
    {
        int seed = RunSeed.Of(spec);
        var sizes = RunSpec.ParseSizes(spec.Sizes ?? "10x10x10x10");
        int components = spec.Components ?? 1000;
        if (components < 1) throw new RunSpecException("components", "must be positive");
        double std = spec.InitStd ?? 1e-2;
        var scale = DmfSetup.LossOf(spec, "mse");
        int rank = spec.Rank ?? 5, observed = spec.Observed ?? 2000;
        limits?.Memory?.Invoke("--sizes/--components", CpCost.EstimateBytes(sizes, rank, observed, components),
            "the factors, the full target tensor and the observations");
        limits?.Work?.Invoke((spec.Steps ?? 10_000) * CpCost.WorkPerStep(sizes, observed, components));
        var schedule = RunSchedule.From(spec, GroupRmsprop.OptionName, 1e-2, 1e-8, GroupRmsprop.TensorCompletionEpsilon);
        var random = new SeededRandom(seed);
        var problem = Wrap(() => CpProblem.RandomCompletion(sizes, rank, observed, scale, random));
        var sim = new CpSimulator(problem, CpSimulator.GaussianFactors(sizes, components, std, random));
        int k = Math.Min(schedule.Top, components);
        return new PreparedRun
        {
            Model = "cp",
            Seed = seed,
            ProblemName = problem.Name,
            LossName = LossScales.Name(scale),
            ProblemLine = $"{problem.Name}; loss {LossScales.Name(scale)} (c = {RunText.Short(problem.Constant)})",
            ModelLine = $"model: {components} components, factors N(0, {RunText.Short(std)}^2)",
            CommentFields = $"components={components} init-std={RunText.Exact(std)}",
            Columns = ["step", "time", "loss", "reconstruction", "balance_spread", .. Enumerable.Range(1, k).Select(r => $"norm{r}")],
            Simulator = sim,
            Schedule = schedule,
            LinearAlgebra = "Khatri-Rao step on managed sparse kernels (no dense products)",
            Measure = (step, loss, time) =>
            {
                if (!double.IsFinite(loss)) return null;
                var norms = sim.ComponentNorms().OrderByDescending(x => x).Take(k);
                return [step, time, loss, sim.ReconstructionError(), sim.BalanceSpread(), .. norms];
            },
        };
    }

    private static PreparedRun PrepareSym(RunSpec spec, RunLimits? limits)
    {
        int seed = RunSeed.Of(spec);
        int size = spec.Size ?? 3;
        int rank = spec.Rank ?? 1;
        int columns = spec.Columns ?? size;
        if (size < 1 || columns < 1 || rank < 1)
            throw new RunSpecException(null, "--size, --columns and --rank must be positive");
        if (rank > size) throw new RunSpecException("rank", $"({rank}) must be at most --size ({size})");
        int observed = spec.Observed ?? 4;
        limits?.Memory?.Invoke("--size/--columns", SymmetricCost.EstimateBytes(size, columns, rank, observed), "U, X and the target");
        limits?.Work?.Invoke((spec.Steps ?? 10_000) * SymmetricCost.WorkPerStep(size, columns, observed));
        var init = spec.Init ?? "identity";
        if (init is not ("identity" or "gaussian")) throw new RunSpecException("init", $"must be identity or gaussian, got '{init}'");
        double alpha = spec.InitScale ?? 1e-3;
        var scale = DmfSetup.LossOf(spec, "half-sse");
        var schedule = RunSchedule.From(spec, "gd", 1e-2, 1e-10);
        var random = new SeededRandom(seed);
        var problem = Wrap(() => SymmetricProblem.RandomPsdCompletion(size, rank, observed, scale, random));
        MatrixBuffer u0;
        if (init == "identity")
        {
            u0 = new MatrixBuffer(size, columns);
            for (int i = 0; i < Math.Min(size, columns); i++) u0[i, i] = alpha;
        }
        else u0 = LayerInitializer.Gaussian(size, columns, alpha, random);
        var sim = new SymmetricSimulator(problem.Loss, u0);
        int k = Math.Min(schedule.Top, size);
        return new PreparedRun
        {
            Model = "sym",
            Seed = seed,
            ProblemName = problem.Name,
            LossName = LossScales.Name(scale),
            ProblemLine = $"{problem.Name}; loss {LossScales.Name(scale)} (c = {RunText.Short(problem.Loss.Constant)})",
            ModelLine = $"init: U(0) = {(init == "identity" ? "alpha I" : "N(0, alpha^2)")}, alpha {RunText.Short(alpha)}",
            CommentFields = $"init={init} alpha={RunText.Exact(alpha)}",
            Columns = ["step", "time", "loss", "trace", "reconstruction", .. Enumerable.Range(1, k).Select(r => $"eigenvalue{r}")],
            Simulator = sim,
            Schedule = schedule,
            LinearAlgebra = Numerics.LinearAlgebra.Backends.LinearAlgebraBackend.Default.Description,
            Measure = (step, loss, time) =>
            {
                if (!double.IsFinite(loss) || !sim.ParametersFinite()) return null;
                var x = sim.Product();
                double trace = 0, num = 0, den = 0;
                for (int i = 0; i < size; i++) trace += x[i, i];
                for (int i = 0; i < x.Data.Length; i++)
                {
                    var d = x.Data[i] - problem.GroundTruth!.Data[i];
                    num += d * d;
                    den += problem.GroundTruth.Data[i] * problem.GroundTruth.Data[i];
                }
                return [step, time, loss, trace, num / den, .. sim.Eigenvalues().Take(k)];
            },
        };
    }

    /// <summary>Parses 1-based entries <c>"i,j;k,l"</c> of the end-to-end matrix into 0-based pairs.</summary>
    public static List<(int Row, int Column)> Entries(string text, DmfProblem problem)
    {
        var list = new List<(int, int)>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ij = part.Split(',', StringSplitOptions.TrimEntries);
            if (ij.Length != 2 || !int.TryParse(ij[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
                !int.TryParse(ij[1], NumberStyles.None, CultureInfo.InvariantCulture, out var j))
                throw new RunSpecException("entries", $"expects 1-based pairs 'i,j' separated by ';', got '{part}'");
            if (i < 1 || j < 1 || i > problem.Dimensions[^1] || j > problem.Dimensions[0])
                throw new RunSpecException(null, $"entry ({i},{j}) is outside the {problem.Dimensions[^1]}x{problem.Dimensions[0]} matrix");
            list.Add((i - 1, j - 1));
        }
        return list;
    }

    // The problem constructors reject impossible sizes with ArgumentException whose message names the option.
    private static T Wrap<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e) when (e is not RunSpecException)
        {
            throw new RunSpecException(null, e.Message);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Simulator.Dispose();
}
