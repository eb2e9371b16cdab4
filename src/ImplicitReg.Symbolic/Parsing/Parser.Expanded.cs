using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Parsing;

public sealed partial class Parser
{
    /// <summary>
    /// Deepest nesting of parentheses that <see cref="ParseExpanded"/> expands directly; deeper text takes the tree
    /// path (which refuses it beyond <see cref="MaxDepth"/>).
    /// </summary>
    public const int MaxDirectNesting = 50;

    /// <summary>
    /// Parses and expands: the same result, domain and errors as <see cref="Algebra.Expand"/> of
    /// <see cref="ParseWithDomain"/>. Text that is a polynomial written out (numbers, symbols, <c>+ - *</c>,
    /// parentheses, division by numbers, positive integer literal powers: what derivations hand over as text) is
    /// expanded straight into a packed polynomial without building its tree, several times faster on megabytes of
    /// text; its domain is then empty (no divisor or root that could vanish). Everything else, errors included,
    /// takes the tree path.
    /// </summary>
    public static Expr ParseExpanded(string text, out IReadOnlyList<Statement> domain)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PolynomialText.TryExpand(text.AsSpan(), out var expanded))
        {
            domain = [];
            return expanded;
        }
        return Algebra.Expand(ParseWithDomain(text, out domain));
    }

    /// <summary>
    /// The fast path of <see cref="ParseExpanded"/> alone, on UTF-8 text as read from a file (a leading byte order
    /// mark is skipped): the expansion when the text is a polynomial written out in ASCII, false otherwise (the
    /// caller then decodes the text and calls <see cref="ParseExpanded"/>, which reports any error). Saves decoding
    /// megabytes into a string that the fast path does not need.
    /// </summary>
    public static bool TryParseExpanded(ReadOnlySpan<byte> utf8, out Expr expanded)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        return PolynomialText.TryExpand(utf8, out expanded);
    }

    /// <summary>True for the words that are not symbol names: keywords and function names.</summary>
    internal static bool IsReserved(string name) => Keywords.Contains(name) || FunctionOf(name) is not null;
}
