using System.Globalization;
using CsvHelper;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// The per-run CSV of a reproduction (the trajectory behind a figure): a header, then one row of numbers per
/// recording point, written with CsvHelper in the invariant culture and round-trip precision.
/// </summary>
public sealed class RunCsv : IDisposable
{
    private readonly CsvWriter _csv;

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes the header row.</summary>
    public RunCsv(string path, IEnumerable<string> header)
    {
        _csv = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" });
        _csv.WriteHeader(header.ToArray());
    }

    /// <summary>Writes one row; numbers in round-trip form ("R"), so reading them back gives the same doubles.</summary>
    public void Row(IEnumerable<double> values)
    {
        foreach (var v in values) _csv.WriteField(v.ToString("R", CultureInfo.InvariantCulture));
        _csv.EndRecord();
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _csv.Dispose();
}
