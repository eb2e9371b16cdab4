using System.CommandLine;
using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Verbs.Simulate;
using ImplicitReg.Numerics.Compilation;
using ImplicitReg.Numerics.Integrators;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;
using OdeSolver = ImplicitReg.Numerics.Integrators.Ode;

namespace ImplicitReg.Cli.Verbs.Ode;

/// <summary>
/// <c>implicitreg ode solve</c>: integrates a system written as <c>x' = rhs</c> equations (compiled from the
/// kernel's expressions) with Dormand–Prince 5(4), RK4 or the stiff Rosenbrock method, printing CSV or JSON at
/// requested times or at every accepted step. Exit 0 when t1 (or a stopping event) is reached, 2 for bad input,
/// 3 when the step limit is hit, 4 when the solution blows up, 130 when interrupted (rows written so far stay).
/// </summary>
public sealed class OdeVerb : ICliVerb
{
    /// <summary>Rows printed without <c>--at</c> unless <c>--max-rows</c> says otherwise: a long run must not stream hundreds of MB.</summary>
    public const long DefaultMaxRows = 100_000;

    /// <inheritdoc />
    public string Name => "ode";

    /// <inheritdoc />
    public string Summary => "solve an ODE system given as equations (dopri5, rk4, stiff)";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var equations = CliOptions.Text("--equations", "equations name' = rhs separated by ';' or newlines ('#' comments); right sides may use t; '-' or @FILE",
            "TEXT");
        equations.Required = true;
        var init = CliOptions.Text("--init", "initial values, e.g. \"x=1, y=0\" (numbers or constant expressions such as sqrt(2))", "VALUES");
        init.Required = true;
        var t0 = CliOptions.Double("--t0", "start time", 0);
        var t1 = CliOptions.OptionalDouble("--t1", "end time (required)");
        t1.Required = true;
        var method = CliOptions.Choice("--method", "adaptive Dormand-Prince 5(4), fixed-step RK4, or Rosenbrock 2(3) for stiff systems", "dopri5", "dopri5", "rk4", "stiff");
        var tolerances = new Tolerances(1e-8, 1e-10);
        var step = CliOptions.OptionalDouble("--step", "step of rk4 (default (t1 - t0)/1000)", v => v > 0, "positive");
        var at = CliOptions.Text("--at", "report these times only, e.g. 1,2,3 (default: every accepted step)", "TIMES");
        var events = CliOptions.Repeated("--event", "report where this expression crosses zero (repeatable)", "EXPR");
        var stopAtEvent = CliOptions.Flag("--stop-at-event", "end the run at the first event");
        var maxSteps = CliOptions.Long("--max-steps", "most accepted steps", 10_000_000, min: 1);
        var maxRows = CliOptions.Long("--max-rows", "most rows printed without --at (exit 3 beyond; use --at for long runs)", DefaultMaxRows, min: 1);
        var format = CliOptions.Choice("--format", "csv: header t,<variables>, one row per reported time; json: one document", "csv", "csv", "json");
        var solve = new VerbCommand("solve", "integrate an ODE system given as equations",
            "implicitreg ode solve --equations \"x' = -y; y' = x\" --init \"x=1, y=0\" --t1 10 --at 1,2,3",
            "0 solved, 2 bad input, 3 step or row limit reached, 4 blow-up (NaN/overflow or step size underflow), 130 interrupted")
        {
            Notes = "Statistics (accepted and rejected steps, evaluations) and events go to stderr.",
        };
        foreach (var o in new Option[] { equations, init, t0, t1, method, step, at, events, stopAtEvent, maxSteps, maxRows, format }) solve.Options.Add(o);
        tolerances.AddTo(solve);
        solve.Runs(r =>
        {
            var (rtol, atol) = tolerances.Read(r);
            return Solve(io, new Request(CliInput.ReadText(r.GetValue(equations)!, io, "equations"), r.GetValue(init)!, r.GetValue(t0), r.GetValue(t1)!.Value,
                r.GetValue(method)!, rtol, atol, r.GetValue(step), r.GetValue(at), r.GetValue(events) ?? [], r.GetValue(stopAtEvent),
                r.GetValue(maxSteps), r.GetValue(maxRows), r.GetValue(format) == "json"));
        });
        var ode = new VerbCommand(Name, Summary, "implicitreg ode solve --equations \"x' = -y; y' = x\" --init \"x=1, y=0\" --t1 10 --at 1,2,3",
            "0 solved, 2 bad input, 3 step or row limit reached, 4 blow-up, 130 interrupted") { solve };
        return ode.RequiresSubcommand();
    }

    private sealed record Request(string EquationsText, string InitText, double T0, double T1, string Method, double Rtol, double Atol, double? Step,
        string? AtText, string[] EventTexts, bool StopAtEvent, long MaxSteps, long MaxRows, bool Json);

    private static int Solve(CliIO io, Request q)
    {
        var (equationsText, initText, t0, t1, method, rtol, atol) = (q.EquationsText, q.InitText, q.T0, q.T1, q.Method, q.Rtol, q.Atol);
        if (!(t1 >= t0)) throw new CliUsageException($"--t1 ({t1}) must not be before --t0 ({t0})");
        var step = q.Step ?? (t1 - t0) / 1000;
        if (method == "rk4" && !(step > 0)) throw new CliUsageException("--step must be positive");
        if (method != "rk4" && q.Step is not null) throw new CliUsageException("--step is the step of --method rk4; the adaptive methods choose their own");
        if (method == "rk4") Budget.RequireWork("--step", (t1 - t0) / step, q.MaxSteps, "steps (--max-steps)",
            "choose a larger --step or a shorter --t0..--t1, or raise --max-steps"); // a smaller step would be more steps
        var at = q.AtText is { } atText ? Times(atText, t0, t1) : null;
        var eventTexts = q.EventTexts;
        bool stopAtEvent = q.StopAtEvent;
        long maxSteps = q.MaxSteps;
        bool json = q.Json;

        var equations = EquationText.ParseEquations(equationsText);
        var system = CompiledSystem.Compile(equations);
        var y0 = EquationText.ParseInitialValues(initText, system.Variables);
        var events = eventTexts.Select((text, i) => Event(text, i, system, stopAtEvent)).ToList();

        var odeMethod = method switch { "rk4" => OdeMethod.RungeKutta4, "stiff" => OdeMethod.Rosenbrock23, _ => OdeMethod.DormandPrince5 };
        var names = system.Variables.Select(v => v.Name).ToList();
        if (!json) io.Out.WriteLine(string.Join(",", new[] { "t" }.Concat(names.Select(Quote))));
        // Without --at every accepted step is a row: stop at --max-rows rather than stream without bound.
        using var rowLimit = CancellationTokenSource.CreateLinkedTokenSource(io.Cancel);
        long rows = 0;
        bool tooManyRows = false;
        var solution = CliProgress.Run(io, "ode solve", t1 - t0, report =>
        {
            var options = new OdeOptions
            {
                RelativeTolerance = rtol,
                AbsoluteTolerance = atol,
                FixedStep = method == "rk4" ? step : null,
                OutputTimes = at,
                StoreOutput = json,
                OnOutput = (t, y) =>
                {
                    if (at is null && ++rows > q.MaxRows)
                    {
                        tooManyRows = true;
                        rowLimit.Cancel();
                        return;
                    }
                    if (!json) io.Out.WriteLine(Numbers.Exact(t) + "," + string.Join(",", y.Select(Numbers.Exact)));
                },
                Events = events,
                Jacobian = method == "stiff" ? system.CompileJacobian() : null,
                MaxSteps = maxSteps,
                OnStep = t => report(t - t0),
                Cancel = rowLimit.Token,
            };
            try
            {
                return OdeSolver.Solve(odeMethod, system.Function, t0, y0, t1, options);
            }
            finally
            {
                io.Out.Flush();
            }
        });
        if (tooManyRows)
        {
            if (json) io.Out.Write(Json(method, rtol, atol, names, solution));
            io.Err.WriteLine($"unfinished: more than {q.MaxRows} rows (one per accepted step) before t1; give --at times, or raise --max-rows");
            return ExitCodes.Unknown;
        }
        if (json) io.Out.Write(Json(method, rtol, atol, names, solution));
        else
        {
            foreach (var e in solution.Events)
                io.Err.WriteLine($"event '{e.Name}' at t = {Numbers.Exact(e.Time)}: " +
                                 string.Join(", ", names.Select((n, i) => $"{n} = {Numbers.Short(e.State[i])}")));
            var s = solution.Statistics;
            io.Err.WriteLine($"{method}: {s.AcceptedSteps} accepted steps, {s.RejectedSteps} rejected, {s.FunctionEvaluations} evaluations" +
                             (method == "stiff" ? $", {s.JacobianEvaluations} Jacobians, {s.Factorizations} LU factorizations" : ""));
        }
        switch (solution.Status)
        {
            case OdeStatus.Cancelled:
                throw new OperationCanceledException();
            case OdeStatus.NonFinite or OdeStatus.StepTooSmall:
                io.Err.WriteLine($"diverged: {solution.Message}");
                return ExitCodes.Diverged;
            case OdeStatus.TooManySteps:
                io.Err.WriteLine($"unfinished: {solution.Message}");
                return ExitCodes.Unknown;
            default:
                return ExitCodes.Ok;
        }
    }

    private static string Quote(string name) => name.Contains(',') ? "\"" + name + "\"" : name;

    private static OdeEvent Event(string text, int index, CompiledSystem system, bool terminal)
    {
        Symbolic.Core.Expr e;
        try
        {
            e = Parser.ParseExpression(text);
        }
        catch (ParseException ex)
        {
            throw new CliUsageException($"--event '{text}', column {ex.Column}: {ex.Reason}");
        }
        try
        {
            return new OdeEvent(text, system.CompileScalar(e), Terminal: terminal, TimeTolerance: 1e-12);
        }
        catch (CompilationException ex)
        {
            throw new CliUsageException($"--event '{text}': {ex.Message}");
        }
    }

    private static double[] Times(string text, double t0, double t1)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var times = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out times[i]) || !double.IsFinite(times[i]))
                throw new CliUsageException($"--at expects numbers separated by commas; item {i + 1} is '{parts[i]}'");
            if (times[i] < t0 || times[i] > t1) throw new CliUsageException($"--at time {parts[i]} is outside [t0, t1] = [{t0}, {t1}]");
            if (i > 0 && times[i] <= times[i - 1]) throw new CliUsageException($"--at times must increase ({parts[i - 1]} then {parts[i]})");
        }
        if (times.Length == 0) throw new CliUsageException("--at needs at least one time");
        return times;
    }

    private static string Json(string method, double rtol, double atol, List<string> names, OdeSolution s) => JsonText.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("method", method);
        Numbers.Write(w, "rtol", rtol);
        Numbers.Write(w, "atol", atol);
        w.WriteString("status", s.Status.ToString());
        w.WriteString("message", s.Message);
        w.WriteStartArray("variables");
        foreach (var n in names) w.WriteStringValue(n);
        w.WriteEndArray();
        Numbers.WriteArray(w, "t", s.Times);
        w.WriteStartObject("values");
        for (int i = 0; i < names.Count; i++) Numbers.WriteArray(w, names[i], s.States.Select(y => y[i]));
        w.WriteEndObject();
        w.WriteStartArray("events");
        foreach (var e in s.Events)
        {
            w.WriteStartObject();
            w.WriteString("expression", e.Name);
            Numbers.Write(w, "t", e.Time);
            w.WriteStartObject("state");
            for (int i = 0; i < names.Count; i++) Numbers.Write(w, names[i], e.State[i]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("statistics");
        w.WriteNumber("acceptedSteps", s.Statistics.AcceptedSteps);
        w.WriteNumber("rejectedSteps", s.Statistics.RejectedSteps);
        w.WriteNumber("functionEvaluations", s.Statistics.FunctionEvaluations);
        w.WriteNumber("jacobianEvaluations", s.Statistics.JacobianEvaluations);
        w.WriteNumber("factorizations", s.Statistics.Factorizations);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
