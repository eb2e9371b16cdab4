using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate cp</c>: GD on a CP tensor factorization (E3), tracking component norms.</summary>
internal static class SimulateCp
{
    public const string Help =
        """
          --sizes AxBxCxD        mode sizes (default 10x10x10x10)
          --rank R               CP rank of the random target, normalized to |W*|_F = 1 (default 5)
          --observed M           observed entries (default 2000)
          --components R         components of the factorization (default 1000)
          --init-std SD          factor entries N(0, SD^2) (default 1e-2)
          --loss half-sse|mse|sse  (default mse); defaults: --optimizer normalized --lr 1e-2 --stop-loss 1e-8
        """;

    public static int Run(CliArgs a, CliIO io)
    {
        var model = new RunSpec
        {
            Model = "cp",
            Seed = a.Int("seed", 0),
            Sizes = a.Option("sizes") ?? "10x10x10x10",
            Rank = a.Int("rank", 5),
            Observed = a.Int("observed", 2000),
            Components = a.Int("components", 1000),
            InitStd = a.Double("init-std", 1e-2),
            Loss = a.Option("loss"),
        };
        var (spec, settings) = RunSettings.Read(a, model, "normalized");
        a.EnsureAllUsed();

        using var run = RunOptionErrors.Guard(() => PreparedRun.Prepare(spec));
        int components = spec.Components!.Value;
        var id = RunConsole.Identity(run);
        var recorded = RunConsole.Execute(run, settings, io);
        var result = recorded.Result;
        var lastRow = recorded.Rows.Count > 0 ? recorded.Rows[^1] : null; // the last finite record, as before the move
        if (settings.Json)
        {
            io.Out.Write(RunReport.Json(id, run.Schedule, result, w => w.WriteNumber("components", components), withTime: false, w =>
            {
                if (lastRow is null) return;
                Numbers.Write(w, "reconstruction", lastRow[3]);
                Numbers.Write(w, "balanceSpread", lastRow[4]);
                Numbers.WriteArray(w, "componentNorms", lastRow[5..]);
            }));
        }
        else
        {
            var o = io.Out;
            RunReport.WriteHeading(o, id, run.ProblemLine, run.ModelLine, run.Schedule, result, withTime: false, "F1");
            if (lastRow is not null)
            {
                o.WriteLine($"final (step {lastRow[0]}):");
                o.WriteLine($"  loss             {Numbers.Short(lastRow[2])}");
                o.WriteLine($"  reconstruction   {Numbers.Short(lastRow[3])}  (|W - W*|_F / |W*|_F)");
                o.WriteLine($"  top component norms {string.Join(" ", lastRow[5..].Select(Numbers.Short))}");
                o.WriteLine($"  balance spread   {Numbers.Short(lastRow[4])}  (max_r of max_n - min_n |w_r^n|^2, conserved by the flow)");
            }
        }
        return SimulateVerb.Finish(result, io);
    }

}
