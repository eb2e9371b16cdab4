using System.CommandLine;
using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Reproduction;

namespace ImplicitReg.Cli.Verbs.Merge;

/// <summary><c>implicitreg merge DIR… --out DIR</c>: combines the shards of a <c>reproduce</c> sweep.</summary>
public sealed class MergeVerb : ICliVerb
{
    public string Name => "merge";
    public string Summary => "combine the shards of a 'reproduce' sweep into one result, identical to an unsharded run";

    private const string Notes =
        """
        Reads the run records of every DIR (each the --out of one 'reproduce ... --shard i/n'), checks that they
        come from the same sweep, that no run appears twice and that none is missing, copies them into --out in
        sweep order and writes results.json, summary.txt and report.html (with report.md and data/) there. It only concatenates and sorts: every number
        equals the unsharded run's (apart from wall times).
        """;

    public Command Build(CliIO io)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "output directories of the shards", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "where the merged sweep is written", HelpName = "DIR", Required = true };
        var format = CliOptions.Choice("--format", "the summary as text, or results.json", "text", "text", "json");
        var command = new VerbCommand(Name, Summary, "implicitreg merge shard-0 shard-1 shard-2 --out merged",
            "0 merged, 2 bad input (not one complete sweep: the message says what differs or is missing)") { Notes = Notes };
        command.Arguments.Add(dirs);
        command.Options.Add(outDir);
        command.Options.Add(format);
        return command.Runs(r =>
        {
            var inputs = r.GetValue(dirs) ?? [];
            var target = r.GetValue(outDir)!;
            foreach (var d in inputs)
                if (!Directory.Exists(d)) throw new CliUsageException($"'{d}' is not a directory");
            if (SweepStore.OutputProblem(target, [ClaimFiles.DefaultCatalogue()]) is { } problem)
                throw new CliUsageException($"--out '{SafeText.Escape(target)}' {problem}");
            ReproductionResult result;
            try
            {
                Directory.CreateDirectory(target);
                result = Reproducer.Summarise(inputs, target, ReproductionText.Render);
            }
            catch (InvalidDataException e)
            {
                throw new CliUsageException(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"cannot write the --out directory '{target}': {e.Message}");
            }
            var page = Reproduce.ReproductionPage.Write(result);
            if (r.GetValue(format) == "json")
            {
                io.Out.Write(result.ResultsJson);
                io.Err.WriteLine(page);
            }
            else
            {
                io.Out.Write(result.Text);
                io.Out.WriteLine(page);
            }
            return ExitCodes.Ok;
        });
    }
}
