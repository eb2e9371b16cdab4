namespace ImplicitReg.Reports.Html;

/// <summary>The report's only style sheet, inlined in its head (the file must open offline, alone).</summary>
internal static class HtmlStyle
{
    // Display-mode <math> elements are given vertical padding: Chromium lays consecutive ones out so that tall
    // fractions and superscripts of one overlap the next. Their display stays `block math` (MathML Core's default for
    // them): a plain `block` lays their children out as boxes, one under the other, not as one formula. As wide as their
    // content (at most the column, then they scroll), they sit at the left edge like the text, long or short. A long
    // one is broken into the rows of an mtable.lines (MathLines): its cells align left, an equation's left side right,
    // and in display style (a table's cells are compact by default: fractions in them shrank to script size).
    public const string Css = """
        body { font-family: sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #111; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        h3 { font-size: 1.1em; margin-top: 1.5em; }
        h4 { font-size: 1em; margin: 1em 0 0.3em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.summary { width: 100%; }
        table.summary .verdict a, table.summary .outcome { white-space: nowrap; }
        p.legend { font-size: 0.92em; color: #333; max-width: 60em; }
        code, pre { font-family: monospace; font-size: 0.95em; background: #f6f6f6; }
        pre { padding: 0.5em; overflow-x: auto; white-space: pre-wrap; }
        pre.experiment-table { white-space: pre; font-size: 0.85em; }
        .formula-long details { margin: 0 0 0.6em 1em; }
        pre.formula-whole { max-height: 24em; overflow-y: auto; }
        math[display="block"] { display: block math; padding: 0.45em 0; overflow-x: auto; overflow-y: hidden; width: fit-content; max-width: 100%; box-sizing: border-box; }
        mtable.lines { math-style: normal; }
        mtable.lines mtd { text-align: left; padding: 0.12em 0; }
        mtable.lines mtd.lhs { text-align: right; padding-right: 0.28em; }
        .formulas { margin: 0.5em 0 0.5em 1em; }
        .pass { color: #11691f; font-weight: bold; }
        .fail { color: #b00020; font-weight: bold; }
        .undecided { color: #8a5a00; font-weight: bold; }
        .muted { color: #555; }
        p.written { margin: 0 0 0.6em; font-size: 0.9em; }
        span.strength { color: #444; font-weight: normal; font-size: 0.9em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        figure { margin: 1em 0; }
        svg.figure { width: 100%; max-width: 760px; height: auto; display: block; border: 1px solid #eee; }
        figcaption { max-width: 760px; font-size: 0.92em; color: #333; margin-top: 0.3em; }
        .step { margin: 0.6em 0 0.6em 1em; padding-left: 0.8em; border-left: 3px solid #ddd; }
        """;
}
