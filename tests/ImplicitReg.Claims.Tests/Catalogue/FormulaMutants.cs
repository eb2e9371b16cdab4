using System.Globalization;
using System.Text.RegularExpressions;

namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>One small edit of a formula's text: the operator's name and the edited formula.</summary>
internal sealed record FormulaMutant(string Operator, string Text);

/// <summary>
/// Small, deterministic edits of a formula in the kernel's syntax, each the kind of slip a transcription of a paper
/// makes: a constant ×(1+1/7) or +1, a sign flipped (an atom negated, <c>+</c> into <c>-</c>, <c>-</c> into
/// <c>+</c>), an exponent changed by 1, an inequality turned round, a symbol swapped for another symbol of the same
/// formula, an entry transposed (<c>W[1,2]</c> into <c>W[2,1]</c>). Each operator edits one of its occurrences, chosen
/// by a seeded hash of the formula's place, so a run is reproducible from its printed seed. Index expressions inside
/// brackets (<c>W[N:j+1]</c>) are never edited: they name a factor, not a quantity of the claim. Hand-written rather
/// than built on the kernel's parser because the mutant must be the claim's own text, minimally changed, so that the
/// loader and the check judge it exactly as they judge a claim file.
/// </summary>
internal static partial class FormulaMutants
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "implies", "true", "false" };

    private enum Kind { Number, Identifier, Operator }

    private sealed record Token(Kind Kind, string Text, int Start, int End, int Depth);

    /// <summary>The mutants of <paramref name="formula"/>: at most one per operator, the occurrence picked by <paramref name="pick"/>(operator, count).</summary>
    public static IReadOnlyList<FormulaMutant> Of(string formula, Func<string, int, int> pick, bool expression)
    {
        var t = Tokenize(formula);
        var result = new List<FormulaMutant>();
        void Add(string op, IReadOnlyList<(int Start, int End, string Text)> edits)
        {
            if (edits.Count == 0) return;
            var (s, e, r) = edits[pick(op, edits.Count)];
            result.Add(new FormulaMutant(op, formula[..s] + r + formula[e..]));
        }

        bool AfterCaret(int i) => i > 0 && t[i - 1].Text == "^";
        bool Operand(int i) => i >= 0 && (t[i].Kind is Kind.Number or Kind.Identifier && !Keywords.Contains(t[i].Text) || t[i].Text is ")" or "]");
        var constants = Enumerable.Range(0, t.Count).Where(i => t[i].Kind == Kind.Number && t[i].Depth == 0 && !AfterCaret(i)).ToList();
        Add("constant-scaled", constants.Where(i => Value(t[i].Text) != 0).Select(i => Edit(t[i], $"({t[i].Text}*8/7)")).ToList());
        Add("constant-plus-1", constants.Select(i => Edit(t[i], $"({t[i].Text}+1)")).ToList());

        // An atom negated: a number other than 0, or a symbol with its index; not one raised to a power ((-x)^2 = x^2).
        var atoms = new List<(int Start, int End, string Text)>();
        for (int i = 0; i < t.Count; i++)
        {
            if (t[i].Depth != 0 || AfterCaret(i) || !IsSymbol(t, i) && !(t[i].Kind == Kind.Number && Value(t[i].Text) != 0)) continue;
            int last = t[i].Kind == Kind.Identifier ? CloseOfIndex(t, i) : i;
            if (last + 1 < t.Count && t[last + 1].Text == "^") continue;
            var text = formula[t[i].Start..t[last].End];
            atoms.Add((t[i].Start, t[last].End, $"(-{text})"));
        }
        Add("sign-flipped", atoms);
        Add("plus-to-minus", t.Where(x => x.Depth == 0 && x.Text == "+").Select(x => Edit(x, "-")).ToList());
        Add("minus-to-plus", Enumerable.Range(0, t.Count).Where(i => t[i].Depth == 0 && t[i].Text == "-" && Operand(i - 1)).Select(i => Edit(t[i], "+")).ToList());
        foreach (var (name, delta) in new[] { ("exponent-plus-1", "+1"), ("exponent-minus-1", "-1") })
        {
            var edits = new List<(int, int, string)>();
            for (int i = 0; i + 1 < t.Count; i++)
            {
                if (t[i].Text != "^") continue;
                var next = t[i + 1];
                if (next.Text == "(") edits.Add((next.Start, next.End, delta == "+1" ? "(1+" : "(-1+"));
                else if (next.Kind == Kind.Number || next.Kind == Kind.Identifier && next.Text != "T") edits.Add((next.Start, next.End, $"({next.Text}{delta})"));
            }
            Add(name, edits);
        }
        Add("relation-reversed", t.Where(x => x.Depth == 0 && x.Text is "<" or "<=" or ">" or ">=")
            .Select(x => Edit(x, x.Text switch { "<" => ">", "<=" => ">=", ">" => "<", _ => "<=" })).ToList());

        // A symbol swapped for another symbol of the same formula (scalars for scalars, matrices for matrices).
        var scalars = Enumerable.Range(0, t.Count).Where(i => t[i].Depth == 0 && IsSymbol(t, i) && !AfterCaret(i)).ToList();
        var swaps = new List<(int, int, string)>();
        foreach (var indexed in new[] { false, true })
        {
            var group = scalars.Where(i => Indexed(t, i) == indexed).ToList();
            var names = group.Select(i => t[i].Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (names.Count < 2) continue;
            foreach (var i in group) swaps.Add(Edit(t[i], names[(names.IndexOf(t[i].Text) + 1) % names.Count]));
        }
        Add("symbol-swapped", swaps);
        var transposed = new List<(int, int, string)>();
        for (int i = 0; i + 5 < t.Count; i++)
        {
            if (t[i].Depth != 0 || !IsSymbol(t, i) || t[i + 1].Text != "[" || t[i + 3].Text != "," || t[i + 5].Text != "]") continue;
            if (t[i + 2].Text == t[i + 4].Text) continue;
            transposed.Add((t[i + 2].Start, t[i + 4].End, $"{t[i + 4].Text},{t[i + 2].Text}"));
        }
        Add("entry-transposed", transposed);
        if (expression) result.Add(new FormulaMutant("negated", $"-({formula})"));
        return result;
    }

    private static (int, int, string) Edit(Token t, string replacement) => (t.Start, t.End, replacement);

    private static bool IsSymbol(List<Token> t, int i) =>
        t[i].Kind == Kind.Identifier && !Keywords.Contains(t[i].Text) && !(i + 1 < t.Count && t[i + 1].Text == "(");

    private static bool Indexed(List<Token> t, int i) => i + 1 < t.Count && t[i + 1].Text == "[";

    private static int CloseOfIndex(List<Token> t, int i)
    {
        if (!Indexed(t, i)) return i;
        for (int k = i + 1; k < t.Count; k++) if (t[k].Text == "]" && t[k].Depth == t[i].Depth) return k;
        return i;
    }

    private static double Value(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<Token> Tokenize(string formula)
    {
        var tokens = new List<Token>();
        int depth = 0;
        foreach (Match m in TokenPattern().Matches(formula))
        {
            if (m.Groups["ws"].Success) continue;
            var kind = m.Groups["num"].Success ? Kind.Number : m.Groups["id"].Success ? Kind.Identifier : Kind.Operator;
            if (m.Value == "]") depth--;
            tokens.Add(new Token(kind, m.Value, m.Index, m.Index + m.Length, depth));
            if (m.Value == "[") depth++;
        }
        return tokens;
    }

    [GeneratedRegex(@"(?<ws>\s+)|(?<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?<id>[A-Za-z_][A-Za-z0-9_]*)|(?<op><=|>=|==|!=|=>|\*\*|.)")]
    private static partial Regex TokenPattern();
}
