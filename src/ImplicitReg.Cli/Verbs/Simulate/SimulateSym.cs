using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate sym</c>: GD on X = UUᵀ for PSD completion (E4), tracking the spectrum and trace of X.</summary>
internal static class SimulateSym
{
    public static VerbCommand Command(CliIO io)
    {
        var command = new VerbCommand("sym", "symmetric factorization X = U U^T (E4), tracking the spectrum and trace of X",
            "implicitreg simulate sym --size 3 --rank 1 --observed 4 --steps 5000 --seed 0");
        var seedOption = CliOptions.Seed("seed of every random choice", 0);
        var sizeOption = CliOptions.Int("--size", "X is D x D", 3, min: 1);
        var rankOption = CliOptions.Int("--rank", "rank of the random PSD target B B^T (at most --size)", 1, min: 1);
        var observedOption = CliOptions.Int("--observed", "observed entries on or above the diagonal", 4, min: 1);
        var columnsOption = CliOptions.OptionalInt("--columns", "columns of U (default D)", min: 1);
        var initOption = CliOptions.Choice("--init", "U(0) = alpha I, or N(0, alpha^2) entries", "identity", "identity", "gaussian");
        var alphaOption = CliOptions.Double("--init-scale", "alpha", 1e-3, v => v >= 0, "non-negative");
        var lossOption = CliOptions.OptionalChoice("--loss", "the constant c of the loss (default half-sse)", [.. LossScales.Names]);
        var runOptions = new RunOptionSet("gd", 1e-2, 1e-10);
        foreach (var o in new Option[] { seedOption, sizeOption, rankOption, observedOption, columnsOption, initOption, alphaOption, lossOption }) command.Options.Add(o);
        runOptions.AddTo(command);
        return command.Runs(r =>
        {
            var spec = runOptions.Apply(r, new RunSpec
            {
                Model = "sym",
                Seed = r.GetValue(seedOption),
                Size = r.GetValue(sizeOption),
                Rank = r.GetValue(rankOption),
                Observed = r.GetValue(observedOption),
                Columns = r.GetValue(columnsOption),
                Init = r.GetValue(initOption),
                InitScale = r.GetValue(alphaOption),
                Loss = r.GetValue(lossOption),
            });
            using var run = SimulateRun.Prepare(spec, Budget.From(r));
            var recorded = SimulateRun.Execute(run, runOptions.OutPath(r), io);
            return RunReport.Finish(io, run, recorded, runOptions.Json(r), "F0", _ => { },
                (w, last) =>
                {
                    Numbers.Write(w, "trace", last[3]);
                    Numbers.Write(w, "reconstruction", last[4]);
                    Numbers.WriteArray(w, "eigenvalues", last[5..]);
                },
                last =>
                [
                    $"loss            {Numbers.Short(last[2])}",
                    $"trace X         {Numbers.Short(last[3])}  (the nuclear norm, X is PSD)",
                    $"eigenvalues     {string.Join(" ", last[5..].Select(Numbers.Short))}",
                    $"reconstruction  {Numbers.Short(last[4])}  (|X - X*|_F^2 / |X*|_F^2)",
                ]);
        });
    }
}
