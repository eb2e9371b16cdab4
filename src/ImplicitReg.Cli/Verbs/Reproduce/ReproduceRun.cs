using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Reports.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Reproduce;

/// <summary>
/// What <c>reproduce</c> does once its options are parsed: print the setup, seeds and stopping rule, run the
/// (shard of the) sweep on a pool of workers writing one record and one CSV per run, and for a whole sweep
/// summarise it next to the paper's claims (text, or results.json with <c>--format json</c>).
/// </summary>
public static class ReproduceRun
{
    public static int Run(ReproduceRequest request, CliIO io, Budget budget)
    {
        IReproduction experiment;
        ReproductionPlan plan;
        try
        {
            experiment = Reproducer.Find(request.Experiment);
            plan = experiment.Plan(request.Options);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        var dir = request.Directory;
        if (SweepStore.OutputProblem(dir, [ClaimFiles.DefaultCatalogue()]) is { } problem)
            throw new CliUsageException($"--out '{SafeText.Escape(dir)}' {problem}");
        try
        {
            System.IO.Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot create the --out directory '{dir}': {e.Message}");
        }
        int inShard = plan.CountIn(request.Shard);
        int workers = Math.Min(request.Jobs, Math.Max(1, inShard));
        // Each worker holds one run at a time: the largest run's estimate times the workers must fit the budget.
        if (budget.Exceeded(workers * plan.PeakBytes, $"{Plural.Count(workers, "worker")} holding one run each") is { } tooMuch)
            throw new CliUsageException($"--jobs/{Budget.OptionName}: {tooMuch}; choose fewer --jobs or a larger {Budget.OptionName}");
        var head = request.Json ? io.Err : io.Out;
        head.WriteLine($"{experiment.Name}: {experiment.Title}");
        foreach (var line in plan.Setup) head.WriteLine($"  {line}");
        head.WriteLine($"runs: {plan.RunCount} in the sweep" +
                       (request.Shard.IsAll ? "" : $"; shard {request.Shard} (runs with index = {request.Shard.Index} mod {request.Shard.Count}): {inShard}") +
                       $"; workers: {workers}, one thread per run");
        int done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Reproducer.Execute(experiment, plan, dir, request.Shard, request.Jobs, record =>
        {
            lock (io.Err)
                io.Err.WriteLine($"  run {Interlocked.Increment(ref done)}/{inShard} {record.Id}: {Describe(record)} ({record.Seconds:0.0} s)");
        }, io.Cancel);
        io.Err.WriteLine($"{Plural.Count(inShard, "run")} in {clock.Elapsed.TotalSeconds:0.0} s wall time");
        if (!request.Shard.IsAll)
        {
            head.WriteLine($"shard {request.Shard}: {Plural.Count(inShard, "run record")} in {Path.Combine(dir, SweepStore.RunsFolder)}");
            head.WriteLine($"combine all {request.Shard.Count} shards with: implicitreg merge DIR... --out DIR");
            return ExitCodes.Ok;
        }
        var result = Reproducer.Summarise([dir], dir, ReproductionText.Render);
        var page = ReproductionPage.Write(result);
        if (request.Json)
        {
            io.Out.Write(result.ResultsJson);
            io.Err.WriteLine(page);
        }
        else
        {
            // The setup was printed above; print the results and claims only.
            foreach (var line in result.Text.Split('\n').Skip(1 + plan.Setup.Count)) if (line.Length > 0) io.Out.WriteLine(line);
            io.Out.WriteLine($"files: {Path.Combine(dir, Reproducer.ResultsFile)}, {Path.Combine(dir, Reproducer.SummaryFile)}, one record and one CSV per run in {Path.Combine(dir, SweepStore.RunsFolder)}");
            io.Out.WriteLine(page);
        }
        return ExitCodes.Ok;
    }

    private static string Describe(RunRecord r) =>
        $"{(r.Has("status") ? r.Text("status") : "done")}" + (r.Has("steps") ? $" after {r.Number("steps")} steps" : "") +
        (r.Has("loss") ? $", loss {r.Number("loss"):G3}" : "");
}
