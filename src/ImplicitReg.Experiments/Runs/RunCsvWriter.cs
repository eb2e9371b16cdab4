namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// Writes the records of a <see cref="PreparedRun"/> to a CSV file as they come (flushed every row, so an
/// interrupted run keeps what it wrote): first the comment line <c># implicitreg simulate … seed=…</c>
/// (<see cref="PreparedRun.CsvComment"/>), then the header of the run's columns, then one row per record.
/// </summary>
public sealed class RunCsvWriter : IDisposable
{
    private readonly StreamWriter? _writer;

    /// <summary>Opens <paramref name="path"/> and writes the comment and header; nothing is written when it is null.</summary>
    /// <exception cref="RunSpecException">The file cannot be written.</exception>
    public RunCsvWriter(string? path, PreparedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (path is null) return;
        // The runtime says "Access to the path is denied" for a directory, which sends a user looking at permissions.
        if (Directory.Exists(path))
            throw new RunSpecException(null, $"--out '{path}' is a directory; give the name of the CSV file to write, e.g. '{Path.Combine(path, "run.csv")}'");
        try
        {
            _writer = new StreamWriter(path, append: false) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RunSpecException(null, $"cannot write --out file '{path}': {e.Message}");
        }
        _writer.WriteLine("# " + run.CsvComment);
        _writer.WriteLine(string.Join(",", run.Columns));
        _writer.Flush();
    }

    /// <summary>Writes one record, each value as the shortest text that parses back to it.</summary>
    public void Row(IEnumerable<double> values)
    {
        if (_writer is null) return;
        _writer.WriteLine(string.Join(",", values.Select(RunText.Exact)));
        _writer.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _writer?.Dispose();
}
