using System.CommandLine;
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
    private sealed record Subcommand(string Name, string[] Operands, string Summary, string Example, Func<ExprOptions, Option[]> Options,
        Func<ExprCommand, int> Run);

    private static readonly string[] One = ["expression"];

    private static readonly Subcommand[] Subcommands =
    [
        new("simplify", One, "canonical form with rational parts cancelled", "implicitreg expr simplify \"(x^2-1)/(x-1)\"",
            o => [o.Format], c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Simplify)),
        new("expand", One, "multiply out products and integer powers", "implicitreg expr expand \"(x+y)^3\"",
            o => [o.Format], ExprTransforms.Expand),
        new("together", One, "one fraction over a common denominator", "implicitreg expr together \"1/x + 1/y\"",
            o => [o.Format], c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Together)),
        new("cancel", One, "cancel common factors of numerator and denominator", "implicitreg expr cancel \"(x^2-1)/(x+1)\"",
            o => [o.Format], c => ExprTransforms.Apply(c, Symbolic.Operations.Algebra.Cancel)),
        new("collect", One, "group terms by powers of a variable", "implicitreg expr collect \"a*x + b*x + x^2\" --wrt x",
            o => [o.Format, o.Wrt], ExprTransforms.Collect),
        new("diff", One, "partial derivative(s)", "implicitreg expr diff \"x^2*sin(y)\" --wrt x",
            o => [o.Format, o.WrtMany, o.Order], ExprDiff.Run),
        new("equal", ["left side", "right side"], "prove equal, refute with an exact witness, or report numeric agreement",
            "implicitreg expr equal \"(x+1)^2\" \"x^2+2*x+1\"", o => [o.Format, o.Seed], ExprEqual.Run),
        new("eval", One, "value at a point: exact when rational, else a decimal", "implicitreg expr eval \"x^2 + y\" --at \"x=1/2, y=3\"",
            o => [o.Format, o.At, o.Numeric], ExprEval.Run),
        new("latex", One, "print in LaTeX", "implicitreg expr latex \"sqrt(x)/(2*W2[1,3])\"", _ => [], c => ExprTransforms.Render(c, LatexPrinter.Print)),
        new("mathml", One, "print in presentation MathML", "implicitreg expr mathml \"x^2/2\"", _ => [], c => ExprTransforms.Render(c, MathMLPrinter.Print)),
        new("smtlib", One, "print as an SMT-LIB2 term over the reals (sqrt, exp, log, sin, cos are refused)", "implicitreg expr smtlib \"x^2 - 2*x*y\"",
            _ => [], c => ExprTransforms.Render(c, SmtLibPrinter.Print)),
    ];

    private const string Syntax =
        """
        An expression argument may be '-' (read standard input) or '@path' (read a file); text that starts with '{'
        is read as the JSON tree that --format json prints. Syntax: + - * / ^ (or **), sqrt exp log abs sign sin cos,
        indexed symbols like W2[1,3], exact decimals (0.1 is 1/10); statements use = != < <= > >= and, or, not, implies.
        """;

    /// <inheritdoc />
    public string Name => "expr";

    /// <inheritdoc />
    public string Summary => "simplify, expand, differentiate, compare, evaluate and print expressions";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var expr = new VerbCommand(Name, Summary, "implicitreg expr expand \"(x+y)^3\"",
            "0 ok (proved equal), 1 not equal (witness printed), 2 bad input, 3 only numerically equal") { Notes = Syntax };
        foreach (var sub in Subcommands)
        {
            var options = new ExprOptions();
            var operands = new Argument<string[]>(string.Join(" ", sub.Operands.Select(n => n.Replace(' ', '-'))))
            {
                Arity = ArgumentArity.ZeroOrMore,
                Description = "literal text, '-' (standard input) or @path (a file)",
            };
            var command = new VerbCommand(sub.Name, sub.Summary, sub.Example) { Notes = Syntax };
            command.Arguments.Add(operands);
            foreach (var option in sub.Options(options)) command.Options.Add(option);
            command.Runs(r => Run(sub, new ExprCommand(sub.Name, r, r.GetValue(operands) ?? [], options, io)));
            expr.Subcommands.Add(command);
        }
        return expr.RequiresSubcommand();
    }

    private static int Run(Subcommand sub, ExprCommand command)
    {
        try
        {
            return sub.Run(command);
        }
        catch (ExprSyntaxException e)
        {
            command.IO.Err.WriteLine(e.Render());
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is SymbolicException or DivideByZeroException)
        {
            // A refused or undefined computation (division by zero, a log of a negative number, an
            // expansion too large to carry out): the input's fault, said plainly.
            command.IO.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
