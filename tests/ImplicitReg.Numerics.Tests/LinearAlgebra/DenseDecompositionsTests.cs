using ImplicitReg.Numerics.LinearAlgebra.Backends;
using ImplicitReg.Numerics.Optimization;
using ImplicitReg.Numerics.Tests.Optimization;
using ImplicitReg.Testing.Conditions;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.LinearAlgebra;

/// <summary>
/// The baselines' decompositions on both paths (LAPACK from OpenBLAS and MathNet managed): each must satisfy the
/// defining identities (A = QΛQᵀ with QᵀQ = I; singular values of a matrix built from known ones), and the two
/// paths must agree to round-off, also through a whole nuclear-norm solve.
/// </summary>
public sealed class DenseDecompositionsTests
{
    private static DenseDecompositions Get(string name) => name switch
    {
        "managed" => DenseDecompositions.Managed,
        "lapack" => DenseDecompositions.For(LinearAlgebraBackend.OpenBlas),
        _ => throw new ArgumentException($"unknown decompositions {name}"),
    };

    private static Matrix<double> Random(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => CompletionProblems.Gaussian(random));
    }

    [RequiresBlasFact]
    public void OpenBlasProvidesTheLapackPathAndNamesIt()
    {
        var lapack = Get("lapack");
        Assert.True(lapack.IsNative);
        Assert.Matches(@"^OpenBLAS \d+\.\d+\.\d+ LAPACK \(dsyevd, dgesdd\)$", lapack.Description);
        Assert.False(DenseDecompositions.For(LinearAlgebraBackend.Managed).IsNative);
    }

    [RequiresBlasTheory]
    [InlineData("lapack", 1)]
    [InlineData("lapack", 37)]
    [InlineData("managed", 37)]
    public void TheEigendecompositionReconstructsTheMatrix(string path, int n)
    {
        var a = Random(n, n, seed: n);
        var s = a + a.Transpose();
        var (values, q) = Get(path).SymmetricEigen(s);
        for (int k = 1; k < n; k++) Assert.True(values[k - 1] <= values[k], "eigenvalues must ascend");
        var rebuilt = q * Matrix<double>.Build.DenseOfDiagonalArray(values) * q.Transpose();
        Assert.True((rebuilt - s).FrobeniusNorm() <= 1e-12 * n * s.FrobeniusNorm(), $"QΛQᵀ misses A by {(rebuilt - s).FrobeniusNorm():E2}");
        Assert.True((q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).FrobeniusNorm() <= 1e-12 * n);
        // Negative control: the eigenvalues of a different matrix do not rebuild this one.
        var (other, _) = Get(path).SymmetricEigen(s + Matrix<double>.Build.DenseIdentity(n));
        Assert.NotEqual(values[0], other[0], 6);
    }

    [RequiresBlasTheory]
    [InlineData("lapack", 12, 7)]
    [InlineData("lapack", 7, 12)]
    [InlineData("managed", 12, 7)]
    public void SingularValuesOfABuiltMatrixAreTheOnesPutIn(string path, int rows, int columns)
    {
        // A = U diag(σ) Vᵀ with orthonormal U, V from QR factorizations: its singular values are σ, descending.
        int k = Math.Min(rows, columns);
        var u = Random(rows, k, seed: 1).QR().Q.SubMatrix(0, rows, 0, k);
        var v = Random(columns, k, seed: 2).QR().Q.SubMatrix(0, columns, 0, k);
        var sigma = Enumerable.Range(0, k).Select(i => 10.0 / (i + 1)).ToArray();
        var a = u * Matrix<double>.Build.DenseOfDiagonalArray(sigma) * v.Transpose();
        var s = Get(path).SingularValues(a);
        Assert.Equal(k, s.Length);
        for (int i = 0; i < k; i++) Assert.Equal(sigma[i], s[i], 11);
    }

    [RequiresBlasTheory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void BlasProductsMatchMathNet(bool transposeA, bool transposeB)
    {
        var a = Random(transposeA ? 9 : 5, transposeA ? 5 : 9, seed: 3);
        var b = Random(transposeB ? 4 : 9, transposeB ? 9 : 4, seed: 4);
        var expected = DenseDecompositions.Managed.Multiply(a, transposeA, b, transposeB);
        var actual = Get("lapack").Multiply(a, transposeA, b, transposeB);
        Assert.Equal(5, actual.RowCount);
        Assert.Equal(4, actual.ColumnCount);
        Assert.True((actual - expected).FrobeniusNorm() <= 1e-13 * expected.FrobeniusNorm());
        Assert.Throws<ArgumentException>(() => Get("lapack").Multiply(a, !transposeA, b, transposeB));
    }

    [Fact]
    public void ANonSquareMatrixHasNoSymmetricEigendecomposition()
    {
        var e = Assert.Throws<ArgumentException>(() => DenseDecompositions.Managed.SymmetricEigen(Random(3, 4, seed: 5)));
        Assert.Contains("3×4", e.Message);
    }

    [RequiresBlasFact]
    public void TheNuclearNormBaselineAgreesOnBothPaths()
    {
        var target = CompletionProblems.LowRank(40, 30, 3, seed: 9);
        var observed = CompletionProblems.Observe(target, 600, seed: 10);
        var lapack = NuclearNormCompletion.Solve(observed, 1e-3, decompositions: Get("lapack"));
        var managed = NuclearNormCompletion.Solve(observed, 1e-3, decompositions: DenseDecompositions.Managed);
        Assert.True(lapack.Converged, lapack.ToString());
        Assert.True(managed.Converged, managed.ToString());
        // Both are certified within a relative gap of 1e-5 of the same optimum, so they agree to about that.
        Assert.Equal(managed.Optimum, lapack.Optimum, 2e-5 * managed.Optimum);
        Assert.True((lapack.Solution - managed.Solution).FrobeniusNorm() <= 1e-3 * target.FrobeniusNorm());
    }
}
