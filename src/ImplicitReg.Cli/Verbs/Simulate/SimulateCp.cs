using System.CommandLine;
using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Optimizers;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate cp</c>: GD on a CP tensor factorization (E3), tracking component norms.</summary>
internal static class SimulateCp
{
    public static VerbCommand Command(CliIO io)
    {
        var command = new VerbCommand("cp", "CP tensor factorization (E3), tracking component norms",
            "implicitreg simulate cp --sizes 4x4x4 --rank 2 --observed 40 --components 20 --steps 2000 --seed 1");
        var seedOption = CliOptions.Int("--seed", "seed of every random choice", 0);
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
            int seed = r.GetValue(seedOption);
            var sizes = Sizes(r.GetValue(sizesOption) ?? "10x10x10x10");
            int rank = r.GetValue(rankOption), observed = r.GetValue(observedOption), components = r.GetValue(componentsOption);
            Budget.From(r).Require("--sizes/--components", CpCost.EstimateBytes(sizes, rank, observed, components),
                "the factors, the full target tensor and the observations");
            var settings = runOptions.Read(r, CpCost.WorkPerStep(sizes, observed, components));
            return Run(io, seed, sizes, rank, observed, components, r.GetValue(stdOption), ModelOptions.Loss(r.GetValue(lossOption), "mse"), settings);
        });
    }

    private static int Run(CliIO io, int seed, int[] sizes, int rank, int observed, int components, double std, LossScale scale, RunSettings settings)
    {
        var random = new SeededRandom(seed);
        var problem = ModelOptions.Problem(() => CpProblem.RandomCompletion(sizes, rank, observed, scale, random));
        using var sim = new CpSimulator(problem, CpSimulator.GaussianFactors(sizes, components, std, random));
        int k = Math.Min(settings.Top, components);
        var id = new RunIdentity("cp", seed, problem.Name, LossScales.Name(scale));
        double[]? lastRow = null;
        var result = RecordedRun.Execute(sim, settings, io, id, $"components={components} init-std={Numbers.Exact(std)}",
            ["reconstruction", "balance_spread", .. Enumerable.Range(1, k).Select(r => $"norm{r}")],
            (step, loss, time) =>
            {
                if (!double.IsFinite(loss)) return null;
                var norms = sim.ComponentNorms().OrderByDescending(x => x).Take(k);
                return lastRow = [step, time, loss, sim.ReconstructionError(), sim.BalanceSpread(), .. norms];
            });
        if (settings.Json)
        {
            io.Out.Write(RunReport.Json(id, settings, result, w => w.WriteNumber("components", components), withTime: false, w =>
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
            RunReport.WriteHeading(o, id, $"{problem.Name}; loss {id.Loss} (c = {Numbers.Short(problem.Constant)})",
                $"model: {components} components, factors N(0, {Numbers.Short(std)}^2)", settings, result, withTime: false, "F1");
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

    private static int[] Sizes(string text)
    {
        var parts = text.Split('x', 'X');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new CliUsageException($"--sizes expects positive sizes separated by 'x' (e.g. 10x10x10x10), got '{text}'");
        if (sizes.Length < 2) throw new CliUsageException("--sizes needs at least two modes");
        return sizes;
    }
}
