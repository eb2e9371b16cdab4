using System.Text.Json;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// One of the papers' experiments as a sweep: a plan (setup, seeds, stopping rule and the ordered runs) and a
/// summary computed from the run records alone, so that a merged set of shards summarises exactly like a whole run.
/// </summary>
public interface IReproduction
{
    /// <summary><c>e1</c> … <c>e4</c>.</summary>
    string Name { get; }

    /// <summary>One line: what is reproduced and from which paper.</summary>
    string Title { get; }

    /// <summary>The sweep for these options.</summary>
    /// <exception cref="ArgumentException">A selector names something outside the experiment.</exception>
    ReproductionPlan Plan(ReproductionOptions options);

    /// <summary>Results and claim checks from the records of a complete sweep (in sweep order).</summary>
    ReproductionSummary Summarise(SweepManifest manifest, IReadOnlyList<RunRecord> records);
}

/// <summary>The runs of a reproduction and how to execute one.</summary>
public abstract class ReproductionPlan
{
    /// <summary>Lines printed before the runs and kept in the manifest: setup, seeds, stopping rule, selectors.</summary>
    public abstract IReadOnlyList<string> Setup { get; }

    /// <summary>Runs in the whole sweep.</summary>
    public abstract int RunCount { get; }

    /// <summary>Executes the runs of <paramref name="shard"/> on <paramref name="jobs"/> workers, writing each run's files under <paramref name="runsDirectory"/>.</summary>
    public abstract IReadOnlyList<RunRecord> Execute(string runsDirectory, Shard shard, int jobs, Action<RunRecord>? onDone, CancellationToken cancel);

    /// <summary>How many runs <paramref name="shard"/> holds.</summary>
    public abstract int CountIn(Shard shard);

    /// <summary>
    /// Estimated bytes of the largest run of the sweep (problem, parameters and working buffers), from the cost models
    /// next to the simulators (<c>DmfCost</c>, <c>CpCost</c>, <c>SymmetricCost</c>); a pool holds one run per worker at once,
    /// so the verb checks workers × this against the memory budget before anything runs.
    /// </summary>
    public double PeakBytes { get; init; }
}

/// <summary>A plan whose runs carry a spec of type <typeparamref name="TSpec"/>.</summary>
public sealed class ReproductionPlan<TSpec>(IReadOnlyList<string> setup, IReadOnlyList<SweepRun<TSpec>> runs,
    Func<SweepRun<TSpec>, string, CancellationToken, RunRecord> execute) : ReproductionPlan
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Setup { get; } = setup;
    /// <summary>The runs of the whole sweep in sweep order, each with its index, id, seed and spec.</summary>
    public IReadOnlyList<SweepRun<TSpec>> Runs { get; } = runs;
    /// <inheritdoc />
    public override int RunCount => Runs.Count;

    /// <inheritdoc />
    public override int CountIn(Shard shard) => shard.Select(Runs).Count;

    /// <inheritdoc />
    public override IReadOnlyList<RunRecord> Execute(string runsDirectory, Shard shard, int jobs, Action<RunRecord>? onDone, CancellationToken cancel) =>
        SweepExecutor.Execute(shard.Select(Runs), (run, token) => execute(run, runsDirectory, token), jobs, onDone, cancel);
}

/// <summary>What a reproduction found: text lines and tables, the JSON body (runs, baselines, …), and the claim checks.</summary>
/// <param name="Parts">The results as lines and tables, in order, after the setup.</param>
/// <param name="WriteBody">Writes the experiment's own properties into results.json.</param>
/// <param name="Claims">Each claim of the paper with its verdict.</param>
public sealed record ReproductionSummary(IReadOnlyList<SummaryPart> Parts, Action<Utf8JsonWriter> WriteBody, IReadOnlyList<ClaimCheck> Claims);
