using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImplicitReg.Reports.Tables;

/// <summary>
/// The one look of every table the toolkit prints (<c>verify</c>, <c>compare</c>, <c>prove --catalogue</c>,
/// <c>derive --list</c>, the <c>reproduce</c> summaries): a Spectre.Console <see cref="Table"/> with the minimal border
/// (a rule under the header, <c>│</c> between columns), rendered to plain text. Rendering never emits colour or ANSI
/// codes, whatever the terminal, <c>NO_COLOR</c> or redirection: the output reads the same in a terminal, a pipe, a CI
/// log, a file and a snapshot, and scripts can cut it by column. Cells are literal text, never Spectre markup, so
/// <c>[</c> in a formula prints as itself.
/// </summary>
public static class TextTable
{
    /// <summary>Widest table rendered, in characters; a table wider than this wraps its widest cells.</summary>
    public const int Width = 160;

    /// <summary>A table with these columns and the house border.</summary>
    public static Table Create(params TableColumn[] columns)
    {
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var c in columns) table.AddColumn(c);
        return table;
    }

    /// <summary>A left-aligned column (text).</summary>
    public static TableColumn Left(string header) => new(new Text(header));

    /// <summary>A right-aligned column (numbers), optionally of a fixed width so the layout does not move with the digits of a time.</summary>
    public static TableColumn Right(string header, int? width = null)
    {
        var column = new TableColumn(new Text(header)).RightAligned();
        if (width is { } w) column.Width(w);
        return column;
    }

    /// <summary>Adds one row of literal cells (one per column; a cell may hold several lines).</summary>
    public static Table Row(this Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)));

    /// <summary>
    /// Renders to plain text: no colour, no ANSI codes, at most <paramref name="width"/> columns, lines ending in LF with
    /// trailing spaces trimmed and leading/trailing blank lines dropped, so the text diffs and snapshots cleanly.
    /// </summary>
    public static string Render(IRenderable renderable, int width = Width)
    {
        var buffer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        var lines = buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return string.Join("\n", lines) + "\n";
    }
}
