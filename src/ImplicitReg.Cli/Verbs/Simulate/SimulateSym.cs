using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Initialization;
using ImplicitReg.Numerics.LinearAlgebra;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Experiments.Simulators.Symmetric;

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
        var scale = ModelOptions.Loss(a, "half-sse");
        var settings = RunSettings.Read(a, "gd", 1e-2, 1e-10);
        a.EnsureAllUsed();

        var random = new SeededRandom(seed);
        var problem = ModelOptions.Problem(() => SymmetricProblem.RandomPsdCompletion(size, rank, observed, scale, random));
        MatrixBuffer u0;
        if (init == "identity")
        {
            u0 = new MatrixBuffer(size, columns);
            for (int i = 0; i < Math.Min(size, columns); i++) u0[i, i] = alpha;
        }
        else u0 = LayerInitializer.Gaussian(size, columns, alpha, random);
        using var sim = new SymmetricSimulator(problem.Loss, u0);
        int k = Math.Min(settings.Top, size);
        var id = new RunIdentity("sym", seed, problem.Name, LossScales.Name(scale));
        double[]? lastRow = null;
        var result = RecordedRun.Execute(sim, settings, io, id, $"init={init} alpha={Numbers.Exact(alpha)}",
            ["trace", "reconstruction", .. Enumerable.Range(1, k).Select(r => $"eigenvalue{r}")],
            (step, loss, time) =>
            {
                if (!double.IsFinite(loss) || !sim.ParametersFinite()) return null;
                var x = sim.Product();
                double trace = 0, num = 0, den = 0;
                for (int i = 0; i < size; i++) trace += x[i, i];
                for (int i = 0; i < x.Data.Length; i++)
                {
                    var d = x.Data[i] - problem.GroundTruth!.Data[i];
                    num += d * d;
                    den += problem.GroundTruth.Data[i] * problem.GroundTruth.Data[i];
                }
                return lastRow = [step, time, loss, trace, num / den, .. sim.Eigenvalues().Take(k)];
            });
        if (settings.Json)
        {
            io.Out.Write(RunReport.Json(id, settings, result, _ => { }, withTime: false, w =>
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
            RunReport.WriteHeading(o, id, $"{problem.Name}; loss {id.Loss} (c = {Numbers.Short(problem.Loss.Constant)})",
                $"init: U(0) = {(init == "identity" ? "alpha I" : "N(0, alpha^2)")}, alpha {Numbers.Short(alpha)}", settings, result,
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
