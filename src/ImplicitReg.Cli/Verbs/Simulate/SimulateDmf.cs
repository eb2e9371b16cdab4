using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;

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
            var spec = runOptions.Apply(r, modelOptions.ToSpec(r) with { Entries = r.GetValue(entriesOption) });
            using var run = SimulateRun.Prepare(spec, Budget.From(r));
            var recorded = SimulateRun.Execute(run, runOptions.OutPath(r), io);
            var last = recorded.Last is { } row ? new Final(run.Columns, row) : null;
            if (runOptions.Json(r)) io.Out.Write(Json(run, recorded, last));
            else WriteText(io.Out, run, recorded, last);
            return SimulateVerb.Finish(recorded.Result, io);
        });
    }

    /// <summary>The last record split into its metrics (the columns of <see cref="PreparedRun.PrepareDmf"/>).</summary>
    private sealed class Final(IReadOnlyList<string> columns, double[] row)
    {
        public long Step => (long)row[0];
        public double Loss => row[2];
        public double Frobenius => row[3];
        public double Nuclear => row[4];
        public double Spectral => row[5];
        public double Determinant => row[6];
        public double Balancedness => row[7];
        public double ReconstructionError => row[8];
        public double[] SingularValues => Where(c => c.StartsWith("sigma", StringComparison.Ordinal));
        public double[] Alignment => Where(c => c.StartsWith("alignment", StringComparison.Ordinal));
        public double[] Entries => Where(c => c.StartsWith("W[", StringComparison.Ordinal));

        /// <summary>"W[1,1]" for each tracked entry.</summary>
        public IEnumerable<string> EntryNames => columns.Where(c => c.StartsWith("W[", StringComparison.Ordinal)).Select(c => c.Replace(';', ','));

        private double[] Where(Func<string, bool> column) => [.. columns.Select((c, i) => (c, i)).Where(x => column(x.c)).Select(x => row[x.i])];
    }

    private static void WriteText(TextWriter w, PreparedRun run, RecordedRunResult r, Final? last)
    {
        RunReport.WriteHeading(w, run, r, withTime: true, "F0");
        if (last is null) return;
        w.WriteLine($"final (step {last.Step}):");
        w.WriteLine($"  loss            {Numbers.Short(last.Loss)}");
        if (!double.IsNaN(last.ReconstructionError)) w.WriteLine($"  reconstruction  {Numbers.Short(last.ReconstructionError)}  (|W - W*|_F^2 / |W*|_F^2)");
        w.WriteLine($"  singular values {string.Join(" ", last.SingularValues.Select(Numbers.Short))}");
        if (!double.IsNaN(last.Determinant)) w.WriteLine($"  det W           {Numbers.Short(last.Determinant)}");
        w.WriteLine($"  norms           frobenius {Numbers.Short(last.Frobenius)}, nuclear {Numbers.Short(last.Nuclear)}, spectral {Numbers.Short(last.Spectral)}");
        w.WriteLine($"  balancedness    {Numbers.Short(last.Balancedness)}  (max_j |W_(j+1)^T W_(j+1) - W_j W_j^T|_F)");
        w.WriteLine($"  <G, u_r v_r^T>  {string.Join(" ", last.Alignment.Select(Numbers.Short))}");
        foreach (var (name, value) in last.EntryNames.Zip(last.Entries))
            w.WriteLine($"  {name}          {Numbers.Short(value)}");
    }

    private static string Json(PreparedRun run, RecordedRunResult r, Final? last) => RunReport.Json(run, r, w =>
    {
        var setup = run.Dmf!;
        Numbers.Write(w, "lossConstant", setup.Problem.Loss.Constant);
        w.WriteStartArray("dims");
        foreach (var d in setup.Problem.Dimensions) w.WriteNumberValue(d);
        w.WriteEndArray();
        w.WriteString("init", setup.DescribeInit());
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
