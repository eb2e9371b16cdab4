using OxyPlot;

namespace ImplicitReg.Reports.Plots;

/// <summary>
/// Measures text for OxyPlot's layout the way a browser will draw it in a generic sans-serif face, erring wide.
/// </summary>
/// <remarks>
/// The exporter's own measurer uses the PDF standard-font metrics of Helvetica, which know only Latin-1: the Greek
/// letters, subscripts and mathematical signs of our labels (η, σ₁, ℓ, √, −) measure as nothing, and Linux browsers
/// draw the generic family in DejaVu Sans, about 15 % wider than Helvetica. Legends and axis titles laid out with
/// those widths are clipped or overlap the tick labels. Per-character classes of DejaVu Sans advance widths
/// (rounded up) keep every box large enough in any common sans-serif face; a little extra white space is the cost.
/// Only <see cref="MeasureText"/> is used by the SVG exporter's layout; this context draws nothing.
/// </remarks>
public sealed class BrowserTextMeasurer : RenderContextBase
{
    /// <summary>Line height as a multiple of the font size.</summary>
    public const double LineHeight = 1.25;

    /// <inheritdoc/>
    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        if (string.IsNullOrEmpty(text)) return OxySize.Empty;
        var lines = text.Split('\n');
        var width = lines.Max(line => line.Sum(c => Advance(c, fontWeight >= 600)) * fontSize);
        return new OxySize(width, lines.Length * LineHeight * fontSize);
    }

    /// <summary>Advance width of one character in ems (DejaVu Sans, rounded up; bold about 10 % wider).</summary>
    public static double Advance(char c, bool bold)
    {
        double em = c switch
        {
            // Combining marks and zero-width joiners take no room.
            >= '\u0300' and <= '\u036f' or '\u200b' or '\u2061' or '\u2062' => 0,
            ' ' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' or 'i' or 'j' or 'l' or 'I' => 0.34,
            '(' or ')' or '[' or ']' or '{' or '}' or 'f' or 't' or 'r' => 0.42,
            'm' or 'w' or 'M' or 'W' or '—' or '%' or '@' => 0.92,
            >= 'A' and <= 'Z' => 0.78,
            >= '\u2080' and <= '\u209c' or >= '\u2070' and <= '\u207f' or '¹' or '²' or '³' => 0.42,
            _ => 0.66,
        };
        return bold ? em * 1.1 : em;
    }

    /// <inheritdoc/>
    public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize,
        double fontWeight, double rotation, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
    {
        // Measuring only.
    }

    /// <inheritdoc/>
    public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode,
        double[]? dashArray, LineJoin lineJoin)
    {
        // Measuring only.
    }

    /// <inheritdoc/>
    public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness,
        EdgeRenderingMode edgeRenderingMode, double[]? dashArray, LineJoin lineJoin)
    {
        // Measuring only.
    }

    /// <inheritdoc/>
    public override int ClipCount => 0;

    /// <inheritdoc/>
    public override void PushClip(OxyRect clippingRectangle)
    {
        // Measuring only.
    }

    /// <inheritdoc/>
    public override void PopClip()
    {
        // Measuring only.
    }
}
