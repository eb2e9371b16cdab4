using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Metrics;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate dmf</c>: GD on a deep matrix factorization with the tracked metrics of the issue.</summary>
internal static class SimulateDmf
{
    public static VerbCommand Command(CliIO io)
    {
        var command = new VerbCommand("dmf", "deep matrix factorization W = WN...W1 (E1 random completion by default; --problem 2x2 for M6/E2)",
            "implicitreg simulate dmf --problem 2x2 --depth 2 --init-std 0.1 --positive-det --lr 3e-3 --steps 2000000 --stop-loss 1e-4 --seed 3");
        // The 2x2 and generalized constructions start small (E2): std 8e-3 unless --init-std/--init-scale say otherwise.
        var modelOptions = new DmfOptionSet("random", null, false, constructionStd: 8e-3);
        var runOptions = new RunOptionSet("gd", 1e-2, 0);
        var entriesOption = CliOptions.Text("--entries", "entries of W to track, 1-based \"i,j;k,l\" (default 1,1)", "PAIRS");
        modelOptions.AddTo(command);
        runOptions.AddTo(command);
        command.Options.Add(entriesOption);
        return command.Runs(r =>
        {
            var model = modelOptions.Read(r, Budget.From(r));
            var settings = runOptions.Read(r, DmfCost.WorkPerStep(model.Problem.Dimensions, ObservedCount(model.Problem), 0));
            var entries = Entries(r.GetValue(entriesOption) ?? "1,1", model.Problem);
            return Run(model, settings, entries, io);
        });
    }

    private static long ObservedCount(DmfProblem p) => p.Dimensions[0] * (long)p.Dimensions[^1];

    private static int Run(DmfOptions model, RunSettings settings, List<(int Row, int Column)> entries, CliIO io)
    {

        var problem = model.Problem;
        using var sim = new DmfSimulator(problem.Loss, model.InitialLayers);
        int k = Math.Min(settings.Top, Math.Min(problem.Dimensions[0], problem.Dimensions[^1]));
        var id = new RunIdentity("dmf", model.Seed, problem.Name, Models.Losses.LossScales.Name(problem.Loss.Scale));
        DmfSnapshot? last = null;
        var result = RecordedRun.Execute(sim, settings, io, id,
            $"dims={string.Join(",", problem.Dimensions)} init=\"{model.DescribeInit()}\"",
            ["frobenius", "nuclear", "spectral", "det", "balancedness", "reconstruction",
                .. Enumerable.Range(1, k).Select(r => $"sigma{r}"),
                .. Enumerable.Range(1, k).Select(r => $"alignment{r}"),
                .. entries.Select(e => $"W[{e.Row + 1};{e.Column + 1}]")],
            (step, loss, time) =>
            {
                last = double.IsFinite(loss) && sim.ParametersFinite()
                    ? DmfSnapshot.Take(sim, step, time, loss, k, entries, problem.GroundTruth)
                    : null;
                return last is null ? null : Row(last);
            });
        if (settings.Json) io.Out.Write(Json(id, model, settings, result, last));
        else WriteText(io.Out, id, model, settings, result, last, entries);
        return SimulateVerb.Finish(result, io);
    }

    private static IEnumerable<double> Row(DmfSnapshot s) =>
        new[] { s.Step, s.Time, s.Loss, s.Frobenius, s.Nuclear, s.Spectral, s.Determinant, s.Balancedness, s.ReconstructionError }
            .Concat(s.SingularValues).Concat(s.Alignment).Concat(s.Entries);

    private static List<(int Row, int Column)> Entries(string text, DmfProblem problem)
    {
        var list = new List<(int, int)>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ij = part.Split(',', StringSplitOptions.TrimEntries);
            if (ij.Length != 2 || !int.TryParse(ij[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
                !int.TryParse(ij[1], NumberStyles.None, CultureInfo.InvariantCulture, out var j))
                throw new CliUsageException($"--entries expects 1-based pairs 'i,j' separated by ';', got '{part}'");
            if (i < 1 || j < 1 || i > problem.Dimensions[^1] || j > problem.Dimensions[0])
                throw new CliUsageException($"entry ({i},{j}) is outside the {problem.Dimensions[^1]}x{problem.Dimensions[0]} matrix");
            list.Add((i - 1, j - 1));
        }
        return list;
    }

    private static void WriteText(TextWriter w, RunIdentity id, DmfOptions model, RunSettings s, RunResult r, DmfSnapshot? last,
        List<(int Row, int Column)> entries)
    {
        RunReport.WriteHeading(w, id, model.DescribeProblem(), $"init: {model.DescribeInit()}", s, r, withTime: true, "F0");
        if (last is null) return;
        w.WriteLine($"final (step {last.Step}):");
        w.WriteLine($"  loss            {Numbers.Short(last.Loss)}");
        if (!double.IsNaN(last.ReconstructionError)) w.WriteLine($"  reconstruction  {Numbers.Short(last.ReconstructionError)}  (|W - W*|_F^2 / |W*|_F^2)");
        w.WriteLine($"  singular values {string.Join(" ", last.SingularValues.Select(Numbers.Short))}");
        if (!double.IsNaN(last.Determinant)) w.WriteLine($"  det W           {Numbers.Short(last.Determinant)}");
        w.WriteLine($"  norms           frobenius {Numbers.Short(last.Frobenius)}, nuclear {Numbers.Short(last.Nuclear)}, spectral {Numbers.Short(last.Spectral)}");
        w.WriteLine($"  balancedness    {Numbers.Short(last.Balancedness)}  (max_j |W_(j+1)^T W_(j+1) - W_j W_j^T|_F)");
        w.WriteLine($"  <G, u_r v_r^T>  {string.Join(" ", last.Alignment.Select(Numbers.Short))}");
        for (int i = 0; i < entries.Count; i++)
            w.WriteLine($"  W[{entries[i].Row + 1},{entries[i].Column + 1}]          {Numbers.Short(last.Entries[i])}");
    }

    private static string Json(RunIdentity id, DmfOptions model, RunSettings s, RunResult r, DmfSnapshot? last) => RunReport.Json(id, s, r, w =>
    {
        Numbers.Write(w, "lossConstant", model.Problem.Loss.Constant);
        w.WriteStartArray("dims");
        foreach (var d in model.Problem.Dimensions) w.WriteNumberValue(d);
        w.WriteEndArray();
        w.WriteString("init", model.DescribeInit());
    }, withTime: true, w =>
    {
        if (last is not null)
        {
            w.WriteStartObject("final");
            w.WriteNumber("step", last.Step);
            Numbers.Write(w, "loss", last.Loss);
            Numbers.Write(w, "reconstruction", last.ReconstructionError);
            Numbers.WriteArray(w, "singularValues", last.SingularValues);
            Numbers.Write(w, "det", last.Determinant);
            Numbers.Write(w, "frobenius", last.Frobenius);
            Numbers.Write(w, "nuclear", last.Nuclear);
            Numbers.Write(w, "spectral", last.Spectral);
            Numbers.Write(w, "balancedness", last.Balancedness);
            Numbers.WriteArray(w, "alignment", last.Alignment);
            Numbers.WriteArray(w, "entries", last.Entries);
            w.WriteEndObject();
        }
    });
}
