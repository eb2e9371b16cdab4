namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// The positions of a sparse rows × columns matrix (the observed set Ω) in two orders: by row (CSR) and by
/// column (CSC). Products with the sparse matrix then visit each output row once and accumulate it in
/// registers, instead of scattering one row update per entry.
/// </summary>
public sealed class SparsePattern
{
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

    public int Rows { get; }
    public int Columns { get; }
    public int Count => CsrRow.Length;

    /// <summary>Entries of row r are CSR positions RowStart[r] … RowStart[r+1]−1.</summary>
    public int[] RowStart { get; }
    public int[] CsrRow { get; }
    public int[] CsrColumn { get; }

    /// <summary>The original index of each CSR position.</summary>
    public int[] CsrOriginal { get; }

    /// <summary>Entries of column c are CSC positions ColumnStart[c] … ColumnStart[c+1]−1.</summary>
    public int[] ColumnStart { get; }
    public int[] CscRow { get; }
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
