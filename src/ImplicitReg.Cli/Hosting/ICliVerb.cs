using System.CommandLine;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// One top-level verb (<c>expr</c>, <c>derive</c>, <c>prove</c>, ...) on System.CommandLine. Implementations are
/// found by reflection, so adding a verb is adding a class under <c>Verbs/</c> (see docs/cli.md, "Adding a verb").
/// </summary>
public interface ICliVerb
{
    /// <summary>The verb as typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line for <c>implicitreg --help</c>.</summary>
    string Summary { get; }

    /// <summary>
    /// Builds the verb's command tree (a <see cref="VerbCommand"/> with its options, arguments, sub-verbs and
    /// actions). Actions write to <paramref name="io"/> and return an exit code from <see cref="ExitCodes"/>.
    /// </summary>
    Command Build(CliIO io);
}
