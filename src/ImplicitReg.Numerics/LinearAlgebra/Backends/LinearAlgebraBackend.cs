namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// Where the simulators' dense products run: OpenBLAS's <c>cblas_dgemm</c> (which picks kernels for the CPU at
/// load time) or one portable managed kernel for machines where no BLAS loads. A provider in MathNet's sense: the
/// sparse parts of the gradients stay in <see cref="SparseKernels"/>, only dense products come here.
/// The default is chosen once per process from <see cref="SelectionVariable"/>:
/// <c>auto</c> (OpenBLAS if it loads, else managed), <c>openblas</c> (fail with a clear message if it does not
/// load) or <c>managed</c>.
/// </summary>
/// <example><c>IMPLICITREG_LINEAR_ALGEBRA=managed implicitreg simulate dmf …</c> prints <c>linear algebra: managed …</c>.</example>
public abstract class LinearAlgebraBackend
{
    /// <summary>Selects the default backend: <c>auto</c>, <c>openblas</c> or <c>managed</c> (case-insensitive).</summary>
    public const string SelectionVariable = "IMPLICITREG_LINEAR_ALGEBRA";

    private protected LinearAlgebraBackend()
    {
    }

    /// <summary>What runs the products, for run outputs: <c>OpenBLAS 0.3.21 (cblas_dgemm)</c> or <c>managed (…)</c>.</summary>
    public abstract string Description { get; }

    /// <summary>True for the BLAS-backed provider.</summary>
    public abstract bool IsNative { get; }

    /// <summary>C = op(A)·B with op(A) = A or Aᵀ; C's padding stays zero.</summary>
    public void Multiply(MatrixBuffer a, bool transposeA, MatrixBuffer b, MatrixBuffer c) => Multiply(a, transposeA, b, false, c);

    /// <summary>
    /// C = op(A)·op(B) with op(X) = X or Xᵀ; C's padding stays zero. Products of transposes are what a gradient in
    /// its natural orientation needs, so a caller need not transpose a factor (or the result) by hand. OpenBLAS reads
    /// the transposes in place; the managed kernel copies a transposed B first (see ManagedBackend).
    /// </summary>
    public void Multiply(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB, MatrixBuffer c)
    {
        int m = transposeA ? a.Columns : a.Rows, k = transposeA ? a.Rows : a.Columns;
        int kb = transposeB ? b.Columns : b.Rows, n = transposeB ? b.Rows : b.Columns;
        if (k != kb || c.Rows != m || c.Columns != n)
            throw new ArgumentException($"cannot multiply {Shape(a, transposeA)} by {Shape(b, transposeB)} into {c.Rows}×{c.Columns}");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            c.Clear();
            return;
        }
        Product(a, transposeA, b, transposeB, c, m, k);
    }

    private static string Shape(MatrixBuffer x, bool transposed) => transposed ? $"({x.Rows}×{x.Columns})ᵀ" : $"{x.Rows}×{x.Columns}";

    /// <summary>The product after the shape checks (m, k ≥ 1).</summary>
    private protected abstract void Product(MatrixBuffer a, bool transposeA, MatrixBuffer b, bool transposeB, MatrixBuffer c, int m, int k);

    /// <summary>The portable managed kernel at the widest register width the machine accelerates (always available).</summary>
    public static LinearAlgebraBackend Managed { get; } = new ManagedBackend(null);

    /// <summary>
    /// The managed kernel at a given register width (128, 256 or 512 bits, if the machine accelerates it); every
    /// width gives bitwise the same products.
    /// </summary>
    /// <exception cref="ArgumentException">the machine does not accelerate that width.</exception>
    public static LinearAlgebraBackend ManagedWithLanes(int laneBits) => new ManagedBackend(null, laneBits);

    /// <summary>The OpenBLAS provider; throws <see cref="LinearAlgebraUnavailableException"/> when no BLAS loads.</summary>
    public static LinearAlgebraBackend OpenBlas => OpenBlasProvider.Value;

    /// <summary>The OpenBLAS provider, or null with the reason.</summary>
    public static LinearAlgebraBackend? TryOpenBlas(out string reason)
    {
        var probe = OpenBlasLibrary.Probe();
        reason = probe.Message;
        return probe.IsAvailable ? OpenBlasProvider.Value : null;
    }

    private static readonly Lazy<LinearAlgebraBackend> OpenBlasProvider = new(() => new OpenBlasBackend(OpenBlasLibrary.RequireLoaded()));

    private static readonly Lazy<LinearAlgebraBackend> DefaultProvider = new(() => Select(Environment.GetEnvironmentVariable(SelectionVariable)));

    /// <summary>The process-wide default (see <see cref="SelectionVariable"/>); resolved on first use.</summary>
    /// <exception cref="LinearAlgebraUnavailableException">the variable is unknown, or asks for OpenBLAS and none loads.</exception>
    public static LinearAlgebraBackend Default => DefaultProvider.Value;

    /// <summary>The backend a value of <see cref="SelectionVariable"/> selects (null or empty: auto).</summary>
    public static LinearAlgebraBackend Select(string? setting)
    {
        switch (setting?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                return TryOpenBlas(out var reason) ?? new ManagedBackend($"no BLAS: {reason}");
            case "openblas" or "blas":
                return OpenBlas;
            case "managed":
                return new ManagedBackend($"{SelectionVariable}=managed");
            default:
                throw new LinearAlgebraUnavailableException(
                    $"{SelectionVariable}='{setting}' is not a linear-algebra backend; use auto, openblas or managed");
        }
    }
}
