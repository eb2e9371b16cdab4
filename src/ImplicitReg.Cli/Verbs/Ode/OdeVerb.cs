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
public sealed class OdeVerb : ILegacyCliVerb
{
    public string Name => "ode";

    public string Summary => "solve an ODE system given as equations (dopri5, rk4, stiff)";

    public string Usage =>
        """
        usage: implicitreg ode solve --equations "x' = -y; y' = x" --init "x=1, y=0" --t1 10 [options]

          --equations TEXT|@FILE|-   equations name' = rhs separated by ';' or newlines ('#' comments);
                                     right sides may use t and every variable
          --init "x=1, y=0"          initial values (numbers or constant expressions such as sqrt(2))
          --t0 T0                    start time (default 0)
          --t1 T1                    end time (required)
          --method dopri5|rk4|stiff  adaptive Dormand-Prince 5(4) (default), fixed-step RK4, Rosenbrock 2(3)
          --rtol R, --atol A         tolerances of the adaptive methods (default 1e-8, 1e-10)
          --step H                   step of rk4 (default (t1 - t0)/1000)
          --at 1,2,3                 report these times only (default: every accepted step)
          --event EXPR               report where EXPR crosses zero (repeatable)
          --stop-at-event            end the run at the first event
          --max-steps K              most accepted steps (default 10000000)
          --format csv|json          (default csv: header t,<variables>, one row per reported time)
        exit: 0 solved, 2 bad input, 3 step limit, 4 blow-up (NaN/overflow or step size underflow), 130 interrupted
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["stop-at-event"]);
        if (a.Positionals.Count != 1 || a.Positionals[0] != "solve")
            throw new CliUsageException("the ode command has one subcommand: implicitreg ode solve --equations ... --init ... --t1 ...");
        var equationsText = CliInput.ReadText(a.Required("equations"), io, "equations");
        var initText = a.Required("init");
        var t0 = a.Double("t0", 0);
        var t1 = a.Double("t1", double.NaN);
        if (a.Option("t1") is null) throw new CliUsageException("missing required option --t1 (the end time)");
        if (!(t1 >= t0)) throw new CliUsageException($"--t1 ({t1}) must not be before --t0 ({t0})");
        var method = a.Choice("method", "dopri5", "dopri5", "rk4", "stiff");
        var rtol = a.Double("rtol", 1e-8);
        var atol = a.Double("atol", 1e-10);
        if (rtol < 0 || atol < 0 || rtol + atol == 0) throw new CliUsageException("--rtol and --atol must be non-negative and not both zero");
        var step = a.Double("step", (t1 - t0) / 1000);
        if (method == "rk4" && !(step > 0)) throw new CliUsageException("--step must be positive");
        var at = a.Option("at") is { } atText ? Times(atText, t0, t1) : null;
        var eventTexts = a.Options("event");
        bool stopAtEvent = a.Flag("stop-at-event");
        long maxSteps = a.Long("max-steps", 10_000_000);
        bool json = a.Choice("format", "csv", "csv", "json") == "json";
        a.EnsureAllUsed();

        var equations = EquationText.ParseEquations(equationsText);
        var system = CompiledSystem.Compile(equations);
        var y0 = EquationText.ParseInitialValues(initText, system.Variables);
        var events = eventTexts.Select((text, i) => Event(text, i, system, stopAtEvent)).ToList();

        var odeMethod = method switch { "rk4" => OdeMethod.RungeKutta4, "stiff" => OdeMethod.Rosenbrock23, _ => OdeMethod.DormandPrince5 };
        var names = system.Variables.Select(v => v.Name).ToList();
        var bar = new ProgressBar(io, "ode solve", t1 - t0);
        if (!json) io.Out.WriteLine(string.Join(",", new[] { "t" }.Concat(names.Select(Quote))));
        var options = new OdeOptions
        {
            RelativeTolerance = rtol,
            AbsoluteTolerance = atol,
            FixedStep = method == "rk4" ? step : null,
            OutputTimes = at,
            StoreOutput = json,
            OnOutput = json ? null : (t, y) => io.Out.WriteLine(Numbers.Exact(t) + "," + string.Join(",", y.Select(Numbers.Exact))),
            Events = events,
            Jacobian = method == "stiff" ? system.CompileJacobian() : null,
            MaxSteps = maxSteps,
            OnStep = t => bar.Report(t - t0),
            Cancel = io.Cancel,
        };
        OdeSolution solution;
        try
        {
            solution = OdeSolver.Solve(odeMethod, system.Function, t0, y0, t1, options);
        }
        finally
        {
            bar.Finish();
            io.Out.Flush();
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
