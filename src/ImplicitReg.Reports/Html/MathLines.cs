using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ImplicitReg.Reports.Html;

/// <summary>
/// Breaks a long display formula into aligned rows: Chromium does not line-break MathML, so a derived right side
/// of a few thousand pixels was read by scrolling sideways. The formula's elements are kept as they are, in the same
/// order; only the layout changes: a <c>&lt;mtable&gt;</c> whose rows split the formula before a <c>+</c> or
/// <c>−</c> of a sum (at any depth of nested rows, never inside a fraction, power, root or subscript), the left side
/// and relation of an equation in the first row, continuation rows indented under the right side. Groups that a
/// break cuts through (a parenthesised sum) are closed at the end of a row and reopened at the start of the next.
/// Hand-written: MathML Core has no line breaking and no served library lays MathML out; widths are estimated from
/// the glyphs (in em), conservatively, and the browser test measures the result.
/// </summary>
public static class MathLines
{
    /// <summary>
    /// Widest row, in em of the formula's font: the report's column is about 56 em at a 1000-pixel window (less in
    /// an indented derivation step); the estimate errs on the wide side for subscripted names (measured in Chromium:
    /// rows filled to 40 em took 480–550 px of the 900).
    /// </summary>
    public const double RowEm = 46;

    /// <summary>Formulas whose MathML is shorter than this are never wide enough to break (and are not parsed).</summary>
    private const int ShortMarkup = 900;

    private const string ContinuationIndent = "<mspace width=\"2em\"></mspace>";

    private static readonly HashSet<string> Relations = ["=", "<", ">", "\u2264", "\u2265", "\u2260"];

    private static readonly HashSet<string> Additive = ["+", "-", "\u2212"];

    /// <summary>
    /// The content of a display <c>&lt;math&gt;</c> element laid out in rows no wider than <paramref name="rowEm"/>, or
    /// <paramref name="inner"/> unchanged when it fits in one (or cannot be read as XML).
    /// </summary>
    public static string Layout(string inner, double rowEm = RowEm) => Lay(inner, rowEm).Markup;

    /// <summary>
    /// The rows, and the font scale (1 or less) at which the widest of them fits: a row that holds one part no break
    /// can split (a long sum squared, a fraction of sums) is shown smaller rather than scrolled, down to
    /// <see cref="SmallestScale"/>.
    /// </summary>
    public static (string Markup, double Scale) Lay(string inner, double rowEm = RowEm)
    {
        var markup = Split(inner, rowEm, out var widest);
        var fit = rowEm * FitFactor;
        return (markup, widest <= fit ? 1 : Math.Max(SmallestScale, Math.Floor(100 * fit / widest) / 100));
    }

    /// <summary>
    /// A row up to this many times <see cref="RowEm"/> still fits the column (rows are filled to RowEm, but a part
    /// that cannot be split makes its row wider); only wider ones are shown smaller.
    /// </summary>
    public const double FitFactor = 1.1;

    /// <summary>Smallest font scale of a formula whose unbreakable part is wider than a row.</summary>
    public const double SmallestScale = 0.5;

    private static string Split(string inner, double rowEm, out double widest)
    {
        widest = 0;
        if (inner.Length < ShortMarkup) return inner;
        XElement root;
        try
        {
            root = XElement.Parse("<root>" + inner + "</root>");
        }
        catch (System.Xml.XmlException)
        {
            return inner; // not ours to judge: shown in one row as before
        }
        if (root.Elements().Count() != 1) return inner;
        var formula = root.Elements().Single();
        widest = Width(formula);
        if (widest <= rowEm) return inner;

        var children = formula.Name.LocalName == "mrow" ? formula.Elements().ToList() : [];
        bool equation = children.Count >= 3 && IsRelation(children[1]);
        double lhsWidth = equation ? Width(children[0]) : 0;
        if (equation && lhsWidth <= rowEm * 0.4)
        {
            // lhs | = first part, then | continuation rows, aligned after the relation.
            var rest = new XElement("mrow", children.Skip(1));
            var rows = Rows(rest, rowEm - lhsWidth, out widest, out var restructured);
            widest += lhsWidth;
            if (rows.Count == 1 && !restructured) return inner;
            var sb = new StringBuilder(inner.Length + 512);
            sb.Append("<mtable class=\"lines\">");
            for (int i = 0; i < rows.Count; i++)
                sb.Append("<mtr><mtd class=\"lhs\">").Append(i == 0 ? Xml(children[0]) : "").Append("</mtd><mtd>")
                    .Append(i == 0 ? "" : ContinuationIndent).Append(rows[i]).Append("</mtd></mtr>");
            return sb.Append("</mtable>").ToString();
        }
        var lines = Rows(formula, rowEm, out widest, out var broken);
        return lines.Count == 1 && !broken ? inner : Table(lines);
    }

    /// <summary>Rows as a one-column table, continuation rows indented.</summary>
    private static string Table(List<string> rows)
    {
        var sb = new StringBuilder("<mtable class=\"lines\">");
        for (int i = 0; i < rows.Count; i++)
            sb.Append("<mtr><mtd>").Append(i == 0 ? "" : ContinuationIndent).Append(rows[i]).Append("</mtd></mtr>");
        return sb.Append("</mtable>").ToString();
    }

    private abstract record Token;

    private sealed record Open(string Tag) : Token;

    private sealed record Close : Token;

    private sealed record Atom(string Markup, double Width) : Token;

    private sealed record Break : Token;

    /// <summary>
    /// The rows of <paramref name="e"/>, each a well-formed sequence of elements, greedily filled;
    /// <paramref name="restructured"/> when a power or fraction inside was itself broken.
    /// </summary>
    private static List<string> Rows(XElement e, double rowEm, out double widest, out bool restructured)
    {
        double max = 0;
        var tokens = new List<Token>();
        restructured = false;
        Flatten(e, tokens, rowEm, ref restructured);
        var rows = new List<string>();
        var open = new List<string>(); // start tags of the groups open at the current point
        var row = new StringBuilder();
        double width = 0, pending = 0;
        var segment = new StringBuilder();
        var openAtSegmentStart = new List<string>();
        bool rowEmpty = true;

        void FlushSegment(bool last)
        {
            if (!rowEmpty && width + pending > rowEm)
            {
                // Close the groups open where the row ends; the next row reopens them.
                rows.Add(row.Append(string.Concat(Enumerable.Repeat("</mrow>", openAtSegmentStart.Count))).ToString());
                max = Math.Max(max, width);
                row.Clear().Append(string.Concat(openAtSegmentStart));
                width = 0;
            }
            row.Append(segment);
            width += pending;
            rowEmpty = false;
            segment.Clear();
            pending = 0;
            openAtSegmentStart = [.. open];
            if (last)
            {
                rows.Add(row.ToString());
                max = Math.Max(max, width);
            }
        }

        foreach (var t in tokens)
        {
            switch (t)
            {
                case Open o:
                    segment.Append(o.Tag);
                    open.Add(o.Tag);
                    break;
                case Close:
                    segment.Append("</mrow>");
                    open.RemoveAt(open.Count - 1);
                    break;
                case Atom a:
                    segment.Append(a.Markup);
                    pending += a.Width;
                    break;
                case Break:
                    FlushSegment(last: false);
                    break;
            }
        }
        FlushSegment(last: true);
        widest = max + (rows.Count > 1 ? 2 : 0); // continuation rows are indented by 2 em
        return rows;
    }

    private static void Flatten(XElement e, List<Token> tokens, double rowEm, ref bool restructured)
    {
        if (e.Name.LocalName == "msup" && e.Elements().ToList() is [var b, var exponent] && Parenthesized(b) is { } body && Width(e) > rowEm)
        {
            // A long parenthesised sum to a power, as printed books break it: "(a + b" on one row, "+ c)²" on the next,
            // the exponent on the closing parenthesis. The same elements in the same order; only the grouping that
            // kept the sum on one row goes.
            restructured = true;
            tokens.Add(new Open(StartTag(b)));
            tokens.Add(new Atom(Xml(b.Elements().First()), Operator("(")));
            Flatten(body, tokens, rowEm, ref restructured);
            var close = b.Elements().Last();
            tokens.Add(new Atom($"<msup>{Xml(close)}{Xml(exponent)}</msup>", Operator(")") + 0.75 * Width(exponent)));
            tokens.Add(new Close());
            return;
        }
        if (e.Name.LocalName == "mfrac" && e.Elements().ToList() is [var numerator, var denominator] && Width(e) > rowEm)
        {
            // A fraction cannot be cut, but its numerator and denominator can be laid out in rows of their own above
            // and below the one bar: the same elements, the bar as wide as the widest row.
            restructured = true;
            var (top, topWidth) = Stacked(numerator, rowEm);
            var (bottom, bottomWidth) = Stacked(denominator, rowEm);
            tokens.Add(new Atom($"<mfrac>{top}{bottom}</mfrac>", Math.Max(topWidth, bottomWidth) + 0.4));
            return;
        }
        if (e.Name.LocalName != "mrow")
        {
            tokens.Add(new Atom(Xml(e), Width(e)));
            return;
        }
        tokens.Add(new Open(StartTag(e)));
        XElement? previous = null;
        foreach (var c in e.Elements())
        {
            // Before a + or − that follows an operand: not a leading sign, not right after an opening parenthesis.
            if (previous is not null && c.Name.LocalName == "mo" && Additive.Contains(c.Value.Trim())
                && !(previous.Name.LocalName == "mo" && previous.Value.Trim() is "(" or "[" or "{" or "|"))
                tokens.Add(new Break());
            Flatten(c, tokens, rowEm, ref restructured);
            previous = c;
        }
        tokens.Add(new Close());
    }

    /// <summary>One part of a fraction: itself when it fits a row, else its rows as a one-column table.</summary>
    private static (string Markup, double Width) Stacked(XElement e, double rowEm)
    {
        var width = Width(e);
        if (width <= rowEm) return (Xml(e), width);
        var rows = Rows(e, rowEm, out var widest, out var restructured);
        return rows.Count == 1 && !restructured ? (Xml(e), width) : (Table(rows), widest);
    }

    /// <summary>The sum inside <c>&lt;mrow&gt;&lt;mo&gt;(&lt;/mo&gt;sum&lt;mo&gt;)&lt;/mo&gt;&lt;/mrow&gt;</c>, or null.</summary>
    private static XElement? Parenthesized(XElement e) =>
        e.Name.LocalName == "mrow" && e.Elements().ToList() is [var open, var body, var close]
            && open.Name.LocalName == "mo" && open.Value.Trim() == "(" && close.Name.LocalName == "mo" && close.Value.Trim() == ")"
            && body.Name.LocalName == "mrow"
            ? body
            : null;

    private static bool IsRelation(XElement e) => e.Name.LocalName == "mo" && Relations.Contains(e.Value.Trim());

    private static string StartTag(XElement e)
    {
        var sb = new StringBuilder("<").Append(e.Name.LocalName);
        foreach (var a in e.Attributes())
            sb.Append(' ').Append(a.Name.LocalName).Append("=\"").Append(HtmlText.Escape(a.Value)).Append('"');
        return sb.Append('>').ToString();
    }

    // Characters as numeric references, as the kernel's printer writes them: the markup of a row is the formula's.
    private static string Xml(XElement e)
    {
        var text = e.ToString(SaveOptions.DisableFormatting);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch < 128) sb.Append(ch);
            else sb.Append("&#x").Append(((int)ch).ToString("X", CultureInfo.InvariantCulture)).Append(';');
        }
        return sb.ToString();
    }

    /// <summary>Estimated width of an element in em (scripts at 71 %, the MathML script size).</summary>
    public static double Width(XElement e)
    {
        var kids = e.Elements().ToList();
        return e.Name.LocalName switch
        {
            "mi" or "mn" or "mtext" => Glyphs(e.Value),
            "mo" => Operator(e.Value.Trim()),
            "mspace" => 0,
            "msub" or "msup" when kids.Count == 2 => Width(kids[0]) + 0.75 * Width(kids[1]) + 0.1,
            "msubsup" when kids.Count == 3 => Width(kids[0]) + 0.75 * Math.Max(Width(kids[1]), Width(kids[2])) + 0.1,
            "mfrac" when kids.Count == 2 => Math.Max(Width(kids[0]), Width(kids[1])) + 0.4,
            "msqrt" => kids.Sum(Width) + 1.1,
            "mroot" when kids.Count == 2 => Width(kids[0]) + 0.6 * Width(kids[1]) + 1.1,
            "mover" or "munder" or "munderover" => kids.Count == 0 ? 0 : kids.Max(Width),
            _ => kids.Sum(Width),
        };
    }

    // Capitals (W, G, U, A) are about as wide as the font's em in the serif math fonts browsers pick; digits and
    // small letters about half that.
    private static double Glyphs(string text) => text.Sum(c => char.IsUpper(c) ? 0.85 : 0.55);

    private static double Operator(string text) => text switch
    {
        "\u2062" or "\u2063" or "" => 0.05,
        "\u2061" => 0.2,
        "(" or ")" or "[" or "]" or "|" or "{" or "}" => 0.45,
        "," => 0.4,
        "+" or "-" or "\u2212" => 1.35,
        _ when Relations.Contains(text) => 1.4,
        _ => 0.9 * Math.Max(1, text.Length),
    };
}
