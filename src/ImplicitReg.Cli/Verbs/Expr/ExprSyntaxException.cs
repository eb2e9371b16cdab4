using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// A syntax error in an expression argument, kept with the text it was found in so the verb can show
/// the offending line with a caret under the error.
/// </summary>
internal sealed class ExprSyntaxException(ParseException error, string input, string? role)
    : Exception(error.Message, error)
{
    public ParseException Error { get; } = error;
    public string Input { get; } = input;

    /// <summary>"error: … (line 1, column 5) in the second expression", then the excerpt, indented.</summary>
    public string Render()
    {
        var where = role is null ? "" : $" in {role}";
        var excerpt = string.Join("\n", Error.Excerpt(Input).Split('\n').Select(l => "  " + l));
        return $"error: {Error.Message}{where}\n{excerpt}";
    }
}
