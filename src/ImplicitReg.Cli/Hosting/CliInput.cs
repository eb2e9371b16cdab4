namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Reads text arguments that may be given literally, as <c>-</c> (standard input) or as <c>@path</c>
/// (a file): real derivations are larger than a command line.
/// </summary>
public static class CliInput
{
    public static string ReadText(string argument, CliIO io, string what = "expression")
    {
        if (argument == "-") return io.In.ReadToEnd();
        if (argument.StartsWith('@'))
        {
            var path = argument[1..];
            if (path.Length == 0) throw new CliUsageException($"'@' must be followed by a file path for the {what}");
            return ReadFile(path, what, File.ReadAllText);
        }
        return argument;
    }

    /// <summary>The bytes of a file named by the user, read whole (for readers that decode only what they need).</summary>
    public static byte[] ReadBytes(string path, string what = "expression") => ReadFile(path, what, File.ReadAllBytes);

    private static T ReadFile<T>(string path, string what, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliUsageException($"cannot read {what} file '{path}': {Reason(path, e)}");
        }
    }

    /// <summary>
    /// Why a file named by the user could not be read or written: .NET words a directory given as a file as "Access to
    /// the path is denied", which sends a user looking at permissions; say what it is and what to give instead.
    /// </summary>
    public static string Reason(string path, Exception e) =>
        Directory.Exists(path) ? "it is a directory; give a file path" : e.Message;
}
