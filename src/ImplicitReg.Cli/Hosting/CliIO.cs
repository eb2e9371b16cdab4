namespace ImplicitReg.Cli.Hosting;

/// <summary>The streams and cancellation a verb runs with; tests pass string writers.</summary>
public sealed class CliIO(TextReader input, TextWriter output, TextWriter error, CancellationToken cancel = default, bool isInteractive = false)
{
    /// <summary>Standard input (for <c>-</c> arguments).</summary>
    public TextReader In { get; } = input;

    /// <summary>Standard output: results only.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error: messages, statistics; control characters are escaped once the host runs.</summary>
    public TextWriter Err { get; } = error;

    /// <summary>Standard error without escaping, for the progress display's own terminal sequences.</summary>
    public TextWriter RawErr { get; private init; } = error;

    /// <summary>Set by the first Ctrl-C: verbs stop cleanly and keep what they wrote.</summary>
    public CancellationToken Cancel { get; } = cancel;

    /// <summary>True when stderr is a terminal, so progress may be drawn.</summary>
    public bool IsInteractive { get; } = isInteractive;

    /// <summary>The same streams with <see cref="Err"/> escaping control characters (<see cref="SafeText"/>).</summary>
    public CliIO WithEscapedErrors() => Err is EscapingWriter
        ? this
        : new CliIO(In, Out, new EscapingWriter(Err), Cancel, IsInteractive) { RawErr = Err };

    /// <summary>Streams over strings, for tests.</summary>
    public static CliIO ForStrings(string stdin, out StringWriter stdout, out StringWriter stderr)
    {
        stdout = new StringWriter { NewLine = "\n" };
        stderr = new StringWriter { NewLine = "\n" };
        return new CliIO(new StringReader(stdin), stdout, stderr);
    }
}
