using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// Reads <c>--at "x=1/2, y=3"</c> (repeatable; commas or semicolons between assignments). Values are
/// constant expressions (<c>1/2</c>, <c>-0.25</c>, <c>sqrt(2)</c>); indexed names keep their commas:
/// <c>--at "W[1,2]=3"</c>.
/// </summary>
internal static class PointParser
{
    public static Dictionary<Sym, Expr> Parse(IEnumerable<string> options)
    {
        var point = new Dictionary<Sym, Expr>();
        foreach (var option in options)
        {
            foreach (var assignment in Split(option))
            {
                var eq = assignment.IndexOf('=');
                if (eq <= 0)
                    throw new CliUsageException($"--at expects assignments like \"x=1/2, y=3\", got '{assignment}'");
                var name = ExprTransforms.Symbol(assignment[..eq], "--at");
                var valueText = assignment[(eq + 1)..];
                Expr value;
                try
                {
                    value = Parser.ParseExpression(valueText);
                }
                catch (ParseException e)
                {
                    throw new CliUsageException($"--at: the value of {name.Name} ('{valueText.Trim()}'): {e.Message}");
                }
                if (Algebra.FreeSymbols(value).Count > 0)
                    throw new CliUsageException($"--at: the value of {name.Name} must be a constant such as 1/2 or sqrt(2), got '{value}'");
                if (!point.TryAdd(name, value))
                    throw new CliUsageException($"--at gives {name.Name} twice");
            }
        }
        return point;
    }

    /// <summary>Splits at commas and semicolons outside brackets and parentheses.</summary>
    private static IEnumerable<string> Split(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                if (text[i] is '[' or '(') depth++;
                else if (text[i] is ']' or ')') depth--;
                if (text[i] is not (',' or ';') || depth > 0) continue;
            }
            var part = text[start..i].Trim();
            if (part.Length > 0) yield return part;
            start = i + 1;
        }
    }
}
