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

    public RunCsv(string path, IEnumerable<string> header)
    {
        _csv = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" });
        _csv.WriteHeader(header.ToArray());
    }

    public void Row(IEnumerable<double> values)
    {
        foreach (var v in values) _csv.WriteField(v.ToString("R", CultureInfo.InvariantCulture));
        _csv.EndRecord();
    }

    public void Dispose() => _csv.Dispose();
}
