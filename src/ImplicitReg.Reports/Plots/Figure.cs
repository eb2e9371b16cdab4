namespace ImplicitReg.Reports.Plots;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Equal distances for equal differences.</summary>
    Linear,

    /// <summary>Equal distances for equal ratios (base 10); only positive values can be shown.</summary>
    Logarithmic,
}

/// <summary>One axis of a <see cref="Figure"/>: what is measured, in which unit, on which scale.</summary>
/// <param name="Label">The quantity, e.g. <c>singular value σ_r</c>.</param>
/// <param name="Unit">Its unit, e.g. <c>gradient-flow time t = kη</c> or <c>dimensionless</c>.</param>
/// <param name="Scale">Linear or logarithmic.</param>
/// <param name="Reversed">Values decrease from left to right (bottom to top): a loss that falls as a run goes on.</param>
public sealed record PlotAxis(string Label, string Unit, AxisScale Scale = AxisScale.Linear, bool Reversed = false)
{
    /// <summary>The axis title as drawn: <c>label [unit]</c>.</summary>
    public string Title => $"{Label} [{Unit}]";
}

/// <summary>How a series is drawn.</summary>
public enum SeriesKind
{
    /// <summary>A measured series: solid line.</summary>
    Measured,

    /// <summary>Measured points at a few abscissae (e.g. step sizes): line with circle markers.</summary>
    MeasuredPoints,

    /// <summary>What the claim predicts (a bound, a fitted or reference slope): dashed line.</summary>
    Prediction,
}

/// <summary>One named series of (x, y) points, drawn in the figure and written to its CSV file.</summary>
/// <param name="Name">Legend entry and CSV <c>series</c> column.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates, as many as <paramref name="X"/>.</param>
/// <param name="Kind">Measured or predicted.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesKind Kind = SeriesKind.Measured)
{
    /// <summary>The points in order.</summary>
    public IEnumerable<(double X, double Y)> Points => X.Zip(Y);
}

/// <summary>A point the reader must not miss (a sign change, a failed bound), drawn as a labelled marker.</summary>
/// <param name="X">Abscissa.</param>
/// <param name="Y">Ordinate.</param>
/// <param name="Label">What happened there.</param>
public sealed record PlotFlag(double X, double Y, string Label);

/// <summary>
/// A figure of the report, independent of how it is drawn: title, axes with units, series, flagged points and a
/// caption saying what it shows and what the claim predicts. <see cref="SvgFigure"/> draws it, <see cref="FigureCsv"/>
/// writes its data.
/// </summary>
/// <param name="Id">File-name and anchor-safe identifier, unique in a report (e.g. <c>m9-gap-vs-step</c>).</param>
/// <param name="Title">Title drawn above the plot.</param>
/// <param name="Caption">What the figure shows and what the claim predicts.</param>
/// <param name="XAxis">Horizontal axis.</param>
/// <param name="YAxis">Vertical axis.</param>
/// <param name="Series">The data, at least one series.</param>
/// <param name="Flags">Flagged points (may be empty).</param>
public sealed record Figure(string Id, string Title, string Caption, PlotAxis XAxis, PlotAxis YAxis,
    IReadOnlyList<PlotSeries> Series, IReadOnlyList<PlotFlag> Flags)
{
    /// <summary>Throws when the figure cannot be drawn faithfully (a typo in a builder, not bad user input).</summary>
    public void Validate()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"figure id '{Id}' must be non-empty ASCII letters, digits, '-' or '_'");
        if (Series.Count == 0) throw new ArgumentException($"figure '{Id}' has no series");
        foreach (var s in Series)
        {
            if (s.X.Count != s.Y.Count)
                throw new ArgumentException($"figure '{Id}', series '{s.Name}': {s.X.Count} abscissae but {s.Y.Count} ordinates");
        }
    }
}
