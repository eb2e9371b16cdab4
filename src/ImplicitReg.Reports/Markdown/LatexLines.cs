using System.Text;
using ImplicitReg.Reports.Html;

namespace ImplicitReg.Reports.Markdown;

/// <summary>
/// Breaks a long display formula of <c>report.md</c> into the rows of an <c>aligned</c> environment, as
/// <see cref="MathLines"/> does for the page's MathML: a derived right side thousands of glyphs long was one line that
/// GitHub's and most editors' math renderers show by scrolling sideways, and pasted into a paper it overflows the
/// column. Rows split the formula before a <c>+</c> or <c>-</c> of its outermost sum (never inside braces or a
/// <c>\left … \right</c> pair, which LaTeX cannot carry across rows); an equation's left side and relation open the
/// first row, aligned with <c>&amp;</c>, and continuation rows are indented under its right side. The LaTeX between the
/// breaks is the kernel printer's, unchanged and in the same order. Hand-written: no served library lays out LaTeX;
/// widths are estimated from the glyphs in em like the MathML ones.
/// </summary>
public static class LatexLines
{
    private static readonly string[] Relations = [" = ", @" \neq ", @" \leq ", @" \geq ", " < ", " > "];

    /// <summary>Commands that draw nothing themselves (their arguments are counted).</summary>
    private static readonly HashSet<string> Invisible = ["left", "right", "frac", "mathrm", "operatorname", "mathbf", "mathit", "text"];

    /// <summary>
    /// The body of a display formula: <paramref name="tex"/> unchanged when it is no wider than
    /// <paramref name="rowEm"/> (or has no outermost sum to break), else an <c>aligned</c> environment of rows.
    /// </summary>
    public static string Layout(string tex, double rowEm = MathLines.RowEm)
    {
        if (Width(tex) <= rowEm) return tex;
        var relations = Relations.SelectMany(r => TopLevel(tex, r).Select(at => (At: at, Op: r))).OrderBy(x => x.At).ToList();
        // "lhs &= " opens the first row when there is one relation and its left side is short; else every row starts at
        // the alignment point and the formula is broken as a whole.
        string first = "& ", rhs = tex;
        double firstWidth = 0;
        if (relations.Count == 1 && Width(tex[..relations[0].At]) <= rowEm * 0.4)
        {
            var (at, op) = relations[0];
            first = tex[..at] + " &" + op.Trim() + " ";
            firstWidth = Width(first);
            rhs = tex[(at + op.Length)..];
        }
        var rows = Rows(rhs, rowEm - firstWidth);
        if (rows.Count == 1) return tex;
        var sb = new StringBuilder(@"\begin{aligned}").Append('\n');
        for (int i = 0; i < rows.Count; i++)
            sb.Append(i == 0 ? first : @"&\quad ").Append(rows[i]).Append(i < rows.Count - 1 ? @" \\" : "").Append('\n');
        return sb.Append(@"\end{aligned}").ToString();
    }

    // The sum's terms greedily filled into rows; every row after the first starts with its sign ("+ …", "- …").
    private static List<string> Rows(string sum, double rowEm)
    {
        var cuts = TopLevel(sum, " + ").Concat(TopLevel(sum, " - ")).Order().ToList();
        var parts = new List<string>();
        int start = 0;
        foreach (var cut in cuts)
        {
            parts.Add(sum[start..cut]);
            start = cut + 1; // the next part begins with its sign
        }
        parts.Add(sum[start..]);
        var rows = new List<string>();
        var row = new StringBuilder();
        double width = 0;
        foreach (var part in parts)
        {
            var w = Width(part);
            if (row.Length > 0 && width + w > rowEm)
            {
                rows.Add(row.ToString());
                row.Clear();
                width = 0;
            }
            row.Append(row.Length > 0 ? " " : "").Append(part);
            width += w;
        }
        rows.Add(row.ToString());
        return rows;
    }

    /// <summary>Where <paramref name="token"/> occurs outside every brace group and <c>\left … \right</c> pair.</summary>
    private static IEnumerable<int> TopLevel(string tex, string token)
    {
        int depth = 0;
        for (int i = 0; i < tex.Length; i++)
        {
            char c = tex[i];
            if (c == '\\' && i + 1 < tex.Length && (tex[i + 1] is '{' or '}' or '\\'))
            {
                i++; // an escaped brace or a line break is no group
                continue;
            }
            if (c == '{' || Command(tex, i, "left")) depth++;
            else if (c == '}' || Command(tex, i, "right")) depth--;
            else if (depth == 0 && string.CompareOrdinal(tex, i, token, 0, token.Length) == 0) yield return i;
        }
    }

    private static bool Command(string tex, int i, string name) =>
        tex[i] == '\\' && string.CompareOrdinal(tex, i + 1, name, 0, name.Length) == 0
            && (i + 1 + name.Length >= tex.Length || !char.IsLetter(tex[i + 1 + name.Length]));

    /// <summary>
    /// Estimated width in em: letters and digits as in <see cref="MathLines.Width"/>, a command word as one symbol
    /// (none for <c>\left</c>, <c>\frac</c> and the like), braces and script marks nothing; scripts at full size, so
    /// the estimate errs on the wide side.
    /// </summary>
    public static double Width(string tex)
    {
        double w = 0;
        for (int i = 0; i < tex.Length; i++)
        {
            char c = tex[i];
            if (c == '\\')
            {
                int j = i + 1;
                while (j < tex.Length && char.IsLetter(tex[j])) j++;
                if (j == i + 1)
                {
                    w += j < tex.Length && tex[j] is ',' or ';' or ' ' ? 0.2 : 0.5; // "\," spacing or an escaped symbol
                    i = j < tex.Length ? j : i;
                    continue;
                }
                var name = tex[(i + 1)..j];
                w += Invisible.Contains(name) ? 0 : name == "sqrt" ? 1.1 : 0.9;
                i = j - 1;
                continue;
            }
            w += c switch
            {
                '{' or '}' or '^' or '_' or ' ' or '&' => 0,
                '+' or '-' or '=' or '<' or '>' => 1.35,
                '(' or ')' or '[' or ']' or '|' or ',' => 0.45,
                _ when char.IsUpper(c) => 0.85,
                _ => 0.55,
            };
        }
        return w;
    }
}
