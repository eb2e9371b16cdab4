using System.Runtime.CompilerServices;
using ImplicitReg.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Simulators.Cp;

/// <summary>
/// A group of consecutive modes [first, end) of a CP model and the rows of their Khatri–Rao product that the
/// observations use: row p is <c>⊙_{m in group} A_m[i_m(p), :]</c> for the p-th distinct index tuple of the group
/// among the observed entries (so its size is at most min(Π n_m, |Ω|) × R, whatever the tensor's size). Also
/// holds ∂L/∂K and turns it into the factors' gradients.
/// </summary>
internal sealed class KhatriRaoGroup
{
    private readonly int _first;
    private readonly int[][] _tuples;   // the distinct index tuples of the group's modes, in order of first appearance
    private readonly double[] _others;  // scratch row: the product of the other modes' rows

    /// <param name="entries">The observed multi-indices.</param>
    /// <param name="first">First mode of the group.</param>
    /// <param name="end">One past the last mode.</param>
    /// <param name="components">R.</param>
    /// <param name="rowOfEntry">For each observed entry, its row of the group's product.</param>
    public KhatriRaoGroup(int[][] entries, int first, int end, int components, out int[] rowOfEntry)
    {
        _first = first;
        var index = new Dictionary<string, int>();
        var tuples = new List<int[]>();
        rowOfEntry = new int[entries.Length];
        for (int e = 0; e < entries.Length; e++)
        {
            var tuple = entries[e][first..end];
            var key = string.Join(",", tuple);
            if (!index.TryGetValue(key, out var row))
            {
                row = tuples.Count;
                index[key] = row;
                tuples.Add(tuple);
            }
            rowOfEntry[e] = row;
        }
        _tuples = [.. tuples];
        Product = new MatrixBuffer(_tuples.Length, components);
        Gradient = new MatrixBuffer(_tuples.Length, components);
        _others = new double[Product.Stride];
    }

    /// <summary>Number of rows (distinct index tuples).</summary>
    public int Count => _tuples.Length;

    /// <summary>K: the used rows of the Khatri–Rao product.</summary>
    public MatrixBuffer Product { get; }

    /// <summary>∂L/∂K, filled by the caller.</summary>
    public MatrixBuffer Gradient { get; }

    /// <summary>K[p, :] = ⊙_m A_m[i_m(p), :].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Form(MatrixBuffer[] factors)
    {
        int stride = Product.Stride;
        for (int p = 0; p < _tuples.Length; p++)
        {
            var tuple = _tuples[p];
            var row = Product.Data.Slice(p * stride, stride);
            Row(factors, 0, tuple[0]).CopyTo(row);
            for (int m = 1; m < tuple.Length; m++) RowKernels.Multiply(row, Row(factors, m, tuple[m]), row);
        }
    }

    /// <summary>∂L/∂A_m[i_m, :] += Σ_p ∂L/∂K[p, :] ⊙ Π_{m' ≠ m} A_{m'}[i_{m'}(p), :] for the group's modes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AccumulateFactorGradients(MatrixBuffer[] factors, MatrixBuffer[] gradients)
    {
        int stride = Product.Stride, width = _tuples.Length == 0 ? 0 : _tuples[0].Length;
        var others = _others.AsSpan();
        for (int p = 0; p < _tuples.Length; p++)
        {
            var tuple = _tuples[p];
            var dk = Gradient.Data.Slice(p * stride, stride);
            for (int m = 0; m < width; m++)
            {
                var target = gradients[_first + m].Data.Slice(tuple[m] * stride, stride);
                if (width == 1)
                {
                    RowKernels.AddScaled(1, dk, target);
                    continue;
                }
                int o = m == 0 ? 1 : 0;
                if (width == 2)
                {
                    RowKernels.AddScaledProduct(1, dk, Row(factors, o, tuple[o]), target);
                    continue;
                }
                Row(factors, o, tuple[o]).CopyTo(others);
                for (int k = o + 1; k < width; k++)
                    if (k != m) RowKernels.Multiply(others, Row(factors, k, tuple[k]), others);
                RowKernels.AddScaledProduct(1, dk, others, target);
            }
        }
    }

    private ReadOnlySpan<double> Row(MatrixBuffer[] factors, int modeInGroup, int index)
    {
        var f = factors[_first + modeInGroup];
        return f.Data.Slice(index * f.Stride, f.Stride);
    }
}
