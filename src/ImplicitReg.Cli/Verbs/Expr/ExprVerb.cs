using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Printing;

// Not "Verbs.Expr": a namespace of that name would hide the kernel's Expr type from every other verb.
namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// <c>implicitreg expr</c>: the computer-algebra kernel on the command line — simplify, expand, differentiate,
/// decide equality, evaluate exactly, and print in LaTeX, MathML or JSON. Syntax errors exit 2 with the line,
/// column and a caret under the input; a refused or undefined computation exits 2 with the reason.
/// </summary>
public sealed class ExprVerb : ICliVerb
{
    private sealed record Subcommand(string Name, string Synopsis, string Summary, Func<ExprCommand, int> Run);

    private static readonly Subcommand[] Subcommands =
    [
        new("simplify", "<e>", "canonical form with rational parts cancelled", c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Simplify)),
        new("expand", "<e>", "multiply out products and integer powers", c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Expand)),
        new("together", "<e>", "one fraction over a common denominator", c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Together)),
        new("cancel", "<e>", "cancel common factors of numerator and denominator", c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Cancel)),
        new("collect", "<e> --wrt x", "group terms by powers of x", ExprTransforms.Collect),
        new("diff", "<e> --wrt x [--wrt y | --wrt x,y] [--order k]", "partial derivative(s)", ExprDiff.Run),
        new("equal", "<a> <b> [--seed S]", "prove equal, refute with an exact witness, or report numeric agreement", ExprEqual.Run),
        new("eval", "<e> --at \"x=1/2, y=3\" [--numeric]", "value at a point: exact when rational, else a decimal", ExprEval.Run),
        new("latex", "<e>", "print in LaTeX", c => ExprTransforms.Render(c, LatexPrinter.Print)),
        new("mathml", "<e>", "print in presentation MathML", c => ExprTransforms.Render(c, MathMLPrinter.Print)),
        new("smtlib", "<e>", "print as an SMT-LIB2 term over the reals (sqrt, exp, log, sin, cos are refused)", c => ExprTransforms.Render(c, SmtLibPrinter.Print)),
    ];

    public string Name => "expr";

    public string Summary => "simplify, expand, differentiate, compare, evaluate and print expressions";

    public string Usage =>
        "usage: implicitreg expr <subcommand> <expression>... [options]\n\n" +
        "subcommands:\n" +
        string.Concat(Subcommands.Select(s => $"  {s.Name} {s.Synopsis}\n      {s.Summary}\n")) +
        """

        options:
          --format text|latex|mathml|json   notation of the printed result (default text)

        An expression argument may be '-' (read standard input) or '@path' (read a file); text that starts
        with '{' is read as the JSON tree that --format json prints. Syntax: + - * / ^ (or **), sqrt exp log
        abs sign sin cos, indexed symbols like W2[1,3], exact decimals (0.1 is 1/10); statements use
        = != < <= > >= and, or, not, implies.
        exit: 0 ok (proved equal), 1 not equal (witness printed), 2 bad input, 3 only numerically equal
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["numeric"]);
        if (a.Positionals.Count == 0)
            throw new CliUsageException($"name a subcommand: {string.Join(", ", Subcommands.Select(s => s.Name))}");
        var name = a.Positionals[0];
        var sub = Subcommands.FirstOrDefault(s => s.Name == name)
            ?? throw new CliUsageException($"unknown subcommand '{name}'; known: {string.Join(", ", Subcommands.Select(s => s.Name))}");
        try
        {
            return sub.Run(new ExprCommand(name, a, io));
        }
        catch (ExprSyntaxException e)
        {
            io.Err.WriteLine(e.Render());
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is SymbolicException or DivideByZeroException)
        {
            // A refused or undefined computation (division by zero, a log of a negative number, an
            // expansion too large to carry out): the input's fault, said plainly.
            io.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
