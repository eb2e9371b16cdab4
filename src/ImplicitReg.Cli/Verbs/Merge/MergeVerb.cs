using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;

namespace ImplicitReg.Cli.Verbs.Merge;

/// <summary><c>implicitreg merge DIR… --out DIR</c>: combines the shards of a <c>reproduce</c> sweep.</summary>
public sealed class MergeVerb : ICliVerb
{
    public string Name => "merge";
    public string Summary => "combine the shards of a 'reproduce' sweep into one result, identical to an unsharded run";

    public string Usage =>
        """
        usage: implicitreg merge DIR... --out DIR [--format text|json]

        Reads the run records of every DIR (each the --out of one 'reproduce ... --shard i/n'), checks that they
        come from the same sweep, that no run appears twice and that none is missing, copies them into --out in
        sweep order and writes results.json and summary.txt there. It only concatenates and sorts: every number
        equals the unsharded run's (apart from wall times).
        exit codes: 0 merged, 2 bad input (not one complete sweep: the message says what differs or is missing)
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args);
        var outDir = a.Required("out");
        bool json = a.Choice("format", "text", "text", "json") == "json";
        a.EnsureAllUsed();
        if (a.Positionals.Count == 0) throw new CliUsageException("name the shard directories to merge: implicitreg merge DIR... --out DIR");
        foreach (var d in a.Positionals)
            if (!Directory.Exists(d)) throw new CliUsageException($"'{d}' is not a directory");
        string text;
        try
        {
            Directory.CreateDirectory(outDir);
            text = Reproducer.Summarise(a.Positionals, outDir).Text;
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write the --out directory '{outDir}': {e.Message}");
        }
        io.Out.Write(json ? File.ReadAllText(Path.Combine(outDir, Reproducer.ResultsFile)) : text);
        return ExitCodes.Ok;
    }
}
