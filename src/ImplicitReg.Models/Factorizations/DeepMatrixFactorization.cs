using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// Depth-N matrix factorization <c>W = W_N ⋯ W_1</c> with layer j of shape <c>d_j × d_{j−1}</c>
/// (docs/theory.md, Notation). Layer entries are the symbols <c>W&lt;j&gt;[r,c]</c>.
/// </summary>
/// <example><c>new DeepMatrixFactorization([2, 3, 3, 2])</c> is depth 3: W1 is 3×2, W2 3×3, W3 2×3.</example>
public sealed class DeepMatrixFactorization
{
    private readonly int[] _dims;

    /// <param name="dims">d_0, d_1, …, d_N (N + 1 positive sizes, N ≥ 1).</param>
    public DeepMatrixFactorization(IReadOnlyList<int> dims)
    {
        if (dims.Count < 2) throw new ArgumentException("a factorization needs at least two sizes d_0, d_1 (depth ≥ 1)", nameof(dims));
        if (dims.Any(d => d < 1)) throw new ArgumentException("every size d_j must be at least 1", nameof(dims));
        _dims = dims.ToArray();
    }

    /// <summary>A depth-N factorization whose layers are all n × n.</summary>
    public static DeepMatrixFactorization Square(int depth, int n) => new(Enumerable.Repeat(n, depth + 1).ToArray());

    /// <summary>The number of layers N.</summary>
    public int Depth => _dims.Length - 1;

    /// <summary>d_0, …, d_N.</summary>
    public IReadOnlyList<int> Dims => _dims;

    /// <summary>Rows of the end-to-end matrix (d_N).</summary>
    public int Rows => _dims[^1];

    /// <summary>Columns of the end-to-end matrix (d_0).</summary>
    public int Cols => _dims[0];

    /// <summary>Shape of layer j (1-based): d_j × d_{j−1}.</summary>
    public (int Rows, int Cols) LayerShape(int layer)
    {
        CheckLayer(layer);
        return (_dims[layer], _dims[layer - 1]);
    }

    /// <summary>The symbol matrix of layer j.</summary>
    public Expr[,] Layer(int layer)
    {
        var (rows, cols) = LayerShape(layer);
        var m = new Expr[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                m[r, c] = SymbolNames.Layer(layer, r + 1, c + 1);
        return m;
    }

    /// <summary>Every layer entry, layer by layer, row-major: the state vector of the flow.</summary>
    public IReadOnlyList<Sym> Parameters()
    {
        var list = new List<Sym>();
        for (int j = 1; j <= Depth; j++)
        {
            var (rows, cols) = LayerShape(j);
            for (int r = 1; r <= rows; r++)
                for (int c = 1; c <= cols; c++)
                    list.Add(SymbolNames.Layer(j, r, c));
        }
        return list;
    }

    /// <summary>
    /// <c>W_to ⋯ W_from</c> (1 ≤ from ≤ to ≤ N), or the identity of size d_{from−1} when to = from − 1 (empty product).
    /// Entries are expanded sums over index paths, built directly so no expansion is needed.
    /// </summary>
    public Expr[,] Product(int from, int to)
    {
        if (from < 1 || to > Depth || to < from - 1) throw new ArgumentOutOfRangeException(nameof(from), $"no product W{to}⋯W{from} in depth {Depth}");
        if (to == from - 1) return ExprMatrices.Identity(_dims[from - 1]);
        // Row vectors of monomials: start with layer 'from' and multiply on the left, keeping each entry a flat sum.
        var current = Layer(from);
        for (int j = from + 1; j <= to; j++) current = ExpandedProduct(Layer(j), current);
        return current;
    }

    /// <summary>The end-to-end matrix W = W_N ⋯ W_1, entries expanded.</summary>
    public Expr[,] EndToEnd() => Product(1, Depth);

    /// <summary>"depth 3, dims 2,3,3,2" — for reports.</summary>
    public string Describe() => $"depth {Depth}, dims {string.Join(",", _dims)}";

    private void CheckLayer(int layer)
    {
        if (layer < 1 || layer > Depth) throw new ArgumentOutOfRangeException(nameof(layer), $"layer {layer} is not in 1..{Depth}");
    }

    // A·B where A has symbol entries and B has entries that are sums of monomials: distributing a symbol over a
    // flat sum keeps the result a flat sum of monomials (the canonical constructors do not distribute by themselves).
    private static Expr[,] ExpandedProduct(Expr[,] a, Expr[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var result = new Expr[n, m];
        var terms = new List<Expr>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                terms.Clear();
                for (int l = 0; l < k; l++)
                {
                    var bl = b[l, j];
                    if (bl is Add sum) terms.AddRange(sum.Terms.Select(t => Expr.Mul(a[i, l], t)));
                    else terms.Add(Expr.Mul(a[i, l], bl));
                }
                result[i, j] = Expr.Add(terms);
            }
        return result;
    }
}
