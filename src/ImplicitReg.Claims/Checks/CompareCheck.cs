using System.Globalization;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.FlowVsDescent;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Claims.Checks;

/// <summary>
/// A compare check. flow-vs-gd: the layer flow derived by the kernel, integrated, against gradient descent with
/// η, η/2, …; verified when the observed order of every halving falls in the claim's band (<see cref="OrderBand"/>),
/// refuted when one does not, unknown when a gap is 0 or not finite. singular-values:
/// σ(t) of the flow against the σ-equation and its closed form; verified when both deviations are within the
/// tolerance, refuted when not.
/// </summary>
internal static class CompareCheck
{
    public static (CheckVerdict Verdict, string Evidence, string? Reason, CheckEvidence Details) Run(CompareCheckSpec spec, CheckContext context)
    {
        var setup = DmfSetup.Build(spec.Run, new DmfDefaults("2x2", 0.5, true, LayerFlowSystem.MaxParameters));
        var flow = LayerFlowSystem.Derive(setup.Problem);
        return spec.Comparison == "flow-vs-gd" ? FlowVsGd(spec, setup, flow, context) : SingularValues(spec, setup, flow, context);
    }

    private static (CheckVerdict, string, string?, CheckEvidence) FlowVsGd(CompareCheckSpec spec, DmfSetup setup, LayerFlowSystem flow, CheckContext context)
    {
        var options = new FlowVsDescentOptions(spec.LearningRate, spec.Horizon, spec.Halvings, spec.RelativeTolerance, spec.AbsoluteTolerance);
        var report = FlowVsDescentCheck.Run(flow, setup.Problem, setup.InitialLayers, options, context.Cancel);
        var gaps = report.Rows.Select(r => new GapEvidence(r.LearningRate, r.Steps, r.Gap, r.ObservedOrder)).ToList();
        var series = new Series("gap against step size",
        [
            new SeriesColumn("lr", report.Rows.Select(r => r.LearningRate).ToList()),
            new SeriesColumn("gap", report.Rows.Select(r => r.Gap).ToList()),
        ]);
        var (lo, hi) = spec.OrderBand!.Value;
        var details = new CompareEvidence("flow-vs-gd", gaps, report.Order, (lo, hi), null, [series]);
        var table = string.Join("; ", gaps.Select(g => $"lr {F(g.StepSize)}: gap {g.Gap.ToString("E3", CultureInfo.InvariantCulture)}" +
                                                        (g.Order is { } o ? $", order {o.ToString("F4", CultureInfo.InvariantCulture)}" : "")));
        if (report.Diverged is { } d)
            return (CheckVerdict.Error, $"GD diverged at lr {F(d.LearningRate)}",
                $"gradient descent with lr {F(d.LearningRate)} overflowed at step {d.Step}: lower options.lr; {table}", details);
        var order = report.Order.ToString("F4", CultureInfo.InvariantCulture);
        var band = $"[{F(lo)}, {F(hi)}]";
        var judged = OrderBand.Judge(report.Rows, lo, hi);
        return judged.Outcome switch
        {
            OrderOutcome.InBand => (CheckVerdict.Verified, $"order {order} in {band}", null, details),
            OrderOutcome.OutOfBand => (CheckVerdict.Refuted, $"order {judged.Order!.Value.ToString("F4", CultureInfo.InvariantCulture)} outside {band}",
                $"{judged.Why} (line {spec.OrderLocation?.Line}); every halving must be in the band; gaps: {table}", details),
            _ => (CheckVerdict.Unknown, double.IsFinite(report.Order) ? $"order {order}" : "no order", $"{judged.Why}; gaps: {table}", details),
        };
    }

    private static (CheckVerdict, string, string?, CheckEvidence) SingularValues(CompareCheckSpec spec, DmfSetup setup, LayerFlowSystem flow, CheckContext context)
    {
        var report = SingularValueCheck.Run(flow, setup.Problem, setup.InitialLayers, spec.Horizon, spec.Samples,
            Math.Max(spec.RelativeTolerance, 1e-13), Math.Max(spec.AbsoluteTolerance, 1e-15), context.Cancel);
        int k = report.Samples.Count == 0 ? 0 : report.Samples[0].FromSvd.Length;
        var columns = new List<SeriesColumn> { new("time", report.Samples.Select(s => s.Time).ToList()) };
        for (int r = 0; r < k; r++)
        {
            int i = r;
            columns.Add(new SeriesColumn($"sigma{r + 1}", report.Samples.Select(s => s.FromSvd[i]).ToList()));
            columns.Add(new SeriesColumn($"sigma{r + 1}_equation", report.Samples.Select(s => s.FromEquation[i]).ToList()));
            columns.Add(new SeriesColumn($"sigma{r + 1}_closed_form", report.Samples.Select(s => s.FromClosedForm[i]).ToList()));
        }
        double worst = Math.Max(report.EquationDeviation, report.ClosedFormDeviation);
        var details = new CompareEvidence("singular-values", [], null, null, worst, [new Series("singular values along the flow", columns)]);
        var text = $"deviation {worst.ToString("E2", CultureInfo.InvariantCulture)} (tolerance {F(spec.Tolerance)})";
        if (!report.ReachedHorizon)
            return (CheckVerdict.Refuted, "stopped early", $"the sigma-equation integration stopped before T = {F(spec.Horizon)}: {report.Message}", details);
        return worst <= spec.Tolerance
            ? (CheckVerdict.Verified, text, null, details)
            : (CheckVerdict.Refuted, text,
                $"sigma from the SVD and from M4 differ by {worst.ToString("E3", CultureInfo.InvariantCulture)} (equation {report.EquationDeviation.ToString("E3", CultureInfo.InvariantCulture)}, closed form {report.ClosedFormDeviation.ToString("E3", CultureInfo.InvariantCulture)}) > tolerance {F(spec.Tolerance)}; balancedness at t = 0: {F(report.InitialBalancedness)}", details);
    }

    private static string F(double v) => RunText.Short(v);
}
