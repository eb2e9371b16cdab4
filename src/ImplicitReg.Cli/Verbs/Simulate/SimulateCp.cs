using ImplicitReg.Experiments.Simulators.Optimizers;
using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Cp;
using ImplicitReg.Experiments.Simulators.Runs;

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
          --loss half-sse|mse|sse  (default mse); defaults: --optimizer group-rmsprop --eps 1e-6 --lr 1e-2 --stop-loss 1e-8
        """;

    public static int Run(CliArgs a, CliIO io)
    {
        int seed = a.Int("seed", 0);
        var sizes = Sizes(a.Option("sizes") ?? "10x10x10x10");
        int rank = a.Int("rank", 5);
        int observed = a.Int("observed", 2000);
        int components = a.Int("components", 1000);
        if (components < 1) throw new CliUsageException("--components must be positive");
        double std = a.Double("init-std", 1e-2);
        var scale = ModelOptions.Loss(a, "mse");
        var settings = RunSettings.Read(a, GroupRmsprop.OptionName, 1e-2, 1e-8, GroupRmsprop.TensorCompletionEpsilon);
        a.EnsureAllUsed();

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
