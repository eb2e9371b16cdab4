using System.Reflection;

namespace ImplicitReg.Cli.Hosting;

/// <summary>Dispatches to the verb named first on the command line; the only place that catches everything.</summary>
public static class CliHost
{
    private static readonly Lazy<IReadOnlyList<ICliVerb>> VerbList = new(DiscoverVerbs);

    public static IReadOnlyList<ICliVerb> Verbs => VerbList.Value;

    public static int Run(IReadOnlyList<string> args, CliIO io)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            WriteHelp(io.Out);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }
        if (args[0] == "--version")
        {
            io.Out.WriteLine(typeof(CliHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            return ExitCodes.Ok;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            io.Err.WriteLine($"error: unknown command '{args[0]}'. Commands: {string.Join(", ", Verbs.Select(v => v.Name))}.");
            io.Err.WriteLine("Run 'implicitreg --help' for the list.");
            return ExitCodes.BadInput;
        }
        try
        {
            var rest = args.Skip(1).ToArray();
            if (rest.Length > 0 && rest[0] is "--help" or "-h")
            {
                io.Out.WriteLine(verb.Usage);
                return ExitCodes.Ok;
            }
            return verb.Run(rest, io);
        }
        catch (CliUsageException e)
        {
            io.Err.WriteLine($"error: {e.Message}");
            io.Err.WriteLine($"Run 'implicitreg {verb.Name} --help' for usage.");
            return e.ExitCode;
        }
        catch (Numerics.LinearAlgebra.Backends.LinearAlgebraUnavailableException e)
        {
            // A setup problem (IMPLICITREG_LINEAR_ALGEBRA asks for what is not there): bad input, not a bug.
            io.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            io.Err.WriteLine("interrupted: stopped on request; output written so far is kept.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("IMPLICITREG_DEBUG") is null)
        {
            io.Err.WriteLine($"internal error in '{verb.Name}': {e.GetType().Name}: {e.Message}");
            io.Err.WriteLine("This is a bug in implicitreg; rerun with IMPLICITREG_DEBUG=1 for the stack trace and report it.");
            return ExitCodes.InternalError;
        }
    }

    private static void WriteHelp(TextWriter w)
    {
        w.WriteLine("implicitreg — symbolic-numeric checks of implicit regularization claims");
        w.WriteLine();
        w.WriteLine("usage: implicitreg <command> [options]     (implicitreg <command> --help for details)");
        w.WriteLine();
        foreach (var v in Verbs.OrderBy(v => v.Name, StringComparer.Ordinal))
            w.WriteLine($"  {v.Name,-10} {v.Summary}");
        w.WriteLine();
        w.WriteLine("exit codes: 0 ok/proved, 1 refuted/not equal, 2 bad input, 3 unknown/numeric only, 4 diverged, 130 interrupted");
    }

    private static IReadOnlyList<ICliVerb> DiscoverVerbs() =>
        typeof(CliHost).Assembly.GetTypes()
            .Where(t => typeof(ICliVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

}
