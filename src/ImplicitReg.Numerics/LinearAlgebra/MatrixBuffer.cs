using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.LinearAlgebra;

/// <summary>
/// A dense row-major matrix whose rows are padded to a multiple of 8 doubles (one 512-bit vector), so the
/// kernels run whole vectors with no remainder loops. The padding columns are zero and every kernel keeps
/// them zero (they only ever add multiples of other padding), which is what makes full-width row dot
/// products exact. Storage starts on a 64-byte boundary (a pinned array, offset to the boundary): every row
/// is then cache-line aligned, and vector loads never straddle two lines, which made the gathering sparse
/// kernels a third slower.
/// </summary>
public sealed class MatrixBuffer
{
    /// <summary>Row padding granularity in doubles.</summary>
    public const int Lanes = 8;

    /// <summary>A zero matrix of the given shape.</summary>
    public MatrixBuffer(int rows, int columns)
    {
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows), "dimensions must be non-negative");
        Rows = rows;
        Columns = columns;
        Stride = (columns + Lanes - 1) / Lanes * Lanes;
        _length = rows * Stride;
        // The pinned object heap never moves objects, so the alignment found now holds for the array's life.
        _array = GC.AllocateArray<double>(_length + Lanes, pinned: true);
        _offset = AlignmentOffset(_array);
    }

    private readonly double[] _array;
    private readonly int _offset;
    private readonly int _length;

    private static int AlignmentOffset(double[] array)
    {
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(array, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var misalignment = (int)(handle.AddrOfPinnedObject() % 64);
            return misalignment == 0 ? 0 : (64 - misalignment) / sizeof(double);
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }
    /// <summary>Number of columns (without padding).</summary>
    public int Columns { get; }

    /// <summary>Distance between rows in <see cref="Data"/> (Columns rounded up to a multiple of 8).</summary>
    public int Stride { get; }

    /// <summary>The storage (Rows × Stride, 64-byte aligned), row-major with <see cref="Stride"/>; padding entries are zero.</summary>
    public Span<double> Data => _array.AsSpan(_offset, _length);

    /// <summary>Entry (row, column), 0-based.</summary>
    public double this[int row, int column]
    {
        get => _array[_offset + row * Stride + column];
        set => _array[_offset + row * Stride + column] = value;
    }

    /// <summary>The entries of row <paramref name="row"/>, without padding.</summary>
    public Span<double> Row(int row) => Data.Slice(row * Stride, Columns);

    /// <summary>Sets every entry to zero.</summary>
    public void Clear() => Data.Clear();

    /// <summary>Copies the entries of a matrix of the same shape.</summary>
    public void CopyFrom(MatrixBuffer other)
    {
        RequireSameShape(other);
        other.Data.CopyTo(Data);
    }

    /// <summary>A copy.</summary>
    public MatrixBuffer Clone()
    {
        var c = new MatrixBuffer(Rows, Columns);
        Data.CopyTo(c.Data);
        return c;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="other"/> has the same shape.</summary>
    public void RequireSameShape(MatrixBuffer other)
    {
        if (other.Rows != Rows || other.Columns != Columns)
            throw new ArgumentException($"shape {other.Rows}×{other.Columns} does not match {Rows}×{Columns}");
    }

    /// <summary>A matrix with the entries of a two-dimensional array.</summary>
    public static MatrixBuffer FromArray(double[,] values)
    {
        var m = new MatrixBuffer(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Columns; c++)
                m[r, c] = values[r, c];
        return m;
    }

    /// <summary>A matrix with the entries of a MathNet matrix.</summary>
    public static MatrixBuffer FromMatrix(Matrix<double> values)
    {
        var m = new MatrixBuffer(values.RowCount, values.ColumnCount);
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Columns; c++)
                m[r, c] = values[r, c];
        return m;
    }

    /// <summary>The entries as a two-dimensional array.</summary>
    public double[,] ToArray()
    {
        var a = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                a[r, c] = this[r, c];
        return a;
    }

    /// <summary>The entries as a dense MathNet matrix.</summary>
    public Matrix<double> ToMatrix() => Matrix<double>.Build.Dense(Rows, Columns, (r, c) => this[r, c]);

    /// <summary>Squared Frobenius norm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double FrobeniusSquared()
    {
        double s = 0;
        foreach (var v in Data) s += v * v; // padding is zero
        return s;
    }

    /// <summary>True when every entry is finite.</summary>
    public bool AllFinite()
    {
        foreach (var v in Data)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
