using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.Simulators;
using ImplicitReg.Numerics.Simulators.Initialization;
using ImplicitReg.Numerics.Simulators.LinearAlgebra;
using ImplicitReg.Numerics.Simulators.Runs;
using ImplicitReg.Numerics.Simulators.Symmetric;

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
        int seed = a.Int("seed", 0);
        int size = a.Int("size", 3);
        int rank = a.Int("rank", 1);
        int observed = a.Int("observed", 4);
        int columns = a.Int("columns", size);
        if (size < 1 || columns < 1 || rank < 1 || rank > size) throw new CliUsageException("--size, --columns and --rank must be positive, with rank <= size");
        var init = a.Choice("init", "identity", "identity", "gaussian");
        double alpha = a.Double("init-scale", 1e-3);
        var lossText = a.Option("loss") ?? "half-sse";
        if (!LossScales.TryParse(lossText, out var scale)) throw new CliUsageException($"--loss must be one of {string.Join("|", LossScales.Names)}, got '{lossText}'");
        var settings = RunSettings.Read(a, "gd", 1e-2, 1e-10);
        a.EnsureAllUsed();

        var random = new SeededRandom(seed);
        SymmetricProblem problem;
        try
        {
            problem = SymmetricProblem.RandomPsdCompletion(size, rank, observed, scale, random);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        MatrixBuffer u0;
        if (init == "identity")
        {
            u0 = new MatrixBuffer(size, columns);
            for (int i = 0; i < Math.Min(size, columns); i++) u0[i, i] = alpha;
        }
        else u0 = LayerInitializer.Gaussian(size, columns, alpha, random);
        var sim = new SymmetricSimulator(problem.Loss, u0);
        int k = Math.Min(settings.Top, size);
        var header = new List<string> { "step", "time", "loss", "trace", "reconstruction" };
        header.AddRange(Enumerable.Range(1, k).Select(r => $"eigenvalue{r}"));
        using var csv = new CsvRecorder(settings.OutPath,
            $"implicitreg simulate sym seed={seed} problem=\"{problem.Name}\" loss={LossScales.Name(scale)} init={init} alpha={Numbers.Exact(alpha)} optimizer=\"{settings.DescribeOptimizer()}\"",
            header);
        double[]? lastRow = null;
        var bar = new ProgressBar(io, "simulate sym", settings.Steps);
        var result = SimulationRunner.Run(sim, settings.Optimizer, new RunOptions
        {
            MaxSteps = settings.Steps,
            StopLoss = settings.StopLoss,
            RecordEvery = settings.RecordEvery,
            Cancel = io.Cancel,
            OnProgress = s => bar.Report(s, "steps"),
            OnRecord = (step, loss, time) =>
            {
                if (!double.IsFinite(loss) || !sim.ParametersFinite()) return;
                var x = sim.Product();
                double trace = 0, num = 0, den = 0;
                for (int i = 0; i < size; i++) trace += x[i, i];
                for (int i = 0; i < x.Data.Length; i++)
                {
                    var d = x.Data[i] - problem.GroundTruth!.Data[i];
                    num += d * d;
                    den += problem.GroundTruth.Data[i] * problem.GroundTruth.Data[i];
                }
                lastRow = [step, time, loss, trace, num / den, .. sim.Eigenvalues().Take(k)];
                csv.Row(lastRow);
            },
        });
        bar.Finish();
        if (settings.Json)
        {
            io.Out.Write(Numbers.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("model", "sym");
                w.WriteNumber("seed", seed);
                w.WriteString("problem", problem.Name);
                w.WriteString("loss", LossScales.Name(scale));
                w.WriteString("optimizer", settings.Optimizer.Name);
                Numbers.Write(w, "learningRate", settings.Optimizer.LearningRate);
                w.WriteString("status", SimulateVerb.StatusName(result.Status));
                w.WriteNumber("steps", result.Steps);
                if (result.DivergedAt is { } at) w.WriteNumber("divergedAt", at);
                Numbers.Write(w, "stepsPerSecond", result.StepsPerSecond);
                Numbers.Write(w, "finalLoss", result.FinalLoss);
                if (lastRow is not null)
                {
                    Numbers.Write(w, "trace", lastRow[3]);
                    Numbers.Write(w, "reconstruction", lastRow[4]);
                    Numbers.WriteArray(w, "eigenvalues", lastRow[5..]);
                }
                w.WriteEndObject();
            }));
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"seed: {seed}");
            o.WriteLine($"problem: {problem.Name}; loss {LossScales.Name(scale)} (c = {Numbers.Short(problem.Loss.Constant)})");
            o.WriteLine($"init: U(0) = {(init == "identity" ? "alpha I" : "N(0, alpha^2)")}, alpha {Numbers.Short(alpha)}");
            o.WriteLine($"optimizer: {settings.DescribeOptimizer()}");
            o.WriteLine($"run: {SimulateVerb.DescribeStatus(result, settings.StopLoss)}");
            o.WriteLine($"steps per second: {result.StepsPerSecond.ToString("F0", CultureInfo.InvariantCulture)}");
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
