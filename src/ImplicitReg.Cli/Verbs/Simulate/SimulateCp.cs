using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate cp</c>: GD on a CP tensor factorization (E3), tracking component norms.</summary>
internal static class SimulateCp
{
    public static VerbCommand Command(CliIO io)
    {
        var command = new VerbCommand("cp", "CP tensor factorization (E3), tracking component norms",
            "implicitreg simulate cp --sizes 4x4x4 --rank 2 --observed 40 --components 20 --steps 2000 --seed 1");
        var seedOption = CliOptions.Seed("seed of every random choice", 0);
        var sizesOption = CliOptions.Text("--sizes", "mode sizes AxBx... (default 10x10x10x10)", "AxBxCxD");
        var rankOption = CliOptions.Int("--rank", "CP rank of the random target, normalized to |W*|_F = 1", 5, min: 1);
        var observedOption = CliOptions.Int("--observed", "observed entries", 2000, min: 1);
        var componentsOption = CliOptions.Int("--components", "components of the factorization", 1000, min: 1);
        var stdOption = CliOptions.Double("--init-std", "factor entries N(0, SD^2)", 1e-2, v => v >= 0, "non-negative");
        var lossOption = CliOptions.OptionalChoice("--loss", "the constant c of the loss (default mse)", [.. LossScales.Names]);
        var runOptions = new RunOptionSet(GroupRmsprop.OptionName, 1e-2, 1e-8, GroupRmsprop.TensorCompletionEpsilon);
        foreach (var o in new Option[] { seedOption, sizesOption, rankOption, observedOption, componentsOption, stdOption, lossOption }) command.Options.Add(o);
        runOptions.AddTo(command);
        return command.Runs(r =>
        {
            var spec = runOptions.Apply(r, new RunSpec
            {
                Model = "cp",
                Seed = r.GetValue(seedOption),
                Sizes = r.GetValue(sizesOption),
                Rank = r.GetValue(rankOption),
                Observed = r.GetValue(observedOption),
                Components = r.GetValue(componentsOption),
                InitStd = r.GetValue(stdOption),
                Loss = r.GetValue(lossOption),
            });
            using var run = SimulateRun.Prepare(spec, Budget.From(r));
            var recorded = SimulateRun.Execute(run, runOptions.OutPath(r), io);
            return RunReport.Finish(io, run, recorded, runOptions.Json(r), "F1", w => w.WriteNumber("components", spec.Components!.Value),
                (w, last) =>
                {
                    Numbers.Write(w, "reconstruction", last[3]);
                    Numbers.Write(w, "balanceSpread", last[4]);
                    Numbers.WriteArray(w, "componentNorms", last[5..]);
                },
                last =>
                [
                    $"loss             {Numbers.Short(last[2])}",
                    $"reconstruction   {Numbers.Short(last[3])}  (|W - W*|_F / |W*|_F)",
                    $"top component norms {string.Join(" ", last[5..].Select(Numbers.Short))}",
                    $"balance spread   {Numbers.Short(last[4])}  (max_r of max_n - min_n |w_r^n|^2, conserved by the flow)",
                ]);
        });
    }
}
