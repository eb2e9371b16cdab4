namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// One piece of a reproduction's text summary, in order: a line of text or a table. Tables are data here (the cells as
/// text, already formatted) and are laid out by the report layer, so every table the toolkit prints looks the same.
/// </summary>
public abstract record SummaryPart;

/// <summary>A line of the summary, printed as it is.</summary>
/// <param name="Text">The line, without a line break.</param>
public sealed record SummaryLine(string Text) : SummaryPart;

/// <summary>A table of the summary: a header and rows of formatted cells, one per column.</summary>
/// <param name="Columns">The column headers.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="NumberColumns">The (0-based) columns that hold numbers, right-aligned; null for none.</param>
public sealed record SummaryTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int>? NumberColumns = null) : SummaryPart;
