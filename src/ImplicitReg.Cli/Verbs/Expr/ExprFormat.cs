using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>The notation results are printed in (<c>--format</c>).</summary>
internal enum ExprFormat
{
    Text,
    Latex,
    MathML,
    Json,
}

internal static class ExprFormats
{
    public static readonly string[] Names = ["text", "latex", "mathml", "json"];

    public static ExprFormat Parse(string name) => name switch
    {
        "latex" => ExprFormat.Latex,
        "mathml" => ExprFormat.MathML,
        "json" => ExprFormat.Json,
        _ => ExprFormat.Text,
    };

    public static string Render(this ExprFormat format, Expr e) => format switch
    {
        ExprFormat.Latex => LatexPrinter.Print(e),
        ExprFormat.MathML => MathMLPrinter.Print(e),
        ExprFormat.Json => JsonPrinter.Print(e),
        _ => TextPrinter.Print(e),
    };
}
