using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Verbs.Simulate;
using ImplicitReg.Experiments.FlowVsDescent;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Compare;

/// <summary>
/// <c>implicitreg compare flow-vs-gd</c> (M9): the derived layer flow, integrated, against GD with η, η/2, η/4,
/// η/8 over the same horizon; prints the largest gaps and the observed order (≈ 1). <c>compare singular-values</c>
/// (M4): the singular values of W(t) along the flow against the σ-equation driven by the measured ⟨G, u vᵀ⟩.
/// </summary>
public sealed class CompareVerb : ILegacyCliVerb
{
    /// <summary>The observed order must be within this of 1 for exit 0 (first order, allowing the O(η) shift).</summary>
    public const double OrderTolerance = 0.2;

    /// <summary>Largest relative deviation of the σ-equation from the SVD accepted as agreement (integration error ≪ this).</summary>
    public const double SigmaTolerance = 1e-6;

    public string Name => "compare";

    public string Summary => "check the ODEs against discrete GD (flow-vs-gd, M9) and M4 along trajectories";

    public string Usage =>
        "usage: implicitreg compare flow-vs-gd [model options] [--lr ETA] [--time T] [--halvings K] [--format text|json]\n" +
        "       implicitreg compare singular-values [model options] [--time T] [--samples K] [--format text|json]\n\n" +
        "flow-vs-gd integrates the layer flow derived symbolically by ImplicitReg.Models (compiled), runs GD with\n" +
        "ETA, ETA/2, ..., ETA/2^K over [0, T] from the same start, and reports the largest gap to the flow at the\n" +
        "common times and the observed order log2(gap(ETA)/gap(ETA/2)).\n" +
        "singular-values integrates the flow with the sigma-equation of M4 alongside and compares with the SVD.\n\n" +
        "model options (as simulate dmf; defaults --problem 2x2 --depth 3 --init gaussian --init-std 0.5 --positive-det,\n" +
        "and --init balanced for singular-values):\n" + DmfOptions.Help +
        """

          --lr ETA        largest step (default 0.01)
          --time T        horizon (default 10)
          --halvings K    step sizes ETA ... ETA/2^K (default 3)
          --samples K     times compared by singular-values (default 50)
          --rtol, --atol  flow integration tolerances (default 1e-12, 1e-14)
        exit: 0 agreement (order within 0.2 of 1; sigma deviation below 1e-6), 1 disagreement, 2 bad options, 4 GD diverged
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["positive-det"]);
        if (a.Positionals.Count != 1 || a.Positionals[0] is not ("flow-vs-gd" or "singular-values"))
            throw new CliUsageException("use: implicitreg compare flow-vs-gd ... or implicitreg compare singular-values ...");
        bool sigma = a.Positionals[0] == "singular-values";
        if (sigma && a.Option("init") is null) a = CliArgs.Parse([.. args, "--init", "balanced"], ["positive-det"]);
        var model = DmfOptions.Read(a, defaultProblem: "2x2", defaultStd: 0.5, defaultPositiveDet: true, maxEntries: LayerFlowSystem.MaxParameters);
        double lr = a.Double("lr", 0.01);
        double time = a.Double("time", 10);
        int halvings = a.Int("halvings", 3);
        int samples = a.Int("samples", 50);
        double rtol = a.Double("rtol", 1e-12), atol = a.Double("atol", 1e-14);
        bool json = a.Choice("format", "text", "text", "json") == "json";
        a.EnsureAllUsed();
        if (!(lr > 0) || !(time > 0)) throw new CliUsageException("--lr and --time must be positive");
        if (halvings < 1 || halvings > 12) throw new CliUsageException("--halvings must be between 1 and 12");
        if (samples < 1) throw new CliUsageException("--samples must be positive");

        LayerFlowSystem flow;
        try
        {
            flow = LayerFlowSystem.Derive(model.Problem);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        return sigma
            ? SingularValues(io, model, flow, time, samples, rtol, atol, json)
            : FlowVsGd(io, model, flow, new FlowVsDescentOptions(lr, time, halvings, rtol, atol), json);
    }

    private static int FlowVsGd(CliIO io, DmfSetup model, LayerFlowSystem flow, FlowVsDescentOptions options, bool json)
    {
        var bar = new ProgressBar(io, "compare", options.Halvings + 2);
        int stage = 0;
        FlowVsDescentReport report;
        try
        {
            report = FlowVsDescentCheck.Run(flow, model.Problem, model.InitialLayers, options, io.Cancel, _ => bar.Report(stage++));
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        finally
        {
            bar.Finish();
        }
        bool agrees = report.Diverged is null && Math.Abs(report.Order - 1) <= OrderTolerance;
        if (json)
        {
            io.Out.Write(JsonText.Render(w =>
            {
                w.WriteStartObject();
                w.WriteString("check", "flow-vs-gd");
                w.WriteNumber("seed", model.Seed);
                w.WriteString("problem", model.Problem.Name);
                w.WriteString("loss", Models.Losses.LossScales.Name(model.Problem.Loss.Scale));
                w.WriteString("init", model.DescribeInit());
                w.WriteNumber("equations", flow.Compiled.Dimension);
                Numbers.Write(w, "time", options.Horizon);
                w.WriteNumber("comparedTimes", report.ComparedTimes);
                w.WriteStartArray("rows");
                foreach (var r in report.Rows)
                {
                    w.WriteStartObject();
                    Numbers.Write(w, "lr", r.LearningRate);
                    w.WriteNumber("steps", r.Steps);
                    Numbers.Write(w, "gap", r.Gap);
                    if (r.ObservedOrder is { } o) Numbers.Write(w, "order", o);
                    else w.WriteNull("order");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Numbers.Write(w, "order", report.Order);
                w.WriteBoolean("firstOrder", agrees);
                Numbers.Write(w, "flowFinalLoss", report.FinalFlowLoss);
                w.WriteNumber("flowSteps", report.FlowStatistics.AcceptedSteps);
                if (report.Diverged is { } d)
                {
                    w.WriteStartObject("diverged");
                    Numbers.Write(w, "lr", d.LearningRate);
                    w.WriteNumber("step", d.Step);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }));
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"seed: {model.Seed}");
            o.WriteLine($"problem: {model.DescribeProblem()}");
            o.WriteLine($"init: {model.DescribeInit()}");
            o.WriteLine($"flow: {flow.Compiled.Dimension} equations derived by ImplicitReg.Models (LayerFlow.Derive), compiled; " +
                        $"dopri5 rtol {Numbers.Short(options.RelativeTolerance)}, {report.FlowStatistics.AcceptedSteps} steps; loss at T {Numbers.Short(report.FinalFlowLoss)}");
            o.WriteLine($"horizon T = {Numbers.Short(options.Horizon)}, gaps max_k |theta_GD(t_k) - theta_GF(t_k)|_inf over {report.ComparedTimes} common times");
            o.WriteLine($"{"lr",-12} {"steps",9} {"max gap",-14} order");
            foreach (var r in report.Rows)
                o.WriteLine($"{Numbers.Short(r.LearningRate),-12} {r.Steps,9} {r.Gap.ToString("E4", CultureInfo.InvariantCulture),-14} {(r.ObservedOrder is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "")}");
            o.WriteLine($"order: {report.Order.ToString("F4", CultureInfo.InvariantCulture)} " +
                        (agrees ? "(GD tracks the flow at first order)" : "(NOT first order: GD does not track this flow)"));
        }
        if (report.Diverged is { } div)
        {
            io.Err.WriteLine($"diverged: GD with lr {Numbers.Short(div.LearningRate)} became NaN or overflowed at step {div.Step}; lower --lr");
            return ExitCodes.Diverged;
        }
        return agrees ? ExitCodes.Ok : ExitCodes.Refuted;
    }

    private static int SingularValues(CliIO io, DmfSetup model, LayerFlowSystem flow, double time, int samples, double rtol, double atol, bool json)
    {
        var report = SingularValueCheck.Run(flow, model.Problem, model.InitialLayers, time, samples, Math.Max(rtol, 1e-13), Math.Max(atol, 1e-15), io.Cancel);
        bool agrees = report.ReachedHorizon && report.EquationDeviation <= SigmaTolerance && report.ClosedFormDeviation <= SigmaTolerance;
        if (json)
        {
            io.Out.Write(JsonText.Render(w =>
            {
                w.WriteStartObject();
                w.WriteString("check", "singular-values");
                w.WriteNumber("seed", model.Seed);
                w.WriteString("problem", model.Problem.Name);
                w.WriteString("init", model.DescribeInit());
                Numbers.Write(w, "initialBalancedness", report.InitialBalancedness);
                Numbers.Write(w, "equationDeviation", report.EquationDeviation);
                Numbers.Write(w, "closedFormDeviation", report.ClosedFormDeviation);
                w.WriteBoolean("reachedHorizon", report.ReachedHorizon);
                w.WriteBoolean("agrees", agrees);
                w.WriteStartArray("samples");
                foreach (var s in report.Samples)
                {
                    w.WriteStartObject();
                    Numbers.Write(w, "t", s.Time);
                    Numbers.WriteArray(w, "svd", s.FromSvd);
                    Numbers.WriteArray(w, "equation", s.FromEquation);
                    Numbers.WriteArray(w, "closedForm", s.FromClosedForm);
                    Numbers.WriteArray(w, "alignment", s.Alignment);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            var o = io.Out;
            o.WriteLine($"seed: {model.Seed}");
            o.WriteLine($"problem: {model.DescribeProblem()}");
            o.WriteLine($"init: {model.DescribeInit()}; balancedness at t = 0: {Numbers.Short(report.InitialBalancedness)}");
            o.WriteLine($"M4 along the derived flow over [0, {Numbers.Short(time)}], {report.Samples.Count} samples:");
            var first = report.Samples[0];
            var last = report.Samples[^1];
            o.WriteLine($"  sigma(0)            {string.Join(" ", first.FromSvd.Select(Numbers.Short))}");
            o.WriteLine($"  sigma(T) from SVD   {string.Join(" ", last.FromSvd.Select(Numbers.Short))}");
            o.WriteLine($"  sigma(T) sigma-ODE  {string.Join(" ", last.FromEquation.Select(Numbers.Short))}");
            o.WriteLine($"  max relative deviation: sigma-equation {Numbers.Short(report.EquationDeviation)}, closed form {Numbers.Short(report.ClosedFormDeviation)}");
            if (!report.ReachedHorizon) o.WriteLine($"  the sigma-equation stopped early: {report.Message}");
            o.WriteLine(agrees ? "M4 holds along this trajectory" : "M4 does NOT hold along this trajectory (is the start balanced?)");
        }
        return agrees ? ExitCodes.Ok : ExitCodes.Refuted;
    }
}
