using System.Globalization;
using CsvHelper;

namespace ImplicitReg.Reports.Plots;

/// <summary>
/// The data behind a <see cref="Figure"/> as CSV (written with CsvHelper): one row per point, in long format
/// <c>series,x,y</c> so that series with different abscissae share one file; the header names the axes with
/// their units. Numbers are written in shortest round-trip form, so the CSV holds exactly what was plotted
/// (including points a logarithmic axis could not show).
/// </summary>
public static class FigureCsv
{
    // LF endings like every other text file the report writes (byte-identical on every OS); RFC 4180 otherwise.
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>The CSV text of the figure's series, then its flagged points (series <c>flag: label</c>).</summary>
    public static string Write(Figure figure)
    {
        figure.Validate();
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteRecord(["series", figure.XAxis.Title, figure.YAxis.Title]);
            foreach (var series in figure.Series)
            {
                foreach (var (x, y) in series.Points) Row(csv, series.Name, x, y);
            }
            foreach (var flag in figure.Flags) Row(csv, "flag: " + flag.Label, flag.X, flag.Y);
        }
        return text.ToString();
    }

    private static void Row(CsvWriter csv, string series, double x, double y)
    {
        csv.WriteField(series);
        csv.WriteField(x, default);
        csv.WriteField(y, default);
        csv.EndRecord();
    }

    /// <summary>Shortest round-trip form, invariant culture (<c>NaN</c>, <c>Infinity</c> spelled out).</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
