using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.Simulators;
using ImplicitReg.Numerics.Simulators.Cp;
using ImplicitReg.Numerics.Simulators.Runs;

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
        int seed = a.Int("seed", 0);
        var sizes = Sizes(a.Option("sizes") ?? "10x10x10x10");
        int rank = a.Int("rank", 5);
        int observed = a.Int("observed", 2000);
        int components = a.Int("components", 1000);
        if (components < 1) throw new CliUsageException("--components must be positive");
        double std = a.Double("init-std", 1e-2);
        var lossText = a.Option("loss") ?? "mse";
        if (!LossScales.TryParse(lossText, out var scale)) throw new CliUsageException($"--loss must be one of {string.Join("|", LossScales.Names)}, got '{lossText}'");
        var settings = RunSettings.Read(a, "normalized", 1e-2, 1e-8);
        a.EnsureAllUsed();

        var random = new SeededRandom(seed);
        CpProblem problem;
        try
        {
            problem = CpProblem.RandomCompletion(sizes, rank, observed, scale, random);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        var sim = new CpSimulator(problem, CpSimulator.GaussianFactors(sizes, components, std, random));
        int k = Math.Min(settings.Top, components);
        var header = new List<string> { "step", "time", "loss", "reconstruction", "balance_spread" };
        header.AddRange(Enumerable.Range(1, k).Select(r => $"norm{r}"));
        using var csv = new CsvRecorder(settings.OutPath,
            $"implicitreg simulate cp seed={seed} problem=\"{problem.Name}\" loss={LossScales.Name(scale)} components={components} init-std={Numbers.Exact(std)} optimizer=\"{settings.DescribeOptimizer()}\"",
            header);
        double[]? lastRow = null;
        var bar = new ProgressBar(io, "simulate cp", settings.Steps);
        var result = SimulationRunner.Run(sim, settings.Optimizer, new RunOptions
        {
            MaxSteps = settings.Steps,
            StopLoss = settings.StopLoss,
            RecordEvery = settings.RecordEvery,
            Cancel = io.Cancel,
            OnProgress = s => bar.Report(s, "steps"),
            OnRecord = (step, loss, time) =>
            {
                if (!double.IsFinite(loss)) return;
                var norms = sim.ComponentNorms().OrderByDescending(x => x).Take(k);
                lastRow = [step, time, loss, sim.ReconstructionError(), sim.BalanceSpread(), .. norms];
                csv.Row(lastRow);
            },
        });
        bar.Finish();
        if (settings.Json)
        {
            io.Out.Write(Numbers.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("model", "cp");
                w.WriteNumber("seed", seed);
                w.WriteString("problem", problem.Name);
                w.WriteString("loss", LossScales.Name(scale));
                w.WriteNumber("components", components);
                w.WriteString("optimizer", settings.Optimizer.Name);
                Numbers.Write(w, "learningRate", settings.Optimizer.LearningRate);
                w.WriteString("status", SimulateVerb.StatusName(result.Status));
                w.WriteNumber("steps", result.Steps);
                if (result.DivergedAt is { } at) w.WriteNumber("divergedAt", at);
                Numbers.Write(w, "stepsPerSecond", result.StepsPerSecond);
                Numbers.Write(w, "finalLoss", result.FinalLoss);
                if (lastRow is not null)
                {
                    Numbers.Write(w, "reconstruction", lastRow[3]);
                    Numbers.Write(w, "balanceSpread", lastRow[4]);
                    Numbers.WriteArray(w, "componentNorms", lastRow[5..]);
                }
                w.WriteEndObject();
            }));
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"seed: {seed}");
            o.WriteLine($"problem: {problem.Name}; loss {LossScales.Name(scale)} (c = {Numbers.Short(problem.Constant)})");
            o.WriteLine($"model: {components} components, factors N(0, {Numbers.Short(std)}^2)");
            o.WriteLine($"optimizer: {settings.DescribeOptimizer()}");
            o.WriteLine($"run: {SimulateVerb.DescribeStatus(result, settings.StopLoss)}");
            o.WriteLine($"steps per second: {result.StepsPerSecond.ToString("F1", CultureInfo.InvariantCulture)}");
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
