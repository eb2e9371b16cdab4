using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate sym</c>: GD on X = UUᵀ for PSD completion (E4), tracking the spectrum and trace of X.</summary>
internal static class SimulateSym
{
    public const string Help =
        """
          --size D               X is D x D (default 3)
          --rank R               rank of the random PSD target B B^T (default 1)
          --observed M           observed entries on or above the diagonal (default 4)
          --columns K            columns of U (default D)
          --init identity|gaussian  U(0) = alpha I (default) or N(0, alpha^2) entries
          --init-scale ALPHA     (default 1e-3)
          --loss half-sse|mse|sse  (default half-sse); defaults: --lr 1e-2 --stop-loss 1e-10
        """;

    public static int Run(CliArgs a, CliIO io)
    {
        var model = new RunSpec
        {
            Model = "sym",
            Seed = a.Int("seed", 0),
            Size = a.Int("size", 3),
            Rank = a.Int("rank", 1),
            Observed = a.Int("observed", 4),
            Columns = a.Option("columns") is null ? null : a.Int("columns", 0),
            Init = a.Choice("init", "identity", "identity", "gaussian"),
            InitScale = a.Double("init-scale", 1e-3),
            Loss = a.Option("loss"),
        };
        var (spec, settings) = RunSettings.Read(a, model, "gd");
        a.EnsureAllUsed();

        using var run = RunOptionErrors.Guard(() => PreparedRun.Prepare(spec));
        var id = RunConsole.Identity(run);
        var recorded = RunConsole.Execute(run, settings, io);
        var result = recorded.Result;
        var lastRow = recorded.Rows.Count > 0 ? recorded.Rows[^1] : null; // the last finite record, as before the move
        if (settings.Json)
        {
            io.Out.Write(RunReport.Json(id, run.Schedule, result, _ => { }, withTime: false, w =>
            {
                if (lastRow is null) return;
                Numbers.Write(w, "trace", lastRow[3]);
                Numbers.Write(w, "reconstruction", lastRow[4]);
                Numbers.WriteArray(w, "eigenvalues", lastRow[5..]);
            }));
        }
        else
        {
            var o = io.Out;
            RunReport.WriteHeading(o, id, run.ProblemLine, run.ModelLine, run.Schedule, result,
                withTime: false, "F0");
            if (lastRow is not null)
            {
                o.WriteLine($"final (step {lastRow[0]}):");
                o.WriteLine($"  loss            {Numbers.Short(lastRow[2])}");
                o.WriteLine($"  trace X         {Numbers.Short(lastRow[3])}  (the nuclear norm, X is PSD)");
                o.WriteLine($"  eigenvalues     {string.Join(" ", lastRow[5..].Select(Numbers.Short))}");
                o.WriteLine($"  reconstruction  {Numbers.Short(lastRow[4])}  (|X - X*|_F^2 / |X*|_F^2)");
            }
        }
        return SimulateVerb.Finish(result, io);
    }
}
