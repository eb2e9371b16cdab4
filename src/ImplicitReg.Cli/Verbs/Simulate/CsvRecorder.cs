using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// Writes recorded metrics to a CSV file as they come (flushed every row, so an interrupted run keeps what it
/// wrote). The first line is a comment with the seed and the command, then the header.
/// </summary>
public sealed class CsvRecorder : IDisposable
{
    private readonly StreamWriter? _writer;

    public CsvRecorder(string? path, string comment, IEnumerable<string> header)
    {
        if (path is null) return;
        try
        {
            _writer = new StreamWriter(path, append: false) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot write --out file '{path}': {e.Message}");
        }
        _writer.WriteLine("# " + comment);
        _writer.WriteLine(string.Join(",", header));
        _writer.Flush();
    }

    public void Row(IEnumerable<double> values)
    {
        if (_writer is null) return;
        _writer.WriteLine(string.Join(",", values.Select(Numbers.Exact)));
        _writer.Flush();
    }

    public void Dispose() => _writer?.Dispose();
}
