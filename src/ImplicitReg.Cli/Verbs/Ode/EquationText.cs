using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Verbs.Ode;

/// <summary>
/// Parses the systems of <c>ode solve</c>: statements <c>name' = rhs</c> separated by ';' or newlines ('#' starts
/// a comment), and initial values <c>name = value</c> separated by ',' or ';'. Every error names the line and
/// column in the user's whole input and shows that line with a caret.
/// </summary>
public static class EquationText
{
    /// <summary>A usage error located in the input (exit 2).</summary>
    public static CliUsageException Error(string input, int offset, string what, string reason)
    {
        offset = Math.Clamp(offset, 0, input.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (input[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        int column = offset - lineStart + 1;
        var lineEnd = input.IndexOf('\n', lineStart);
        var text = (lineEnd < 0 ? input[lineStart..] : input[lineStart..lineEnd]).TrimEnd('\r');
        return new CliUsageException($"{what}, line {line}, column {column}: {reason}\n  {text}\n  {new string(' ', column - 1)}^");
    }

    /// <summary>The equations in input order.</summary>
    public static List<(Sym Variable, Symbolic.Core.Expr Rhs)> ParseEquations(string input)
    {
        var parsed = new List<(Sym Variable, Symbolic.Core.Expr Rhs, int RhsAt, string RhsText)>();
        foreach (var (start, text) in Statements(input, ';', '\n'))
        {
            var eq = text.IndexOf('=');
            if (eq < 0) throw Error(input, start + FirstNonSpace(text), "--equations", $"expected name' = rhs, found '{text.Trim()}'");
            var lhs = text[..eq];
            var name = lhs.Trim();
            int nameAt = start + FirstNonSpace(lhs);
            if (!name.EndsWith('\''))
                throw Error(input, nameAt, "--equations", $"the left side '{name}' must be a derivative such as x' (name followed by ')");
            name = name[..^1].TrimEnd();
            if (name.Length == 0 || !IsSymbolName(name))
                throw Error(input, nameAt, "--equations", $"'{name}' is not a variable name (letters, digits, _ and an optional index like W1[1,2])");
            if (name == "t") throw Error(input, nameAt, "--equations", "t is the time; it cannot be a state variable");
            if (parsed.Any(p => p.Variable.Name == name)) throw Error(input, nameAt, "--equations", $"{name}' is defined twice");
            var rhsText = text[(eq + 1)..];
            int rhsAt = start + eq + 1;
            Symbolic.Core.Expr rhs;
            try
            {
                rhs = Parser.ParseExpression(rhsText);
            }
            catch (ParseException e)
            {
                throw Error(input, rhsAt + e.Offset, "--equations", e.Reason);
            }
            parsed.Add((new Sym(name), rhs, rhsAt, rhsText));
        }
        if (parsed.Count == 0) throw new CliUsageException("--equations is empty: give at least one equation such as \"x' = -x\"");
        // Every symbol of a right side must be a state variable or t.
        var known = new HashSet<string>(parsed.Select(p => p.Variable.Name)) { "t" };
        foreach (var p in parsed)
            foreach (var s in Algebra.FreeSymbols(p.Rhs))
                if (!known.Contains(s.Name))
                    throw Error(input, p.RhsAt + FindWord(p.RhsText, s.Name), "--equations",
                        $"unknown symbol '{s.Name}': it has no equation (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        return parsed.Select(p => (p.Variable, p.Rhs)).ToList();
    }

    /// <summary>Initial values by variable name; every variable needs one and nothing else may appear.</summary>
    public static double[] ParseInitialValues(string input, IReadOnlyList<Sym> variables)
    {
        var values = new Dictionary<string, double>();
        foreach (var (start, text) in Statements(input, ',', ';'))
        {
            var eq = text.IndexOf('=');
            if (eq < 0) throw Error(input, start + FirstNonSpace(text), "--init", $"expected name = value, found '{text.Trim()}'");
            var name = text[..eq].Trim();
            int nameAt = start + FirstNonSpace(text);
            if (!variables.Any(v => v.Name == name))
                throw Error(input, nameAt, "--init", $"'{name}' is not a variable of the system (variables: {string.Join(", ", variables.Select(v => v.Name))})");
            if (values.ContainsKey(name)) throw Error(input, nameAt, "--init", $"{name} is given twice");
            Symbolic.Core.Expr value;
            try
            {
                value = Parser.ParseExpression(text[(eq + 1)..]);
            }
            catch (ParseException e)
            {
                throw Error(input, start + eq + 1 + e.Offset, "--init", e.Reason);
            }
            if (Algebra.FreeSymbols(value).FirstOrDefault() is { } free)
                throw Error(input, start + eq + 1 + FindWord(text[(eq + 1)..], free.Name), "--init", $"an initial value must be a number, but it uses '{free.Name}'");
            var v = Algebra.Evaluate(value, new Dictionary<string, double>());
            if (!double.IsFinite(v)) throw Error(input, start + eq + 1 + FirstNonSpace(text[(eq + 1)..]), "--init", $"the value of {name} is not a finite number");
            values[name] = v;
        }
        var missing = variables.Where(v => !values.ContainsKey(v.Name)).Select(v => v.Name).ToList();
        if (missing.Count > 0) throw new CliUsageException($"--init has no value for {string.Join(", ", missing)}");
        return variables.Select(v => values[v.Name]).ToArray();
    }

    /// <summary>
    /// Splits on the separators outside brackets and parentheses (indices like W1[1,2] contain commas), after
    /// blanking '#' comments (offsets are kept); yields each non-blank statement with its offset in the input.
    /// </summary>
    private static IEnumerable<(int Start, string Text)> Statements(string input, char separator, char alternative)
    {
        var chars = input.ToCharArray();
        for (int i = 0, inComment = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n') inComment = 0;
            else if (chars[i] == '#') inComment = 1;
            if (inComment == 1) chars[i] = ' ';
        }
        var clean = new string(chars);
        int depth = 0, start = 0;
        for (int i = 0; i <= clean.Length; i++)
        {
            char c = i < clean.Length ? clean[i] : separator;
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && (c == separator || c == alternative))
            {
                if (clean[start..i].Trim().Length > 0) yield return (start, clean[start..i]);
                start = i + 1;
            }
        }
    }

    private static int FirstNonSpace(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>Offset of the first whole-word occurrence of a symbol name (0 if not found).</summary>
    private static int FindWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_');
            int end = at + word.Length;
            bool after = end >= text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_');
            if (before && after) return at;
        }
        return FirstNonSpace(text);
    }

    private static bool IsSymbolName(string name)
    {
        try
        {
            return Parser.ParseExpression(name) is Sym s && s.Name == name.Replace(" ", "");
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
