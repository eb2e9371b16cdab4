using System.Globalization;

namespace ImplicitReg.Experiments.FlowVsDescent;

/// <summary>What <see cref="OrderBand.Judge"/> concluded from a table of gaps.</summary>
public enum OrderOutcome
{
    /// <summary>Every observed order lies in the band.</summary>
    InBand,
    /// <summary>An observed order lies outside the band (the first such pair is named).</summary>
    OutOfBand,
    /// <summary>No order can be observed: a run blew up, or a gap is 0, NaN or infinite.</summary>
    Undecided,
}

/// <summary>The judgement of a gap table against an order band, with the order it rests on and why.</summary>
/// <param name="Outcome">In the band, outside it, or undecided.</param>
/// <param name="Order">
/// In the band: the order at the finest pair of step sizes (the one reports show). Outside: the order of the first
/// pair outside the band. Null when undecided.
/// </param>
/// <param name="Why">For <see cref="OrderOutcome.OutOfBand"/> and <see cref="OrderOutcome.Undecided"/>: the pair or row at fault.</param>
public sealed record OrderJudgement(OrderOutcome Outcome, double? Order, string? Why);

/// <summary>
/// Decides whether gaps measured at η, η/2, …, η/2^K shrink at an order within [lo, hi]. Every successive pair must
/// be in the band, not only the finest: the claim is that halving the step divides the gap by 2^order at each of
/// the listed steps, and a gap that stalls and then drops once (1e-3, 1e-3, 5e-4) must not pass on its last pair.
/// A row that blew up, or a gap that is 0 (no error to observe: log₂(0/0) is no order), NaN or infinite, decides
/// nothing: undecided, never in the band.
/// </summary>
public static class OrderBand
{
    /// <summary>Judges <paramref name="rows"/> (largest step first) against the band [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static OrderJudgement Judge(IReadOnlyList<GapRow> rows, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!(lo <= hi)) throw new ArgumentException($"the band [{lo}, {hi}] is empty", nameof(lo));
        if (rows.Count < 2) return new(OrderOutcome.Undecided, null, "one step size gives no order: at least one halving is needed");
        foreach (var row in rows)
        {
            if (row.Diverged)
                return new(OrderOutcome.Undecided, null, $"gradient descent with lr {F(row.LearningRate)} blew up (its loss is not finite)");
            if (!double.IsFinite(row.Gap) || row.Gap <= 0)
                return new(OrderOutcome.Undecided, null,
                    $"the gap at lr {F(row.LearningRate)} is {F(row.Gap)}: an order is observed only from finite, non-zero gaps");
        }
        for (int i = 1; i < rows.Count; i++)
        {
            double order = Math.Log2(rows[i - 1].Gap / rows[i].Gap);
            if (!(order >= lo && order <= hi))
                return new(OrderOutcome.OutOfBand, order,
                    $"the observed order {order.ToString("F4", CultureInfo.InvariantCulture)} from lr {F(rows[i - 1].LearningRate)} to lr {F(rows[i].LearningRate)} is outside the band [{F(lo)}, {F(hi)}]");
        }
        return new(OrderOutcome.InBand, Math.Log2(rows[^2].Gap / rows[^1].Gap), null);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
