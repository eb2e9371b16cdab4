using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary><c>simulate dmf</c>: GD on a deep matrix factorization with the tracked metrics of the issue.</summary>
internal static class SimulateDmf
{
    public static int Run(CliArgs a, CliIO io)
    {
        var model = DmfOptions.ReadSpec(a, defaultProblem: "random");
        var (spec, settings) = RunSettings.Read(a, model with { Entries = a.Option("entries") }, "gd");
        a.EnsureAllUsed();

        var setup = RunOptionErrors.Guard(() => DmfSetup.Build(spec, DmfDefaults.Simulate(spec)));
        using var run = RunOptionErrors.Guard(() => PreparedRun.PrepareDmf(spec, setup));
        var id = RunConsole.Identity(run);
        var recorded = RunConsole.Execute(run, settings, io);
        var last = recorded.Last is null ? null : new Final(recorded);
        if (settings.Json) io.Out.Write(Json(id, setup, run.Schedule, recorded.Result, last));
        else WriteText(io.Out, id, run, recorded.Result, last);
        return SimulateVerb.Finish(recorded.Result, io);
    }

    /// <summary>The last record, read back by column name.</summary>
    private sealed class Final(RecordedRunResult r)
    {
        private readonly double[] _row = r.Last!;
        private readonly List<string> _columns = [.. r.Columns];

        public double this[string name] => _row[_columns.IndexOf(name)];

        public long Step => (long)this["step"];

        public double[] Prefixed(string prefix) =>
            _columns.Select((c, i) => (c, i)).Where(x => x.c.StartsWith(prefix, StringComparison.Ordinal)).Select(x => _row[x.i]).ToArray();

        public IEnumerable<(string Name, double Value)> Entries =>
            _columns.Select((c, i) => (c, i)).Where(x => x.c.StartsWith("W[", StringComparison.Ordinal))
                .Select(x => (x.c.Replace(';', ','), _row[x.i]));
    }

    private static void WriteText(TextWriter w, RunIdentity id, PreparedRun run, RunResult r, Final? last)
    {
        RunReport.WriteHeading(w, id, run.ProblemLine, run.ModelLine, run.Schedule, r, withTime: true, "F0");
        if (last is null) return;
        w.WriteLine($"final (step {last.Step}):");
        w.WriteLine($"  loss            {Numbers.Short(last["loss"])}");
        if (!double.IsNaN(last["reconstruction"])) w.WriteLine($"  reconstruction  {Numbers.Short(last["reconstruction"])}  (|W - W*|_F^2 / |W*|_F^2)");
        w.WriteLine($"  singular values {string.Join(" ", last.Prefixed("sigma").Select(Numbers.Short))}");
        if (!double.IsNaN(last["det"])) w.WriteLine($"  det W           {Numbers.Short(last["det"])}");
        w.WriteLine($"  norms           frobenius {Numbers.Short(last["frobenius"])}, nuclear {Numbers.Short(last["nuclear"])}, spectral {Numbers.Short(last["spectral"])}");
        w.WriteLine($"  balancedness    {Numbers.Short(last["balancedness"])}  (max_j |W_(j+1)^T W_(j+1) - W_j W_j^T|_F)");
        w.WriteLine($"  <G, u_r v_r^T>  {string.Join(" ", last.Prefixed("alignment").Select(Numbers.Short))}");
        foreach (var (name, value) in last.Entries)
            w.WriteLine($"  {name}          {Numbers.Short(value)}");
    }

    private static string Json(RunIdentity id, DmfSetup model, RunSchedule s, RunResult r, Final? last) => RunReport.Json(id, s, r, w =>
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
            Numbers.Write(w, "loss", last["loss"]);
            Numbers.Write(w, "reconstruction", last["reconstruction"]);
            Numbers.WriteArray(w, "singularValues", last.Prefixed("sigma"));
            Numbers.Write(w, "det", last["det"]);
            Numbers.Write(w, "frobenius", last["frobenius"]);
            Numbers.Write(w, "nuclear", last["nuclear"]);
            Numbers.Write(w, "spectral", last["spectral"]);
            Numbers.Write(w, "balancedness", last["balancedness"]);
            Numbers.WriteArray(w, "alignment", last.Prefixed("alignment"));
            Numbers.WriteArray(w, "entries", last.Entries.Select(e => e.Value));
            w.WriteEndObject();
        }
    });
}
