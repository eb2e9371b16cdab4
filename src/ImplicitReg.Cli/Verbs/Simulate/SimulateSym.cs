using System.CommandLine;
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
    public static VerbCommand Command(CliIO io)
    {
        var command = new VerbCommand("sym", "symmetric factorization X = U U^T (E4), tracking the spectrum and trace of X",
            "implicitreg simulate sym --size 3 --rank 1 --observed 4 --steps 5000 --seed 0");
        var seedOption = CliOptions.Int("--seed", "seed of every random choice", 0);
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
            int seed = r.GetValue(seedOption), size = r.GetValue(sizeOption), rank = r.GetValue(rankOption), observed = r.GetValue(observedOption);
            int columns = r.GetValue(columnsOption) ?? size;
            if (rank > size) throw new CliUsageException($"--rank ({rank}) must be at most --size ({size})");
            Budget.From(r).Require("--size/--columns", SymmetricCost.EstimateBytes(size, columns, rank, observed), "U, X and the target");
            var settings = runOptions.Read(r, SymmetricCost.WorkPerStep(size, columns, observed));
            return Run(io, seed, size, rank, observed, columns, r.GetValue(initOption)!, r.GetValue(alphaOption),
                ModelOptions.Loss(r.GetValue(lossOption), "half-sse"), settings);
        });
    }

    private static int Run(CliIO io, int seed, int size, int rank, int observed, int columns, string init, double alpha, LossScale scale, RunSettings settings)
    {
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
