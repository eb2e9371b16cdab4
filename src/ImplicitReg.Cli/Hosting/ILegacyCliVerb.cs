namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// A top-level verb still on the hand-written parser (being migrated to <see cref="ICliVerb"/>) (<c>expr</c>, <c>derive</c>, <c>prove</c>, ...). Implementations are found by
/// reflection, so adding a verb is adding a file under <c>Verbs/</c>.
/// </summary>
public interface ILegacyCliVerb
{
    /// <summary>The verb as typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line for <c>implicitreg --help</c>.</summary>
    string Summary { get; }

    /// <summary>Full usage text for <c>implicitreg VERB --help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the verb; parse them with <see cref="CliArgs.Parse"/>.</summary>
    int Run(IReadOnlyList<string> args, CliIO io);
}
