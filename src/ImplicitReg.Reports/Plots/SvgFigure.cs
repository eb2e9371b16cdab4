using System.Globalization;
using System.Text.RegularExpressions;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace ImplicitReg.Reports.Plots;

/// <summary>
/// Draws a <see cref="Figure"/> as an SVG fragment to inline in HTML, through OxyPlot's <c>SvgExporter</c>.
/// </summary>
/// <remarks>
/// Why OxyPlot.Core and not ScottPlot: OxyPlot.Core is pure managed code whose SVG exporter has real logarithmic
/// axes and measures text itself, so the report builds on any machine .NET runs on. ScottPlot exports SVG
/// headless too, but needs SkiaSharp's native assets and draws no text at all unless font files are installed
/// and registered: one more native dependency for every user, and silent failure without it.
/// The output is deterministic (fixed size, palette and number format), so the same figure gives the same bytes.
/// </remarks>
public static partial class SvgFigure
{
    /// <summary>Width of every figure in CSS pixels (the SVG scales to its container through its viewBox).</summary>
    public const int Width = 760;

    /// <summary>Height of every figure in CSS pixels.</summary>
    public const int Height = 440;

    // OxyPlot's default font is "Segoe UI", which Linux browsers replace by a wider face: legends and axis
    // titles then overflow the boxes OxyPlot measured for them and get clipped. A generic family renders
    // everywhere, and OxyPlot measures it with standard sans-serif metrics.
    private const string FontFamily = "sans-serif";

    // A palette that stays distinguishable in greyscale print: OxyPlot's default, fixed here so that a change of
    // the library's default cannot change the report's bytes.
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x2c, 0xa0, 0x2c),
        OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x94, 0x67, 0xbd), OxyColor.FromRgb(0x8c, 0x56, 0x4b),
        OxyColor.FromRgb(0xe3, 0x77, 0xc2), OxyColor.FromRgb(0x7f, 0x7f, 0x7f),
    ];

    /// <summary>The figure as an <c>&lt;svg&gt;</c> element (no XML declaration), ids prefixed by the figure's id.</summary>
    public static string Render(Figure figure)
    {
        figure.Validate();
        var model = BuildModel(figure);
        var svg = SvgExporter.ExportToString(model, Width, Height, isDocument: false, new BrowserTextMeasurer());
        return Finish(svg, figure);
    }

    /// <summary>The OxyPlot model of a figure (exposed for tests that inspect axes and series).</summary>
    public static PlotModel BuildModel(Figure figure)
    {
        var model = new PlotModel
        {
            Title = figure.Title,
            DefaultFont = FontFamily,
            TitleFontSize = 14,
            DefaultFontSize = 12,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColors.Black,
        };
        model.Axes.Add(MakeAxis(figure.XAxis, AxisPosition.Bottom));
        model.Axes.Add(MakeAxis(figure.YAxis, AxisPosition.Left));
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.RightTop,
            LegendOrientation = LegendOrientation.Vertical,
            LegendBorder = OxyColors.Gray,
            LegendBackground = OxyColors.White,
            LegendFont = FontFamily,
        });
        for (int i = 0; i < figure.Series.Count; i++)
            model.Series.Add(MakeSeries(figure.Series[i], Palette[i % Palette.Length], figure));
        if (figure.Flags.Count > 0) AddFlags(model, figure);
        return model;
    }

    private static Axis MakeAxis(PlotAxis axis, AxisPosition position)
    {
        Axis a = axis.Scale == AxisScale.Logarithmic
            ? new LogarithmicAxis { Base = 10, LabelFormatter = PowerOfTen }
            : new LinearAxis();
        a.Position = position;
        a.Title = axis.Label;
        a.Unit = axis.Unit;
        a.TitleFormatString = "{0} [{1}]";
        a.MajorGridlineStyle = LineStyle.Solid;
        a.MajorGridlineColor = OxyColor.FromRgb(0xdd, 0xdd, 0xdd);
        a.MinorGridlineStyle = LineStyle.None;
        a.AxisTitleDistance = 6;
        if (axis.Reversed)
        {
            a.StartPosition = 1;
            a.EndPosition = 0;
        }
        return a;
    }

    private static LineSeries MakeSeries(PlotSeries series, OxyColor color, Figure figure)
    {
        var line = new LineSeries
        {
            Title = series.Name,
            Color = color,
            StrokeThickness = series.Kind == SeriesKind.Prediction ? 1.5 : 2,
            LineStyle = series.Kind == SeriesKind.Prediction ? LineStyle.Dash : LineStyle.Solid,
            MarkerType = series.Kind == SeriesKind.MeasuredPoints ? MarkerType.Circle : MarkerType.None,
            MarkerSize = 4,
            MarkerFill = color,
        };
        foreach (var (x, y) in series.Points)
        {
            if (Drawable(x, figure.XAxis) && Drawable(y, figure.YAxis)) line.Points.Add(new DataPoint(x, y));
        }
        return line;
    }

    private static void AddFlags(PlotModel model, Figure figure)
    {
        var markers = new ScatterSeries
        {
            Title = "flagged",
            MarkerType = MarkerType.Diamond,
            MarkerSize = 6,
            MarkerFill = OxyColors.Black,
        };
        foreach (var flag in figure.Flags.Where(f => Drawable(f.X, figure.XAxis) && Drawable(f.Y, figure.YAxis)))
        {
            markers.Points.Add(new ScatterPoint(flag.X, flag.Y));
            model.Annotations.Add(new TextAnnotation
            {
                Text = flag.Label,
                TextPosition = new DataPoint(flag.X, flag.Y),
                TextVerticalAlignment = VerticalAlignment.Bottom,
                TextHorizontalAlignment = HorizontalAlignment.Left,
                Stroke = OxyColors.Transparent,
                FontSize = 11,
                Offset = new ScreenVector(7, -3),
            });
        }
        model.Series.Add(markers);
    }

    /// <summary>
    /// A log-axis tick label as one string, <c>3·10⁻⁴</c>: OxyPlot's own "super-exponential" format draws the
    /// exponent as a separate, smaller text whose minus sign browsers clip.
    /// </summary>
    public static string PowerOfTen(double v)
    {
        if (!(v > 0) || !double.IsFinite(v)) return v.ToString("G3", CultureInfo.InvariantCulture);
        var exponent = (int)Math.Floor(Math.Log10(v) + 1e-9);
        var mantissa = Math.Round(v / Math.Pow(10, exponent), 2);
        if (mantissa >= 10)
        {
            mantissa /= 10;
            exponent++;
        }
        if (exponent is >= -2 and <= 3) return v.ToString("0.###", CultureInfo.InvariantCulture);
        var power = "10" + Superscript(exponent);
        return mantissa == 1 ? power : mantissa.ToString("G3", CultureInfo.InvariantCulture) + "·" + power;
    }

    private static string Superscript(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => c switch
    {
        '-' => '⁻',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        _ => (char)('⁰' + (c - '0')),
    }));

    // A logarithmic axis cannot show 0 or negative values; they stay in the CSV but are not drawn.
    private static bool Drawable(double v, PlotAxis axis) =>
        double.IsFinite(v) && (axis.Scale == AxisScale.Linear || v > 0);

    private static string Finish(string svg, Figure figure)
    {
        // The exporter writes an XML declaration even for a fragment; inline SVG must not have one.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..].TrimEnd();
        // Every exported figure names its clip paths clipPath1, clipPath2, ...: in one HTML page ids must be unique.
        svg = ClipId().Replace(svg, m => m.Groups[1].Value + figure.Id + "-" + m.Groups[2].Value);
        var open = string.Create(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{figure.Id}-caption\" class=\"figure\"");
        svg = open + svg["<svg".Length..];
        return svg.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("(id=\"|url\\(#)(clipPath\\d+)")]
    private static partial Regex ClipId();
}
