using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Tests.Matrices;

public sealed class PolyMatrixTests
{
    /// <summary>
    /// M2 (docs/theory.md): with Ẇ_j = −(W_N⋯W_{j+1})ᵀ G (W_{j−1}⋯W_1)ᵀ, the matrix
    /// Ẇ_{j+1}ᵀW_{j+1} + W_{j+1}ᵀẆ_{j+1} − Ẇ_jW_jᵀ − W_jẆ_jᵀ for each j (the time derivative of
    /// W_{j+1}ᵀW_{j+1} − W_jW_jᵀ), or with a flipped sign (<paramref name="flipSign"/>) the negative control.
    /// </summary>
    internal static PolyMatrix[] BalancednessDefects(int depth, int size, bool flipSign = false, bool fused = false)
    {
        var symbolic = Enumerable.Range(1, depth).Select(j => SymMatrix.Fresh($"W{j}", size, size)).Append(SymMatrix.Fresh("G", size, size)).ToArray();
        var all = PolyMatrix.FromAll(symbolic);
        var w = all[..depth];
        var g = all[depth];
        var vars = g.Variables;
        // prefix[j] = W_j ⋯ W_1 (prefix[0] = I), suffix[j] = W_N ⋯ W_{j+1} (suffix[N] = I); j is 1-based below.
        var prefix = new PolyMatrix[depth + 1];
        prefix[0] = PolyMatrix.Identity(vars, size);
        for (int j = 1; j <= depth; j++) prefix[j] = w[j - 1] * prefix[j - 1];
        var suffix = new PolyMatrix[depth + 1];
        suffix[depth] = PolyMatrix.Identity(vars, size);
        for (int j = depth - 1; j >= 0; j--) suffix[j] = suffix[j + 1] * w[j];
        var wDot = new PolyMatrix[depth];
        for (int j = 1; j <= depth; j++) wDot[j - 1] = -(suffix[j].Transpose() * g * prefix[j - 1].Transpose());
        var defects = new PolyMatrix[depth - 1];
        for (int j = 1; j < depth; j++)
        {
            var (wj, wj1, dj, dj1) = (w[j - 1], w[j], wDot[j - 1], wDot[j]);
            if (fused)
            {
                var sign = flipSign ? Rational.One : Rational.MinusOne;
                defects[j - 1] = PolyMatrix.SumOfProducts(
                    (Rational.One, dj1.Transpose(), wj1), (Rational.One, wj1.Transpose(), dj1),
                    (sign, dj, wj.Transpose()), (sign, wj, dj.Transpose()));
                continue;
            }
            var upper = dj1.Transpose() * wj1 + wj1.Transpose() * dj1;
            var lower = dj * wj.Transpose() + wj * dj.Transpose();
            defects[j - 1] = flipSign ? upper + lower : upper - lower;
        }
        return defects;
    }

    // Speed is measured in bench/ (bench/run.sh balancedness), never asserted in a unit test.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BalancednessIsConservedForDepth5With4x4Layers(bool fused)
    {
        Assert.All(BalancednessDefects(depth: 5, size: 4, fused: fused), d => Assert.True(d.IsZero));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FlippingASignInTheBalancednessDefectLeavesANonZeroPolynomial(bool fused)
    {
        Assert.All(BalancednessDefects(depth: 3, size: 2, flipSign: true, fused: fused), d => Assert.False(d.IsZero));
    }

    [Fact]
    public void SumOfProductsEqualsTheSumOfTheSeparateProducts()
    {
        var m = PolyMatrix.FromAll(SymMatrix.Fresh("A", 2, 3), SymMatrix.Fresh("B", 3, 2), SymMatrix.Fresh("C", 2, 2), SymMatrix.Fresh("D", 2, 2));
        var fused = PolyMatrix.SumOfProducts((Rational.One, m[0], m[1]), (new Rational(-3, 2), m[2], m[3]));
        var separate = m[0] * m[1] - new Rational(3, 2) * (m[2] * m[3]);
        Assert.True((fused - separate).IsZero);
        Assert.False((fused - m[0] * m[1]).IsZero); // negative control
    }

    [Fact]
    public void MinorExpansionAndBareissGiveTheSameDeterminant()
    {
        // Two independent algorithms: 5×5 fully symbolic (120 terms), and a sparse matrix with zero pivots.
        var full = PolyMatrix.From(SymMatrix.Fresh("A", 5, 5));
        var byMinors = full.DeterminantByMinors();
        Assert.Equal(120, byMinors.Count);
        Assert.Equal(byMinors, full.DeterminantByBareiss());
        var sparse = PolyMatrix.From(SymMatrix.FromRows(
            [Expr.Zero, Parser.Parse("x"), Parser.Parse("y^2"), Expr.Zero],
            [Parser.Parse("x + 1"), Expr.Zero, Expr.Zero, Parser.Parse("z")],
            [Expr.Zero, Expr.Zero, Parser.Parse("x*y"), Expr.One],
            [Parser.Parse("y"), Parser.Parse("x - z"), Expr.Zero, Expr.Zero]));
        Assert.Equal(sparse.DeterminantByMinors(), sparse.DeterminantByBareiss());
        Assert.False(sparse.DeterminantByMinors().IsZero);
    }

    [Fact]
    public void ProductAgreesWithTheSymbolicMatrixProduct()
    {
        var a = SymMatrix.Fresh("A", 2, 3);
        var b = SymMatrix.Fresh("B", 3, 2);
        var pm = PolyMatrix.FromAll(a, b);
        Assert.Equal((a * b).Expand(), (pm[0] * pm[1]).ToSymMatrix());
        Assert.NotEqual((a * b).Expand(), (pm[1] * pm[0]).ToSymMatrix().Transpose().Transpose() is var t && t.Rows == 2 ? t : null);
    }
}
