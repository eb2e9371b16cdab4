using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Claims.Results;

namespace ImplicitReg.Reports.Plots;

/// <summary>A figure of a claim and the checks whose evidence it draws.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="CheckIds">The checks it comes from, in file order.</param>
public sealed record ClaimFigure(Figure Figure, IReadOnlyList<string> CheckIds);

/// <summary>
/// Chooses the figures of a claim from the structured evidence of its checks: the gap against the step size for
/// every flow-versus-descent comparison; and, over all recorded runs of the claim together (so that runs at
/// several depths share one figure), singular values over time, |W₁₁| against the loss with the M6 bound,
/// det W over time and component norms over iterations, whenever the runs recorded those columns.
/// </summary>
public static partial class EvidenceFigures
{
    /// <summary>The figures of one claim, in a fixed order; ids are <c>{claim}-{kind}</c>, unique in a report.</summary>
    public static IReadOnlyList<ClaimFigure> For(ClaimResult claim)
    {
        var figures = new List<ClaimFigure>();
        string Id(string kind) => Slug(claim.Id) + "-" + kind;
        foreach (var check in claim.Checks)
        {
            if (check.Details is CompareEvidence { Gaps.Count: >= 2 } compare)
            {
                var figure = ReviewerFigures.GapAgainstStepSize(Id("gap-" + Slug(check.CheckId)),
                    compare.Gaps.Select(g => g.StepSize).ToArray(), compare.Gaps.Select(g => g.Gap).ToArray(),
                    $"check {check.CheckId}" + (compare.OrderBand is { } band
                        ? $", order band [{Num(band.Low)}, {Num(band.High)}]" : ""));
                figures.Add(new ClaimFigure(figure, [check.CheckId]));
            }
        }
        var runs = Runs(claim).ToList();
        AddSingularValues(figures, runs, Id("singular-values"));
        AddW11(figures, runs, Id("w11-vs-loss"));
        AddDeterminant(figures, runs, Id("det"));
        AddComponentNorms(figures, runs, Id("component-norms"));
        return figures;
    }

    /// <summary>A recorded series of a check with the label its legend uses.</summary>
    private sealed record Run(string CheckId, string Label, Series Series, string Description);

    private static IEnumerable<Run> Runs(ClaimResult claim)
    {
        foreach (var check in claim.Checks)
        {
            switch (check.Details)
            {
                case SimulateEvidence sim when sim.Series.Length > 0:
                    yield return new Run(check.CheckId, Label(check.CheckId, sim.Run), sim.Series, sim.Run);
                    break;
                case CompareEvidence cmp:
                    foreach (var s in cmp.Series.Where(s => s.Length > 0 && Sigmas(s).Count > 0))
                        yield return new Run(check.CheckId, $"{check.CheckId} ({s.Name})", s, s.Name);
                    break;
            }
        }
    }

    private static void AddSingularValues(List<ClaimFigure> figures, List<Run> runs, string id)
    {
        var chosen = runs.Where(r => Time(r.Series) is not null && Sigmas(r.Series).Count > 0).ToList();
        if (chosen.Count == 0) return;
        var recorded = chosen.Select(r =>
        {
            var sigmas = Sigmas(r.Series);
            var rows = Enumerable.Range(0, r.Series.Length).Select(k => sigmas.Select(c => c.Values[k]).ToArray()).ToArray();
            return new RecordedRun(r.Label, Time(r.Series)!.Values, rows);
        }).ToList();
        figures.Add(new ClaimFigure(ReviewerFigures.SingularValuesByDepth(id, recorded, Setting(chosen)), chosen.Select(r => r.CheckId).ToList()));
    }

    private static void AddW11(List<ClaimFigure> figures, List<Run> runs, string id)
    {
        var chosen = runs.Where(r => r.Series.Column("loss") is not null && W11(r.Series) is not null).ToList();
        if (chosen.Count == 0) return;
        // One loss constant per figure: the bound is drawn once. Runs with another constant get their own figure.
        foreach (var group in chosen.GroupBy(r => LossConstant(r.Description) ?? 0.5))
        {
            var recorded = group.Select(r =>
            {
                var loss = r.Series.Column("loss")!.Values;
                var w11 = W11(r.Series)!.Values;
                var det = Det(r.Series)?.Values;
                var rows = Enumerable.Range(0, r.Series.Length).Select(k => new[] { loss[k], w11[k], det?[k] ?? double.NaN }).ToArray();
                return new RecordedRun(r.Label, loss, rows);
            }).ToList();
            var suffix = figures.Any(f => f.Figure.Id == id) ? "-c" + Slug(Num(group.Key)) : "";
            figures.Add(new ClaimFigure(ReviewerFigures.W11AgainstLoss(id + suffix, recorded, group.Key, Setting(group.ToList())),
                group.Select(r => r.CheckId).ToList()));
        }
    }

    private static void AddDeterminant(List<ClaimFigure> figures, List<Run> runs, string id)
    {
        var chosen = runs.Where(r => Time(r.Series) is not null && Det(r.Series) is not null).ToList();
        if (chosen.Count == 0) return;
        var recorded = chosen.Select(r => new RecordedRun(r.Label, Time(r.Series)!.Values,
            Det(r.Series)!.Values.Select(d => new[] { d }).ToArray())).ToList();
        figures.Add(new ClaimFigure(ReviewerFigures.DeterminantOverTime(id, recorded, Setting(chosen)), chosen.Select(r => r.CheckId).ToList()));
    }

    private static void AddComponentNorms(List<ClaimFigure> figures, List<Run> runs, string id)
    {
        foreach (var run in runs.Where(r => r.Series.Column("step") is not null && Norms(r.Series).Count > 0))
        {
            var norms = Norms(run.Series);
            var rows = Enumerable.Range(0, run.Series.Length).Select(k => norms.Select(c => c.Values[k]).ToArray()).ToArray();
            var figureId = runs.Count(r => Norms(r.Series).Count > 0) > 1 ? id + "-" + Slug(run.CheckId) : id;
            figures.Add(new ClaimFigure(ReviewerFigures.ComponentNorms(figureId, run.Series.Column("step")!.Values, rows, 5,
                $"check {run.CheckId}: {run.Description}"), [run.CheckId]));
        }
    }

    private static SeriesColumn? Time(Series s) => s.Column("time") ?? s.Column("t");

    private static SeriesColumn? Det(Series s) => s.Column("det") ?? s.Column("det W") ?? s.Column("detW");

    private static SeriesColumn? W11(Series s) =>
        s.Column("W[1;1]") ?? s.Column("W[1,1]") ?? s.Column("W11") ?? s.Column("W_11");

    private static List<SeriesColumn> Sigmas(Series s) => Numbered(s, SigmaName());

    private static List<SeriesColumn> Norms(Series s) => Numbered(s, NormName());

    private static List<SeriesColumn> Numbered(Series s, Regex pattern) =>
        s.Columns.Select(c => (Column: c, Match: pattern.Match(c.Name))).Where(p => p.Match.Success)
            .OrderBy(p => int.Parse(p.Match.Groups[1].Value, CultureInfo.InvariantCulture)).Select(p => p.Column).ToList();

    /// <summary>The loss constant c stated in a run description (<c>c = 0.5</c>, or the loss name), or null.</summary>
    public static double? LossConstant(string description)
    {
        var m = ConstantText().Match(description);
        if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c > 0) return c;
        if (description.Contains("half-sse", StringComparison.Ordinal)) return 0.5;
        return null;
    }

    // A legend label: the depth when the run states it (the reader compares depths), else the check id.
    private static string Label(string checkId, string description)
    {
        var m = DepthText().Match(description);
        return m.Success ? $"depth {m.Groups[1].Value} ({checkId})" : checkId;
    }

    private static string Setting(IReadOnlyList<Run> runs) =>
        string.Join("; ", runs.Select(r => $"{r.CheckId}: {r.Description}"));

    /// <summary>Lower-case letters, digits and '-' only: safe in file names and HTML ids.</summary>
    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = MultiDash().Replace(new string(chars), "-").Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }

    private static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:sigma|σ|sv)_?(\d+)$")]
    private static partial Regex SigmaName();

    [GeneratedRegex(@"^(?:norm|component_norm)_?(\d+)$")]
    private static partial Regex NormName();

    [GeneratedRegex(@"\bc = ([0-9.eE+-]+)")]
    private static partial Regex ConstantText();

    [GeneratedRegex(@"\bdepth (\d+)")]
    private static partial Regex DepthText();

    [GeneratedRegex("-+")]
    private static partial Regex MultiDash();
}
