using System.Globalization;
using System.Text.Json;

namespace ImplicitReg.Cli.Hosting;

/// <summary>Number formatting shared by the numeric verbs: shortest round-trip in CSV/JSON, 6 digits in text.</summary>
public static class Numbers
{
    /// <summary>Shortest text that parses back to the same double (CSV, JSON); NaN and ∞ spelled out.</summary>
    public static string Exact(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "Infinity" : double.IsNegativeInfinity(v) ? "-Infinity"
        : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Six significant digits for reading.</summary>
    public static string Short(double v) => (v == 0 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture); // no "-0"

    /// <summary>Writes a double as a JSON number, or null when it is not finite (JSON has no NaN).</summary>
    public static void Write(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }
}
