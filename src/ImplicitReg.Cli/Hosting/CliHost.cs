using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Builds the System.CommandLine tree from the discovered verbs, reports parse errors in the house format
/// (<c>error: …</c>, exit 2) and is the only place that catches everything (exit 70 only for real bugs).
/// </summary>
public static class CliHost
{
    private static readonly Lazy<IReadOnlyList<ICliVerb>> VerbList = new(() => Discover<ICliVerb>().OrderBy(v => v.Name, StringComparer.Ordinal).ToList());

    /// <summary>The verbs, by name.</summary>
    public static IReadOnlyList<(string Name, string Summary)> Verbs =>
        VerbList.Value.Select(v => (v.Name, v.Summary)).OrderBy(v => v.Item1, StringComparer.Ordinal).ToList();

    /// <summary>The exit codes shared by all verbs, for the root help.</summary>
    public const string ExitCodesSummary =
        "0 ok/proved, 1 refuted/not equal, 2 bad input, 3 unknown/numeric only, 4 diverged, 70 internal error (a bug), 130 interrupted";

    /// <summary>The example of the root help: the first command a newcomer runs (the README's "check every claim").</summary>
    public const string RootExample = "implicitreg verify proofs/";

    /// <summary>Builds the whole command tree for one run (commands capture <paramref name="io"/>).</summary>
    /// <param name="io">the streams the actions write to.</param>
    /// <param name="replacements">verbs used instead of the discovered ones of the same name (tests pass configured instances).</param>
    public static RootCommand BuildRoot(CliIO io, IReadOnlyList<ICliVerb>? replacements = null)
    {
        var root = new RootCommand("implicitreg — symbolic-numeric checks of implicit regularization claims");
        foreach (var discovered in VerbList.Value)
        {
            var verb = replacements?.FirstOrDefault(v => v.Name == discovered.Name) ?? discovered;
            root.Subcommands.Add(verb.Build(io));
        }
        root.Options.Add(Budget.CreateOption());
        foreach (var option in root.Options)
            if (option is HelpOption { Action: HelpAction action } help) help.Action = new CliHelp(action, io);
        return root;
    }

    /// <summary>Runs one command line; never throws.</summary>
    public static int Run(IReadOnlyList<string> args, CliIO io) => Run(args, io, null);

    /// <summary>Runs one command line with <paramref name="replacements"/> standing in for discovered verbs; never throws.</summary>
    public static int Run(IReadOnlyList<string> args, CliIO io, IReadOnlyList<ICliVerb>? replacements)
    {
        // Messages on stderr quote the user's input: control characters in it are escaped there.
        io = io.WithEscapedErrors();
        // Parser messages in English whatever the machine's UI culture, like every other message.
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var root = BuildRoot(io, replacements);
        if (args.Count == 0)
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Err });
            return ExitCodes.BadInput;
        }
        if (args[0] == "help") args = ["--help", .. args.Skip(1)];
        // '@path' is the house notation for "read this argument from a file", not a response file of System.CommandLine.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var leaf = result.CommandResult.Command;
        if (ParseProblems(result, args) is { Count: > 0 } problems)
        {
            foreach (var p in problems) io.Err.WriteLine($"error: {p}");
            io.Err.WriteLine($"Run '{CommandPath(leaf)} --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return result.Invoke(new InvocationConfiguration
            {
                Output = io.Out,
                Error = io.Err,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // Ctrl-C is handled by Program through CliIO.Cancel
            });
        }
        catch (CliUsageException e)
        {
            io.Err.WriteLine($"error: {e.Message}");
            io.Err.WriteLine($"Run '{CommandPath(leaf)} --help' for usage.");
            return e.ExitCode;
        }
        catch (Solver.Native.SolverUnavailableException e)
        {
            // libz3 missing (Z3Library.Require decides, and names the fix): bad input like any other, wherever it surfaces.
            io.Err.WriteLine($"error: {e.Message}");
            io.Err.WriteLine($"Run '{CommandPath(leaf)} --help' for usage.");
            return ExitCodes.BadInput;
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
            io.Err.WriteLine($"internal error in '{CommandPath(leaf)}': {e.GetType().Name}: {e.Message}");
            io.Err.WriteLine("This is a bug in implicitreg; rerun with IMPLICITREG_DEBUG=1 for the stack trace and report it.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary><c>implicitreg derive layer-flow</c> for the command <c>layer-flow</c>.</summary>
    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Add(c is RootCommand ? "implicitreg" : c.Name);
        names.Reverse();
        return string.Join(" ", names);
    }

    /// <summary>
    /// The parse errors in the house wording. An unknown word is named as an unknown option, subcommand or
    /// command; a token starting with "--" that landed among free arguments (expressions) is an unknown option
    /// too, unless it comes after a "--" separator.
    /// </summary>
    private static List<string> ParseProblems(ParseResult result, IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        var leaf = result.CommandResult.Command;
        var where = CommandPath(leaf)["implicitreg".Length..].Trim();
        if (result.Action is HelpAction) return problems;
        var beforeSeparator = args.TakeWhile(a => a != "--").ToHashSet(StringComparer.Ordinal);
        // Under a verb that only groups sub-verbs, the first unknown word is the wrong one; the rest are its operands.
        var unmatched = leaf.Subcommands.Count > 0 ? result.UnmatchedTokens.Take(1) : result.UnmatchedTokens;
        string? previous = null;
        foreach (var token in unmatched)
        {
            // The word after an unknown option is most likely its value: one message for the pair.
            if (!(previous is not null && previous.StartsWith('-') && !token.StartsWith('-'))) problems.Add(Unknown(token, leaf, where));
            previous = token;
        }
        foreach (var argument in result.CommandResult.Children.OfType<ArgumentResult>())
            foreach (var token in argument.Tokens)
                if (token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2 && beforeSeparator.Contains(token.Value))
                    problems.Add(Unknown(token.Value, leaf, where));
        foreach (var error in result.Errors)
            if (!error.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal) &&
                !error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
                problems.Add(error.Message);
        return problems.Distinct().ToList();
    }

    private static string Unknown(string token, Command leaf, string where)
    {
        var quoted = SafeText.Escape(token);
        if (token.StartsWith('-'))
            return where.Length == 0
                ? $"unknown option '{quoted}'"
                : $"unknown option '{quoted}' for '{where}' (its options are listed by '{CommandPath(leaf)} --help')";
        if (leaf is RootCommand)
            return $"unknown command '{quoted}'. Commands: {string.Join(", ", Verbs.Select(v => v.Name))}.";
        if (leaf.Subcommands.Count > 0)
            return $"unknown subcommand '{quoted}' of '{where}'; known: {string.Join(", ", leaf.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        return $"unexpected argument '{quoted}' for '{where}' (quote an expression that contains spaces)";
    }

    private static IReadOnlyList<T> Discover<T>() =>
        typeof(CliHost).Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToList();
}
