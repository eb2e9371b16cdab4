using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Cli.Verbs.Reproduce;

/// <summary><c>implicitreg reproduce e1|e2|…</c>: the papers' experiments as sweeps, with their claims checked.</summary>
public sealed class ReproduceVerb : ICliVerb
{
    public string Name => "reproduce";
    public string Summary => "run the papers' experiments (sweeps over seeds and settings) and check their claims";

    private const string Notes =
        """
        Experiments (each prints its setup, seeds and stopping rule before running):
          e1  deep matrix completion (Arora, Cohen, Hu, Luo 2019): depth against reconstruction at few
              observations, with the minimum-nuclear-norm baseline and its duality certificate
          e2  the 2x2 construction (Razin and Cohen 2020): |W11| against the loss, the norm bound, det W
          e3  tensor completion (Razin, Maman, Cohen 2021): component norms over iterations
          e4  Gunasekar et al. 2017: every 3x3 PSD completion pattern with 4 observed entries, gradient flow
              on U U^T from alpha I against the minimum-trace completion; x = u o u against minimum l1
        Writes DIR/sweep.json and DIR/runs/<index>-<run>.json and .csv (one record and one CSV per run); for a
        whole sweep also DIR/results.json, DIR/summary.txt and DIR/report.html (its report section alone, with
        report.md and data/*.csv; 'implicitreg report --experiments DIR' adds it to the claims report). Shards (--shard i/n, numbered from 0 like a Slurm
        array 0-(n-1)) are combined with 'implicitreg merge'; the merged numbers equal an unsharded run's.
        """;

    public Command Build(CliIO io)
    {
        var experiment = new Argument<string>("experiment") { Description = "e1, e2, e3 or e4" };
        experiment.CompletionSources.Add(Reproducer.Experiments.Select(e => e.Name).ToArray());
        var quick = CliOptions.Flag("--quick", "the reduced version (under a minute; what CI and the docs run)");
        var seeds = CliOptions.OptionalInt("--seeds", "seeds 0..K-1, K from 1 to 10000 (default: the experiment's, 3 at full scale)", min: 1, max: 10_000);
        seeds.HelpName = "K"; // the description speaks of K, as docs/cli.md and README do (`--seeds K`)
        var jobs = CliOptions.Int("--jobs", "workers, 1 to 4096, each running one run on one thread (default: the number of cores)", SweepExecutor.DefaultJobs, min: 1, max: 4096);
        var shard = CliOptions.Text("--shard", "only the runs whose index = i (mod n), numbered from 0", "i/n");
        var outDir = CliOptions.Text("--out", "output directory (default repro-<e>, or repro-<e>-shard-<i>-of-<n>)", "DIR");
        var format = CliOptions.Choice("--format", "the summary as text, or results.json", "text", "text", "json");
        var depths = CliOptions.Text("--depths", "only these depths (e1, e2), e.g. 2,3", "LIST");
        var observed = CliOptions.Text("--observed", "only these observation counts (e1), e.g. 2000", "LIST");
        var scales = CliOptions.Text("--scales", "only these initialization scales (e1: end-to-end s; e3: factor std), e.g. 1e-3", "LIST");
        var maxSteps = CliOptions.OptionalLong("--max-steps", "most iterations per run, at least 0 (default: the experiment's stopping rule)", min: 0);
        var noBaseline = CliOptions.Flag("--no-baseline", "leave out the convex baselines (e1: minimum nuclear norm)");
        var command = new VerbCommand(Name, Summary, "implicitreg reproduce e2 --quick --depths 2",
            "0 done, 2 bad options or --out directory, 130 interrupted (finished runs are kept)")
        {
            Notes = Notes,
        };
        command.Arguments.Add(experiment);
        foreach (var o in new Option[] { quick, seeds, jobs, shard, outDir, format, depths, observed, scales, maxSteps, noBaseline }) command.Options.Add(o);
        return command.Runs(r =>
        {
            Shard slice;
            try
            {
                slice = r.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All;
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException(e.Message);
            }
            var request = new ReproduceRequest(r.GetValue(experiment) ?? "", new ReproductionOptions
            {
                Quick = r.GetValue(quick),
                NoBaseline = r.GetValue(noBaseline),
                Seeds = r.GetValue(seeds),
                Depths = ReproduceRequest.Integers(r.GetValue(depths), "depths"),
                Observed = ReproduceRequest.Integers(r.GetValue(observed), "observed"),
                Scales = ReproduceRequest.Numbers(r.GetValue(scales), "scales"),
                MaxSteps = r.GetValue(maxSteps),
            }, r.GetValue(jobs), slice, r.GetValue(outDir), r.GetValue(format) == "json");
            return ReproduceRun.Run(request, io, Budget.From(r));
        });
    }
}
