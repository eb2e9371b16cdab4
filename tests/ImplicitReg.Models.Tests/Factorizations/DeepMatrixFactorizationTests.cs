using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Tests.Factorizations;

public sealed class DeepMatrixFactorizationTests
{
    [Fact]
    public void LayerJHasShapeDjByDjMinusOne()
    {
        var model = new DeepMatrixFactorization([2, 3, 4]);
        Assert.Equal(2, model.Depth);
        Assert.Equal((3, 2), model.LayerShape(1));
        Assert.Equal((4, 3), model.LayerShape(2));
        Assert.Equal(4, model.Rows);
        Assert.Equal(2, model.Cols);
        Assert.Equal("W2[4,3]", model.Layer(2)[3, 2].ToString());
    }

    [Fact]
    public void EndToEndEntriesAreFlatSumsOverIndexPaths()
    {
        var model = DeepMatrixFactorization.Square(3, 2);
        var w = model.EndToEnd();
        // Each entry of a product of three 2×2 layers has 2·2 = 4 monomials of degree 3.
        var entry = Assert.IsType<Add>(w[0, 1]);
        Assert.Equal(4, entry.Terms.Count);
        Assert.All(entry.Terms, t => Assert.Equal(3, Assert.IsType<Mul>(t).Factors.Count));
    }

    [Fact]
    public void EndToEndEqualsTheProductOfTheLayersAtARationalPoint()
    {
        var model = new DeepMatrixFactorization([3, 2, 4, 2]);
        var rng = new Random(21);
        var env = model.Parameters().ToDictionary(p => p.Name, _ => new Rational(rng.Next(-5, 6), 3));
        Rational[,] Layer(int j)
        {
            var (r, c) = model.LayerShape(j);
            var m = new Rational[r, c];
            for (int a = 0; a < r; a++) for (int b = 0; b < c; b++) m[a, b] = env[SymbolNames.Layer(j, a + 1, b + 1).Name];
            return m;
        }
        var expected = RationalMatrix.Product(Layer(3), RationalMatrix.Product(Layer(2), Layer(1)));
        var w = model.EndToEnd();
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 3; b++)
                Assert.Equal((Expr)Num.Of(expected[a, b]), Algebra.EvaluateExact(w[a, b], env));
    }

    [Fact]
    public void TheEmptyProductIsTheIdentity()
    {
        var model = new DeepMatrixFactorization([3, 2]);
        var i = model.Product(1, 0);
        Assert.Equal(3, i.GetLength(0));
        Assert.Equal(Expr.One, i[2, 2]);
        Assert.Equal(Expr.Zero, i[0, 2]);
    }

    [Fact]
    public void ASingleSizeIsRejected() =>
        Assert.Throws<ArgumentException>(() => new DeepMatrixFactorization([3]));
}
