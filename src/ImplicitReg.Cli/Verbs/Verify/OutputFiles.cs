using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Verbs.Verify;

/// <summary>
/// Checks that verify's output files and directories can be written before any check runs, so that a typo in a path
/// costs a message (exit 2) rather than a minute of checks followed by a failure, or error verdicts.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Refuses a FILE option whose path is a directory, whose directory does not exist or cannot be written.</summary>
    public static void RequireWritableFile(string path, string option)
    {
        try
        {
            if (Directory.Exists(path)) throw new IOException("it is a directory; give a file path");
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is null || !Directory.Exists(directory))
                throw new DirectoryNotFoundException($"the directory '{directory}' does not exist; create it or give another path");
            if (File.Exists(path))
            {
                // Opened for writing without truncation: an existing results file is only replaced after the run.
                using var existing = new FileStream(path, FileMode.Open, FileAccess.Write);
            }
            else
            {
                Probe(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot write the {option} file '{path}': {e.Message.TrimEnd().TrimEnd('.')}");
        }
    }

    /// <summary>Creates a DIR option's directory if needed and refuses one that cannot be written (a file in the way).</summary>
    public static void RequireWritableDirectory(string path, string option)
    {
        try
        {
            if (FileInTheWay(path) is { } file) throw new IOException($"'{file}' is a file, not a directory; give a directory");
            Directory.CreateDirectory(path);
            Probe(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{option}: cannot write into '{path}': {e.Message.TrimEnd().TrimEnd('.')}");
        }
    }

    // The path itself or the nearest existing ancestor, when that is a file (the runtime's message only says that
    // "a part of the path" was not found).
    private static string? FileInTheWay(string directory)
    {
        for (var d = Path.GetFullPath(directory); !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (File.Exists(d)) return d;
            if (Directory.Exists(d)) return null;
        }
        return null;
    }

    private static void Probe(string directory)
    {
        var probe = Path.Combine(directory, $".implicitreg-write-test-{Environment.ProcessId}");
        File.WriteAllText(probe, "");
        File.Delete(probe);
    }
}
