using System.Globalization;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using Parser = ImplicitReg.Symbolic.Parsing.Parser;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>
/// Typed reading of YamlDotNet's representation model for one file: every read that fails adds a
/// <c>file:line:column: message</c> diagnostic at the node's own position and returns null, so one pass reports
/// every problem of the file rather than the first.
/// </summary>
internal sealed class YamlReader(string file)
{
    private readonly List<ClaimDiagnostic> _diagnostics = [];

    public string File => file;

    public IReadOnlyList<ClaimDiagnostic> Diagnostics => _diagnostics;

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(Mark mark, string message) => _diagnostics.Add(new ClaimDiagnostic(file, (int)mark.Line, (int)mark.Column, message));

    public void Error(SourceLocation at, string message) => _diagnostics.Add(new ClaimDiagnostic(file, at.Line, at.Column, message));

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>
    /// The keys of a mapping, each checked against <paramref name="allowed"/>: an unknown key is reported with
    /// the closest known one. Returns key → (key node, value node), or null when the node is not a mapping.
    /// </summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)>? Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} must be a mapping (key: value lines), found {Describe(node)}");
            return null;
        }
        var result = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode key || key.Value is null)
            {
                Error(k, $"a key of {what} must be a plain name");
                continue;
            }
            if (!allowed.Contains(key.Value))
            {
                var hint = Closest(key.Value, allowed) is { } c ? $"did you mean '{c}'? " : "";
                Error(key, $"unknown key '{key.Value}' in {what}; {hint}allowed: {string.Join(", ", allowed)}");
                continue;
            }
            result[key.Value] = (key, v);
        }
        return result;
    }

    /// <summary>A required key: reports its absence at the mapping.</summary>
    public YamlNode? Required(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, YamlNode mapNode, string key, string what)
    {
        if (map.TryGetValue(key, out var kv)) return kv.Value;
        Error(mapNode, $"{what} is missing the required key '{key}'");
        return null;
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } v } && !IsNull(node)) return v;
        Error(node, $"{what} must be a text value, found {Describe(node)}");
        return null;
    }

    public string? Choice(YamlNode node, string what, params string[] choices)
    {
        var s = String(node, what);
        if (s is null) return null;
        if (choices.Contains(s)) return s;
        var hint = Closest(s, choices) is { } c ? $" (did you mean '{c}'?)" : "";
        Error(node, $"{what} must be one of {string.Join(", ", choices)}, found '{s}'{hint}");
        return null;
    }

    public long? Long(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } &&
            long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x))
            return x;
        // Integers written in scientific notation (steps: 2e6) are accepted when they are whole.
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } w } &&
            double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            return (long)d;
        Error(node, $"{what} must be a whole number, found {Describe(node)}");
        return null;
    }

    public int? Int(YamlNode node, string what)
    {
        var x = Long(node, what);
        if (x is null) return null;
        if (x is >= int.MinValue and <= int.MaxValue) return (int)x;
        Error(node, $"{what} is too large: {x}");
        return null;
    }

    public double? Double(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } &&
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            return x;
        Error(node, $"{what} must be a finite number such as 0.01 or 1e-4, found {Describe(node)}");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s) return s.Value == "true";
        Error(node, $"{what} must be true or false, found {Describe(node)}");
        return null;
    }

    /// <summary>A sequence's items, or null (reported) when the node is not a sequence.</summary>
    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        Error(node, $"{what} must be a list ([a, b] or '- ' lines), found {Describe(node)}");
        return null;
    }

    public List<int>? IntList(YamlNode node, string what)
    {
        var items = Sequence(node, what);
        if (items is null) return null;
        var list = new List<int>();
        foreach (var item in items)
        {
            if (Int(item, $"each item of {what}") is not { } x) return null;
            list.Add(x);
        }
        return list;
    }

    /// <summary>
    /// A formula in the kernel's syntax, parsed with its domain; a parse error is reported at the position of the
    /// error inside the formula (the column is shifted by the quote for a quoted scalar on one line).
    /// </summary>
    public FormulaSpec? Formula(YamlNode node, string what, bool statement)
    {
        var text = String(node, what);
        if (text is null) return null;
        try
        {
            IReadOnlyList<Statement> domain;
            Expr e = statement ? Parser.ParseStatementWithDomain(text, out domain) : Parser.ParseWithDomain(text, out domain);
            if (!statement && e is Statement)
            {
                Error(node, $"{what} must be an expression (a quantity), found a statement: '{text}'");
                return null;
            }
            return new FormulaSpec(text, e, domain, At(node));
        }
        catch (ParseException e)
        {
            var (line, column) = InnerPosition(node, e);
            _diagnostics.Add(new ClaimDiagnostic(file, line, column, $"{what}: bad formula '{text}': {e.Reason}"));
            return null;
        }
        catch (SymbolicException e)
        {
            Error(node, $"{what}: bad formula '{text}': {e.Message}");
            return null;
        }
    }

    // A single-line plain or quoted scalar maps formula columns one to one (after the opening quote); anything
    // else (folded, multi-line) is reported at the scalar's start, with the formula's own line and column in the message.
    private static (int Line, int Column) InnerPosition(YamlNode node, ParseException e)
    {
        var s = (YamlScalarNode)node;
        bool oneLine = node.Start.Line == node.End.Line && e.Line == 1;
        if (!oneLine || s.Style is ScalarStyle.Literal or ScalarStyle.Folded) return ((int)node.Start.Line, (int)node.Start.Column);
        int quote = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return ((int)node.Start.Line, (int)node.Start.Column + quote + e.Column - 1);
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" } or YamlScalarNode { Value: null };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } s => $"'{s.Value}'",
        YamlScalarNode s => $"the quoted text '{s.Value}'",
        _ => "an alias",
    };

    /// <summary>The allowed name nearest to <paramref name="name"/> by edit distance, when near enough to be a typo.</summary>
    public static string? Closest(string name, IEnumerable<string> allowed)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var a in allowed)
        {
            int d = Distance(name, a);
            if (d < bestDistance) (best, bestDistance) = (a, d);
        }
        return bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    // Levenshtein distance; hand-written because it is a dozen lines and only used for "did you mean" hints.
    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
