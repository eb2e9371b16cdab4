using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// <c>expr diff &lt;e&gt; --wrt x</c>: ∂e/∂x. <c>--wrt x --wrt y</c> (or <c>--wrt x,y</c>) differentiates by x, then
/// by y (∂²e/∂y∂x); <c>--order k</c> repeats a single variable k times. Without <c>--wrt</c>, an expression
/// in one symbol is differentiated by that symbol.
/// </summary>
internal static class ExprDiff
{
    public static int Run(ExprCommand c)
    {
        var format = c.Format();
        var wrt = c.Get(c.Options.WrtMany)!.SelectMany(SplitNames).ToList();
        int order = c.Get(c.Options.Order);
        c.ExpectOperands("expression");
        if (c.Given(c.Options.Order) && wrt.Count > 1)
            throw new CliUsageException("--order applies to a single --wrt variable; for a mixed derivative repeat --wrt (e.g. --wrt x --wrt x --wrt y)");
        var e = c.ReadExpression(0);
        var variables = wrt.Select(n => ExprTransforms.Symbol(n, "--wrt")).ToList();
        if (variables.Count == 0)
        {
            var free = Algebra.FreeSymbols(e);
            if (free.Count != 1)
                throw new CliUsageException(free.Count == 0
                    ? "name the variable with --wrt (the expression is a constant, so its derivative by any variable is 0)"
                    : $"name the variable with --wrt; the expression has the symbols {string.Join(", ", free.Select(s => s.Name))}");
            variables.Add(free[0]);
        }
        foreach (var x in variables) e = Algebra.Diff(e, x, order);
        c.WriteLine(format.Render(e));
        return ExitCodes.Ok;
    }

    /// <summary>Splits "x,y" into names, keeping the commas inside indices: "W[1,2],y" is W[1,2] and y.</summary>
    internal static IEnumerable<string> SplitNames(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                if (text[i] is '[' or '(') depth++;
                else if (text[i] is ']' or ')') depth--;
                if (text[i] != ',' || depth > 0) continue;
            }
            var part = text[start..i].Trim();
            if (part.Length == 0) throw new CliUsageException($"--wrt has an empty name in '{text}'");
            yield return part;
            start = i + 1;
        }
    }
}
