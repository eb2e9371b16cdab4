using System.CommandLine;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// The options of the <c>expr</c> subcommands. Each subcommand adds only those it reads, so an option it does not
/// use is an unknown option there (e.g. <c>--format</c> on <c>expr latex</c>).
/// </summary>
internal sealed class ExprOptions
{
    public Option<string> Format { get; } = CliOptions.Choice("--format", "notation of the printed result", "text", ExprFormats.Names);

    public Option<string?> Wrt { get; } = CliOptions.Text("--wrt", "the variable whose powers group the terms", "SYMBOL");

    public Option<string[]> WrtMany { get; } = CliOptions.Repeated("--wrt",
        "variable(s) to differentiate by, in order: --wrt x --wrt y or --wrt x,y (default: the only symbol)", "SYMBOL");

    public Option<int> Order { get; } = CliOptions.Int("--order", "how many times to differentiate by a single --wrt variable", 1, min: 0, max: 1000);

    public Option<int?> Seed { get; } = CliOptions.OptionalSeed("seed of the random points of the numeric comparison (default 20250101)");

    public Option<string[]> At { get; } = CliOptions.Repeated("--at", "the point: \"x=1/2, y=3\" (repeatable; values are exact rationals or constant expressions)", "POINT");

    public Option<bool> Numeric { get; } = CliOptions.Flag("--numeric", "evaluate in double precision even when an exact value exists");
}
