using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Cli.Verbs.Reproduce;

/// <summary><c>implicitreg reproduce e1|e2|e3|e4</c>: the papers' experiments as sweeps, with their claims checked.</summary>
public sealed class ReproduceVerb : ICliVerb
{
    public string Name => "reproduce";
    public string Summary => "run the papers' experiments E1-E4 (sweeps over seeds and settings) and check their claims";

    public string Usage =>
        """
        usage: implicitreg reproduce <e1|e2|e3|e4> [options]

          e1  deep matrix completion (Arora, Cohen, Hu, Luo 2019): depth vs reconstruction at few observations
          e2  the 2x2 construction (Razin and Cohen 2020): |W11| against the loss, the norm bound, det W
          (each prints its setup, seeds and stopping rule before running)

          --quick                the reduced version (under a minute; what CI and the docs run)
          --seeds K              seeds 0..K-1 (default: the experiment's, 3 at full scale)
          --jobs N               workers, each running one run on one thread (default: the number of cores)
          --shard i/n            only the runs whose index = i (mod n), numbered from 0 (Slurm: --array=0-(n-1))
          --out DIR              output directory (default repro-<experiment>, or repro-<e>-shard-<i>-of-<n>)
          --format text|json     the summary as text, or results.json (default text)
          --depths 2,3           only these depths (e1, e2)
          --observed 2000        only these observation counts (e1)
          --scales 1e-3          only these initialization scales (e1)
          --max-steps K          most iterations per run (default: the experiment's stopping rule)

        Writes DIR/sweep.json, DIR/runs/<index>-<run>.json and .csv (one per run); for a whole sweep also
        DIR/results.json and DIR/summary.txt. Shards are combined with 'implicitreg merge'.
        exit codes: 0 done, 2 bad options, 130 interrupted (finished runs are kept)
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["quick"]);
        if (a.Positionals.Count != 1) throw new CliUsageException("name one experiment: implicitreg reproduce e1|e2|e3|e4");
        int jobs = a.Int("jobs", SweepExecutor.DefaultJobs);
        if (jobs < 1) throw new CliUsageException($"--jobs must be at least 1, got {jobs}");
        Shard shard;
        try
        {
            shard = a.Option("shard") is { } s ? Shard.Parse(s) : Shard.All;
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        int? seeds = a.Option("seeds") is null ? null : a.Int("seeds", 0);
        if (seeds is < 1) throw new CliUsageException($"--seeds must be at least 1, got {seeds}");
        long? maxSteps = a.Option("max-steps") is null ? null : a.Long("max-steps", 0);
        if (maxSteps is < 0) throw new CliUsageException("--max-steps must be non-negative");
        var request = new ReproduceRequest(a.Positionals[0], new ReproductionOptions
        {
            Quick = a.Flag("quick"),
            Seeds = seeds,
            Depths = ReproduceRequest.Integers(a.Option("depths"), "depths"),
            Observed = ReproduceRequest.Integers(a.Option("observed"), "observed"),
            Scales = ReproduceRequest.Numbers(a.Option("scales"), "scales"),
            MaxSteps = maxSteps,
        }, jobs, shard, a.Option("out"), a.Choice("format", "text", "text", "json") == "json");
        a.EnsureAllUsed();
        return ReproduceRun.Run(request, io);
    }
}
