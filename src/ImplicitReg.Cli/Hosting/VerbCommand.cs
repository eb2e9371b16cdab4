using System.CommandLine;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// A command of <c>implicitreg</c>: a System.CommandLine <see cref="Command"/> that also carries the example and
/// the exit codes printed at the end of its <c>--help</c> (System.CommandLine has no place for either).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "Command's collection initializer is System.CommandLine's design.")]
public sealed class VerbCommand : Command
{
    /// <summary>Creates a command; <paramref name="example"/> is a full command line starting with <c>implicitreg</c>.</summary>
    public VerbCommand(string name, string description, string example, string? exitCodes = null) : base(name, description)
    {
        Example = example;
        ExitCodesText = exitCodes;
    }

    /// <summary>One example command line, shown under "Example:" in the help.</summary>
    public string Example { get; }

    /// <summary>What each exit code means for this command, shown under "Exit codes:" (inherited from the parent when null).</summary>
    public string? ExitCodesText { get; }

    /// <summary>Extra paragraphs shown after the options (syntax notes, conventions).</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// Sets the action: <paramref name="run"/> reads the parsed values and returns an exit code. Usage errors are
    /// thrown as <see cref="CliUsageException"/> and reported by the host.
    /// </summary>
    public VerbCommand Runs(Func<ParseResult, int> run)
    {
        SetAction(run);
        return this;
    }

    /// <summary>
    /// For a command that only groups sub-verbs: running it without one is a usage error naming them.
    /// </summary>
    public VerbCommand RequiresSubcommand()
    {
        SetAction((Func<ParseResult, int>)(_ => throw new CliUsageException(
            $"name a subcommand of '{Name}': {string.Join(", ", Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}")));
        return this;
    }
}
