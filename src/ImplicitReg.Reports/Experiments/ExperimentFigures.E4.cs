using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Experiments;

public static partial class ExperimentFigures
{
    /// <summary>
    /// E4: per observation pattern of the 3×3 PSD completions, how many problems have a unique certified
    /// minimum-trace completion and how many flows from the smallest α reach it; and for the x = u∘u corollary, each
    /// problem's relative ℓ₁ distance to the exact minimum-ℓ₁ solution against α, with the match tolerance dashed.
    /// </summary>
    private static List<Figure> E4(ExperimentSection section)
    {
        var figures = new List<Figure>();
        var psd = section.Records.Where(r => r.Text("kind") == "psd").ToList();
        var uu = section.Records.Where(r => r.Text("kind") == "uu").ToList();
        static bool Converged(RunRecord r) => r.Numbers("converged").All(c => c == 1);
        if (psd.Count > 0)
        {
            var patterns = psd.Select(r => r.Text("pattern")).Distinct().ToList();
            var xs = Enumerable.Range(1, patterns.Count).Select(i => (double)i).ToArray();
            var decided = patterns.Select(p => psd.Where(r => r.Text("pattern") == p && r.Text("class") == "unique" && Converged(r)).ToList()).ToList();
            var unique = decided.Select(d => (double)d.Count).ToArray();
            var matched = decided.Select(d => (double)d.Count(r => r.Numbers("distance")[^1] <= E4Summary.MatchTolerance)).ToArray();
            var alpha = F(psd[0].Numbers("alphas")[^1]);
            var names = string.Join(", ", patterns.Select((p, i) => $"{i + 1} = {p}"));
            figures.Add(new Figure(Id(section, "matches-by-pattern"), "Flows that reach the minimum-trace completion, by observation pattern",
                $"For each pattern of observed entries of the symmetric 3×3 matrix (numbered: {names}; ij is entry (i,j)), the number of " +
                $"problems with a unique, certified minimum-trace completion whose flows all converged, and the number whose flow on X = UUᵀ " +
                $"from U(0) = αI ends, at α = {alpha}, within relative Frobenius distance {F(E4Summary.MatchTolerance)} of it. Gunasekar et al. " +
                "(2017) conjecture that with a small initialization the flow converges to the minimum-trace (nuclear-norm) completion: the " +
                "two markers should coincide for every pattern; a gap is a problem where the flow's limit is another completion.",
                new PlotAxis("observation pattern", "number, see caption"),
                new PlotAxis("problems", "count"),
                [new PlotSeries("unique minimum-trace problems", xs, unique, SeriesKind.MeasuredPoints),
                 new PlotSeries($"flow matches at α = {alpha}", xs, matched, SeriesKind.MeasuredPoints)], []));
        }
        if (uu.Count > 0)
        {
            var series = new List<PlotSeries>();
            var alphas = uu[0].Numbers("alphas");
            foreach (var r in uu.Where(r => r.Number("lpUnique") == 1 && double.IsFinite(r.Number("minL1"))))
                series.Add(new PlotSeries($"problem {r.Id}", r.Numbers("alphas"), r.Numbers("distance").Select(d => d > 0 ? d : double.NaN).ToArray(),
                    SeriesKind.MeasuredPoints));
            if (series.Count > 0)
            {
                series.Add(new PlotSeries($"match tolerance {F(E4Summary.UuTolerance)}", [alphas.Max(), alphas.Min()], [E4Summary.UuTolerance, E4Summary.UuTolerance],
                    SeriesKind.Prediction));
                figures.Add(new Figure(Id(section, "uu-distance-vs-alpha"), "x = u∘u: distance to the minimum-ℓ₁ solution against α",
                    "Relative ℓ₁ distance ‖x_flow − x_ℓ₁‖₁ / ‖x_ℓ₁‖₁ between the limit of gradient flow on ½‖A(u∘u) − y‖² from u(0) = α·1 and the " +
                    "exact minimum-ℓ₁ non-negative solution of Ax = y (rational simplex; problems whose optimum is unique), against α, log–log, " +
                    "α falling from left to right. Gunasekar et al. (2017) show that as α → 0 the flow's limit is the minimum-ℓ₁ solution: " +
                    "every line should fall towards the left-to-right end and finish below the dashed tolerance.",
                    new PlotAxis("initialization α", "entry units of u", AxisScale.Logarithmic, Reversed: true),
                    new PlotAxis("relative ℓ₁ distance", "dimensionless", AxisScale.Logarithmic),
                    series, []));
            }
        }
        return figures;
    }
}
