using ImplicitReg.Experiments.Sweeps;
using MathNet.Numerics.Statistics;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// The median over the runs of a group (the seeds of one setting): the one median behind the reproductions'
/// tables, claim checks and figures, so that a table and the figure drawn from the same runs always agree.
/// </summary>
/// <remarks>
/// Rule for non-finite values: a run that diverged records a non-finite value (NaN or ±∞), and a group holding one
/// has no median: the result is NaN, printed as <c>NaN</c> in a table and not drawn in a figure (whose caption
/// names the group). Never the median of the runs that survived, which shows the group as good as its finite seeds
/// while one of them blew up; nor NaN ordered like a number (.NET sorts it below every value, so a group of three
/// with one diverged run would report its best finite run as the median).
/// </remarks>
public static class RunMedian
{
    /// <summary>
    /// The median of <paramref name="values"/> (the middle value, or the mean of the two middle ones); NaN when there
    /// are none or when any is not finite.
    /// </summary>
    /// <example><c>Of([3, 1, 2])</c> is 2; <c>Of([1, 2, double.NaN])</c> is NaN; <c>Of([])</c> is NaN.</example>
    public static double Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0 || !v.All(double.IsFinite)) return double.NaN;
        // MathNet's median of finite data: the middle order statistic, or (a + b) / 2 of the two middle ones.
        return ArrayStatistics.MedianInplace(v);
    }

    /// <summary>
    /// The median reconstruction error of <paramref name="runs"/> (each record's <c>reconstruction</c>), by the rule
    /// above: NaN when a run diverged. The one place the E1 and E3 tables, claims and figures take it from.
    /// </summary>
    public static double OfErrors(IEnumerable<RunRecord> runs) => Of(runs.Select(r => r.Number("reconstruction")));
}
