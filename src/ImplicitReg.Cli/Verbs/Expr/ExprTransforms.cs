using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>The one-expression subcommands: a kernel transformation, or printing in a fixed notation.</summary>
internal static class ExprTransforms
{
    /// <summary>simplify, expand, together, cancel: read, transform, print in <c>--format</c>.</summary>
    public static int Apply(ExprCommand c, Func<Expr, Expr> transform)
    {
        var format = c.Format();
        c.ExpectOperands("expression");
        c.WriteLine(format.Render(transform(c.Read(0))));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// expand: like <see cref="Apply"/> with <see cref="Algebra.Expand"/>, but infix text is read and expanded in one
    /// step (<see cref="Parser.ParseExpanded"/>), which takes megabytes of written-out polynomial without building
    /// their tree first.
    /// </summary>
    public static int Expand(ExprCommand c)
    {
        var format = c.Format();
        c.ExpectOperands("expression");
        c.WriteLine(format.Render(c.Read(0, expand: true)));
        return ExitCodes.Ok;
    }

    /// <summary>collect &lt;e&gt; --wrt x.</summary>
    public static int Collect(ExprCommand c)
    {
        var format = c.Format();
        var variable = c.Get(c.Options.Wrt) ?? throw new CliUsageException("'expr collect' needs --wrt <symbol>, the variable whose powers group the terms");
        c.ExpectOperands("expression");
        var x = Symbol(variable, "--wrt");
        c.WriteLine(format.Render(Algebra.Collect(c.Read(0), x)));
        return ExitCodes.Ok;
    }

    /// <summary>latex, mathml, smtlib: the notation is the subcommand, so they have no --format.</summary>
    public static int Render(ExprCommand c, Func<Expr, string> print)
    {
        c.ExpectOperands("expression");
        c.WriteLine(print(c.Read(0)));
        return ExitCodes.Ok;
    }

    /// <summary>A symbol named on the command line, checked like a symbol in an expression.</summary>
    public static Sym Symbol(string name, string option)
    {
        try
        {
            if (Parser.Parse(name) is Sym s) return s;
        }
        catch (ParseException)
        {
            // Reported below with the option's name, which says more than the parser's message.
        }
        throw new CliUsageException($"{option} expects a symbol name such as x or W2[1,3], got '{name}'");
    }
}
