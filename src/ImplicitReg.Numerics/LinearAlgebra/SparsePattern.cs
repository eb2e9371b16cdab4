namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// The positions of a sparse rows × columns matrix (the observed set Ω) in two orders: by row (CSR) and by
/// column (CSC). Products with the sparse matrix then visit each output row once and accumulate it in
/// registers, instead of scattering one row update per entry.
/// </summary>
public sealed class SparsePattern
{
    /// <summary>The pattern of the entries (rowIndex[k], columnIndex[k]), 0-based, in a rows × columns matrix.</summary>
    public SparsePattern(int rows, int columns, IReadOnlyList<int> rowIndex, IReadOnlyList<int> columnIndex)
    {
        Rows = rows;
        Columns = columns;
        int m = rowIndex.Count;
        var byRow = Enumerable.Range(0, m).OrderBy(k => rowIndex[k]).ThenBy(k => columnIndex[k]).ToArray();
        CsrOriginal = byRow;
        CsrRow = byRow.Select(k => rowIndex[k]).ToArray();
        CsrColumn = byRow.Select(k => columnIndex[k]).ToArray();
        RowStart = Starts(CsrRow, rows);
        var positionInCsr = new int[m];
        for (int e = 0; e < m; e++) positionInCsr[byRow[e]] = e;
        var byColumn = Enumerable.Range(0, m).OrderBy(k => columnIndex[k]).ThenBy(k => rowIndex[k]).ToArray();
        CscRow = byColumn.Select(k => rowIndex[k]).ToArray();
        CscColumn = byColumn.Select(k => columnIndex[k]).ToArray();
        CscFromCsr = byColumn.Select(k => positionInCsr[k]).ToArray();
        ColumnStart = Starts(CscColumn, columns);
    }

    /// <summary>Number of rows of the matrix.</summary>
    public int Rows { get; }
    /// <summary>Number of columns of the matrix.</summary>
    public int Columns { get; }
    /// <summary>Number of entries.</summary>
    public int Count => CsrRow.Length;

    /// <summary>Entries of row r are CSR positions RowStart[r] … RowStart[r+1]−1.</summary>
    public int[] RowStart { get; }
    /// <summary>The row of each CSR position.</summary>
    public int[] CsrRow { get; }
    /// <summary>The column of each CSR position.</summary>
    public int[] CsrColumn { get; }

    /// <summary>The original index of each CSR position.</summary>
    public int[] CsrOriginal { get; }

    /// <summary>Entries of column c are CSC positions ColumnStart[c] … ColumnStart[c+1]−1.</summary>
    public int[] ColumnStart { get; }
    /// <summary>The row of each CSC position.</summary>
    public int[] CscRow { get; }
    /// <summary>The column of each CSC position.</summary>
    public int[] CscColumn { get; }

    /// <summary>The CSR position of each CSC position.</summary>
    public int[] CscFromCsr { get; }

    private static int[] Starts(int[] sortedKeys, int count)
    {
        var start = new int[count + 1];
        foreach (var k in sortedKeys) start[k + 1]++;
        for (int i = 0; i < count; i++) start[i + 1] += start[i];
        return start;
    }
}
