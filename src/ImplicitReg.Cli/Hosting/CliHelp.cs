using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// The help of every command: System.CommandLine's sections (description, usage, arguments, options with their
/// defaults, sub-verbs), then the command's notes, one example and its exit codes. System.CommandLine 3 keeps its
/// help builder internal, so the extra sections are written after its own help action runs.
/// </summary>
internal sealed class CliHelp(HelpAction inner, CliIO io) : SynchronousCommandLineAction
{
    /// <summary>Help lines are wrapped at this width, terminal or not, so the help is the same everywhere.</summary>
    public const int Width = 110;

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        inner.MaxWidth = Width;
        inner.Invoke(parseResult);
        if (parseResult.CommandResult.Command is VerbCommand command) WriteExtras(command, io.Out);
        else if (parseResult.CommandResult.Command is RootCommand) WriteRootExtras(io.Out);
        return ExitCodes.Ok;
    }

    /// <summary>The root is System.CommandLine's own command, not a verb: its example and exit codes are written here.</summary>
    private static void WriteRootExtras(TextWriter w)
    {
        w.WriteLine("Example:");
        w.WriteLine("  " + CliHost.RootExample);
        w.WriteLine();
        w.WriteLine("Exit codes:");
        w.WriteLine("  " + CliHost.ExitCodesSummary);
        w.WriteLine();
    }

    private static void WriteExtras(VerbCommand command, TextWriter w)
    {
        if (command.Notes is { } notes)
        {
            w.WriteLine(notes.TrimEnd());
            w.WriteLine();
        }
        w.WriteLine("Example:");
        w.WriteLine("  " + command.Example);
        if (ExitCodesOf(command) is { } exits)
        {
            w.WriteLine();
            w.WriteLine("Exit codes:");
            w.WriteLine("  " + exits);
        }
        w.WriteLine();
    }

    private static string? ExitCodesOf(Command command)
    {
        // A sub-verb without its own list has its parent's: walk up through the command's parents.
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            if (c is VerbCommand { ExitCodesText: { } text }) return text;
        return null;
    }
}
