namespace ImplicitReg.Cli.Hosting;

/// <summary>The streams and cancellation a verb runs with; tests pass string writers.</summary>
public sealed class CliIO(TextReader input, TextWriter output, TextWriter error, CancellationToken cancel = default, bool isInteractive = false)
{
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public CancellationToken Cancel { get; } = cancel;

    /// <summary>True when stderr is a terminal, so progress bars may be drawn.</summary>
    public bool IsInteractive { get; } = isInteractive;

    public static CliIO ForStrings(string stdin, out StringWriter stdout, out StringWriter stderr)
    {
        stdout = new StringWriter { NewLine = "\n" };
        stderr = new StringWriter { NewLine = "\n" };
        return new CliIO(new StringReader(stdin), stdout, stderr);
    }
}
