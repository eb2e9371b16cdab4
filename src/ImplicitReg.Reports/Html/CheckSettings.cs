using System.Globalization;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// What a check ran with, as its claim file states it, and the one command that runs it again. The results carry
/// verdicts and evidence; a reviewer also needs the step size, the initialization, the horizon, the tolerances and
/// the seed behind a numerical verdict, and a way to repeat it.
/// </summary>
public static class CheckSettings
{
    /// <summary>One line of settings for a numerical or solver check, or null when the evidence already shows them (derive).</summary>
    public static string? Describe(CheckSpec spec) => spec switch
    {
        SimulateCheckSpec s => "gradient descent run " + Run(s.Run, "simulate") + "; the predicates are evaluated at the recorded steps only",
        CompareCheckSpec c => Compare(c),
        ProveCheckSpec p => Invariant($"every solver call limited to {p.TimeoutMs} ms; free symbols range over all reals"),
        _ => null,
    };

    /// <summary>
    /// The seed of a numerical check's random choices (the initialization), or null for a check that draws none;
    /// a run without <c>seed</c> uses 0.
    /// </summary>
    public static int? Seed(CheckSpec spec) => spec switch
    {
        SimulateCheckSpec s => s.Run.Seed ?? 0,
        CompareCheckSpec c => c.Run.Seed ?? 0,
        _ => null,
    };

    /// <summary>The command that runs exactly this check again (with every other check whose id contains the same text).</summary>
    public static string Reproduce(string file, string claimId, string checkId) =>
        $"implicitreg verify {Quote(file)} --filter {Quote(claimId + "/" + checkId)}";

    /// <summary>
    /// The command that runs <paramref name="check"/> again (naming its claim's file) and the other checks it also
    /// runs (<see cref="AlsoRun"/>): the HTML and Markdown reports show the same pair.
    /// </summary>
    public static (string Command, IReadOnlyList<string> AlsoRuns) Rerun(Claims.Results.VerificationResult result, Claims.Results.CheckResult check)
    {
        var file = result.Claims.FirstOrDefault(c => c.Id == check.ClaimId)?.File ?? check.Location.File;
        return (Reproduce(file, check.ClaimId, check.CheckId), AlsoRun(result, check.ClaimId, check.CheckId));
    }

    /// <summary>
    /// The other checks of the claim that the command of <see cref="Reproduce"/> also runs: its filter
    /// matches every claim/check id that contains it (<c>m6/bound</c> selects <c>m6/bound-without-half</c> too).
    /// </summary>
    public static IReadOnlyList<string> AlsoRun(Claims.Results.VerificationResult result, string claimId, string checkId)
    {
        var filter = claimId + "/" + checkId;
        // The command names the claim's file, so only that claim's checks can run.
        return result.Checks.Where(c => c.ClaimId == claimId).Select(c => c.ClaimId + "/" + c.CheckId)
            .Where(id => id != filter && id.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static string Compare(CompareCheckSpec c)
    {
        var steps = Enumerable.Range(0, c.Halvings + 1).Select(k => HtmlText.Number(c.LearningRate / Math.Pow(2, k)));
        var what = c.Comparison == "flow-vs-gd"
            ? $"gradient descent with step sizes η = {string.Join(", ", steps)} against the derived flow on [0, {HtmlText.Number(c.Horizon)}]"
            : $"gradient descent with step size η = {HtmlText.Number(c.LearningRate)} against the singular-value equation on [0, {HtmlText.Number(c.Horizon)}] at {c.Samples} times";
        return $"{what}; flow integrated with relative tolerance {HtmlText.Number(c.RelativeTolerance)}, absolute {HtmlText.Number(c.AbsoluteTolerance)}; model {Run(c.Run, "compare")}";
    }

    // The options the file gives, by their command-line names; those it leaves out take the command's defaults. The seed
    // is always shown: a run without one uses 0.
    private static string Run(RunSpec r, string command)
    {
        var parts = new List<string> { r.Model };
        void Add(string name, object? value)
        {
            if (value is not null) parts.Add($"{name} {(value is double d ? HtmlText.Number(d) : Convert.ToString(value, CultureInfo.InvariantCulture))}");
        }
        Add("problem", r.Problem);
        Add("depth", r.Depth);
        Add("shape", r.Shape);
        Add("dims", r.Dims);
        Add("sizes", r.Sizes);
        Add("size", r.Size);
        Add("hidden", r.Hidden);
        Add("rank", r.Rank);
        Add("components", r.Components);
        Add("columns", r.Columns);
        Add("observed", r.Observed);
        Add("sensing", r.Sensing);
        Add("loss", r.Loss);
        Add("init", r.Init);
        Add("init-scale", r.InitScale);
        Add("init-std", r.InitStd);
        if (r.PositiveDet is { } positive) parts.Add(positive ? "positive-det" : "positive-det false");
        Add("optimizer", r.Optimizer);
        Add("eps", r.Epsilon);
        Add("lr", r.LearningRate);
        Add("steps", r.Steps);
        Add("stop-loss", r.StopLoss);
        Add("record-every", r.RecordEvery);
        Add("entries", r.Entries);
        parts.Add(Invariant($"seed {r.Seed ?? 0}"));
        return "(" + string.Join(", ", parts) + $"; other options: the defaults of implicitreg {command})";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    // POSIX shell quoting for a path or filter with characters the shell would split or expand.
    private static string Quote(string s) =>
        s.All(ch => char.IsAsciiLetterOrDigit(ch) || "/._-+,:=@".Contains(ch, StringComparison.Ordinal)) ? s : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
