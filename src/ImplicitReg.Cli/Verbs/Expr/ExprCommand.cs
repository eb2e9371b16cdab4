using System.CommandLine;
using System.Text;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// One run of an <c>expr</c> subcommand: its arguments (the subcommand name first), the streams, and the
/// helpers every subcommand shares for reading expression arguments and printing results.
/// </summary>
internal sealed class ExprCommand(string name, ParseResult result, IReadOnlyList<string> operands, ExprOptions options, CliIO io)
{
    private static readonly string[] Ordinals = ["first", "second", "third"];
    private bool _stdinUsed;

    public string Name { get; } = name;
    public CliIO IO { get; } = io;

    /// <summary>The options of the <c>expr</c> subcommands (each subcommand accepts only its own).</summary>
    public ExprOptions Options { get; } = options;

    /// <summary>The arguments after the subcommand name.</summary>
    public IReadOnlyList<string> Operands { get; } = operands;

    /// <summary>The parsed value of <paramref name="option"/> (its default when absent).</summary>
    public T? Get<T>(Option<T> option) => result.GetValue(option);

    /// <summary>Whether <paramref name="option"/> was given on the command line.</summary>
    public bool Given(Option option) => result.WasGiven(option);

    /// <summary>Requires exactly the named operands, e.g. ["expression"] or ["left side", "right side"].</summary>
    public void ExpectOperands(params string[] names)
    {
        var given = Operands.Count;
        if (given == names.Length) return;
        var wanted = string.Join(" ", names.Select(n => $"<{n}>"));
        throw new CliUsageException(given < names.Length
            ? $"'expr {Name}' needs {wanted}; missing <{names[given]}>"
            : $"'expr {Name}' takes {wanted}; unexpected extra argument '{Operands[names.Length]}' (quote an expression that contains spaces)");
    }

    /// <summary>The <c>--format</c> option (text when absent).</summary>
    public ExprFormat Format() => ExprFormats.Parse(Get(Options.Format)!);

    /// <summary>
    /// Where the operands read so far are defined as written (divisors non-zero, roots of non-negative numbers,
    /// logs of positive numbers): canonical forms may drop these conditions, so results are stated on this domain.
    /// </summary>
    public List<Statement> Domain { get; } = [];

    /// <summary>
    /// Reads operand <paramref name="index"/>: literal text, <c>-</c> for standard input or <c>@path</c>; a text starting
    /// with '{' is the JSON tree of <c>--format json</c>, anything else infix notation. With <paramref name="expand"/>
    /// the result is expanded (<see cref="Symbolic.Operations.Algebra.Expand"/>), infix text in the same pass as it
    /// is read (<see cref="Parser.ParseExpanded"/>).
    /// </summary>
    public Expr Read(int index, bool expand = false)
    {
        var argument = Operands[index];
        if (argument == "-")
        {
            if (_stdinUsed) throw new CliUsageException("standard input ('-') can be read only once; give the other expression literally or as @file");
            _stdinUsed = true;
        }
        var role = Operands.Count > 1 ? $"the {Ordinals[Math.Min(index, Ordinals.Length - 1)]} expression" : null;
        string text;
        if (expand && argument.Length > 1 && argument[0] == '@')
        {
            // A file to expand is read as bytes and tried on the fast path first; only text it refuses is decoded
            // (as File.ReadAllText does: by byte order mark, UTF-8 otherwise) for the general reader.
            var bytes = CliInput.ReadBytes(argument[1..], role ?? "expression");
            if (Parser.TryParseExpanded(bytes, out var expanded)) return expanded;
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        else text = CliInput.ReadText(argument, IO, role ?? "expression");
        try
        {
            if (text.TrimStart().StartsWith('{'))
            {
                var tree = JsonReader.Read(text);
                return expand ? Symbolic.Operations.Algebra.Expand(tree) : tree;
            }
            var parsed = expand ? Parser.ParseExpanded(text, out var conditions) : Parser.ParseWithDomain(text, out conditions);
            foreach (var condition in conditions)
                if (!Domain.Contains(condition)) Domain.Add(condition);
            return parsed;
        }
        catch (ParseException e)
        {
            throw new ExprSyntaxException(e, text, role);
        }
    }

    /// <summary>Reads an operand that must be an expression, not a statement.</summary>
    public Expr ReadExpression(int index)
    {
        var e = Read(index);
        if (e is Statement)
            throw new CliUsageException($"'expr {Name}' works on expressions, but '{Shorten(e)}' is a statement (relation or logic)");
        return e;
    }

    public void WriteLine(string line) => IO.Out.WriteLine(line);

    public static string Shorten(Expr e)
    {
        var s = e.ToString();
        return s.Length <= 80 ? s : s[..60] + " ... " + s[^15..];
    }
}
