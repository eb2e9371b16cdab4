namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// The observed entries b_ij, (i, j) ∈ Ω, of a rows × columns matrix: three parallel arrays (0-based indices).
/// Validated once here so that every solver can index without checks: indices in range, no position twice,
/// finite values.
/// </summary>
public sealed class ObservedEntries
{
    /// <summary>Observed entries (row, column, value), 0-based; each position at most once.</summary>
    public ObservedEntries(int rows, int columns, IReadOnlyList<int> rowIndex, IReadOnlyList<int> columnIndex, IReadOnlyList<double> values)
    {
        if (rows <= 0 || columns <= 0)
            throw new ArgumentException($"the matrix must have at least one row and one column (got {rows}x{columns})");
        if (rowIndex.Count != columnIndex.Count || rowIndex.Count != values.Count)
            throw new ArgumentException($"observed entries: {rowIndex.Count} row indices, {columnIndex.Count} column indices and {values.Count} values; give one of each per entry");
        var seen = new HashSet<long>();
        for (int k = 0; k < rowIndex.Count; k++)
        {
            int i = rowIndex[k], j = columnIndex[k];
            if ((uint)i >= (uint)rows || (uint)j >= (uint)columns)
                throw new ArgumentException($"observed entry {k}: position ({i},{j}) is outside the {rows}x{columns} matrix (indices are 0-based)");
            if (!double.IsFinite(values[k]))
                throw new ArgumentException($"observed entry {k} at ({i},{j}): the value {values[k]} is not finite");
            if (!seen.Add((long)i * columns + j))
                throw new ArgumentException($"observed entry {k}: position ({i},{j}) is observed twice; keep one value per position");
        }
        Rows = rows;
        Columns = columns;
        RowIndex = rowIndex.ToArray();
        ColumnIndex = columnIndex.ToArray();
        Values = values.ToArray();
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }
    /// <summary>Columns of the matrix.</summary>
    public int Columns { get; }
    /// <summary>Number of observed entries.</summary>
    public int Count => Values.Length;
    /// <summary>Row of each observed entry.</summary>
    public int[] RowIndex { get; }
    /// <summary>Column of each observed entry.</summary>
    public int[] ColumnIndex { get; }
    /// <summary>Value of each observed entry.</summary>
    public double[] Values { get; }

    /// <summary>True when (i, j) ∈ Ω implies (j, i) ∈ Ω with the same value (needed by symmetric problems).</summary>
    public bool IsSymmetric()
    {
        if (Rows != Columns) return false;
        var at = new Dictionary<long, double>(Count);
        for (int k = 0; k < Count; k++) at[(long)RowIndex[k] * Columns + ColumnIndex[k]] = Values[k];
        for (int k = 0; k < Count; k++)
        {
            if (!at.TryGetValue((long)ColumnIndex[k] * Columns + RowIndex[k], out var v) || v != Values[k]) return false;
        }
        return true;
    }
}
