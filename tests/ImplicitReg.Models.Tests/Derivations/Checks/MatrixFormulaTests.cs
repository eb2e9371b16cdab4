using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Models.Tests.Derivations.Checks;

public sealed class MatrixFormulaTests
{
    private static readonly DeepMatrixFactorization Model = new([2, 3, 4, 2]); // W1 3x2, W2 4x3, W3 2x4

    private static Expr[,] Eval(string formula, int j) =>
        MatrixFormula.Parse(formula).EvaluateMatrix(new FormulaBindings { Layers = Model, Indices = new Dictionary<string, int> { ["j"] = j, ["N"] = 3 } });

    private static void AssertSame(Expr[,] a, Expr[,] b)
    {
        Assert.Equal(a.GetLength(0), b.GetLength(0));
        Assert.Equal(a.GetLength(1), b.GetLength(1));
        for (int r = 0; r < a.GetLength(0); r++)
            for (int c = 0; c < a.GetLength(1); c++)
                Assert.True(PolyConversion.ToPoly(Expr.Sub(a[r, c], b[r, c])).IsZero, $"entry ({r + 1},{c + 1})");
    }

    [Fact]
    public void ARangeIsTheProductFromTheHighLayerDown() =>
        AssertSame(Model.Product(1, 3), Eval("W[N:1]", 1));

    [Theory]
    [InlineData(1, 2)] // W[0:1]: identity of size d_0
    [InlineData(4, 2)] // W[3:4] = W[N:N+1]: identity of size d_3
    public void AnEmptyRangeIsTheIdentityOfTheRightSize(int j, int size)
    {
        var m = Eval("W[j-1:j]", j);
        AssertSame(ExprMatrices.Identity(size), m);
    }

    [Fact]
    public void TheLayerFlowTemplateAtTheMiddleLayerHasItsShape()
    {
        var g = SymbolNames.Matrix("G", 2, 2);
        var m = MatrixFormula.Parse("-(W[N:j+1])^T*G*(W[j-1:1])^T").EvaluateMatrix(new FormulaBindings
        {
            Layers = Model, Indices = new Dictionary<string, int> { ["j"] = 2, ["N"] = 3 }, Matrices = new Dictionary<string, Expr[,]> { ["G"] = g },
        });
        AssertSame(ExprMatrices.Scale(Expr.MinusOne, ExprMatrices.Product(ExprMatrices.Product(ExprMatrices.Transpose(Model.Layer(3)), g), ExprMatrices.Transpose(Model.Layer(1)))), m);
    }

    [Theory]
    [InlineData("W[N+1]", "outside the layers")]
    [InlineData("W[1:2] * W[N]", "cannot multiply")]
    [InlineData("W[k]", "unknown index 'k'")]
    [InlineData("X", "unknown name 'X'")]
    [InlineData("W[1] + W[2]", "cannot add")]
    public void BadFormulasAreErrorsThatSayWhy(string formula, string message)
    {
        var e = Assert.Throws<FormulaException>(() => Eval(formula, 1));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("-(W[N:1]", 9)]
    [InlineData("G[1,2]", 2)]
    [InlineData("W[1:]", 5)]
    public void SyntaxErrorsNameTheColumn(string formula, int column) =>
        Assert.Equal(column, Assert.Throws<FormulaException>(() => MatrixFormula.Parse(formula)).Column);

    [Theory]
    [InlineData("-(W[N:j+1])^T*G*(W[j-1:1])^T", 1, "-(W3*W2)^T*G")]
    [InlineData("-(W[N:j+1])^T*G*(W[j-1:1])^T", 2, "-W3^T*G*W1^T")]
    [InlineData("-(W[N:j+1])^T*G*(W[j-1:1])^T", 3, "-G*(W2*W1)^T")]
    [InlineData("W[j+1]^T*W[j+1] - W[j]*W[j]^T", 1, "W2^T*W2 - W1*W1^T")]
    public void RenderingEvaluatesIndicesAndDropsEmptyProducts(string formula, int j, string shown) =>
        Assert.Equal(shown, MatrixFormula.Parse(formula).Render(new Dictionary<string, int> { ["j"] = j, ["N"] = 3 }));

    [Fact]
    public void RenderingWithoutIndicesStaysSymbolic()
    {
        Assert.Equal("-(WN*...*W(j+1))^T*G*(W(j-1)*...*W1)^T", MatrixFormula.Parse("-(W[N:j+1])^T*G*(W[j-1:1])^T").Render());
        Assert.Equal("(dW(j+1)/dt)^T*W(j+1) - (dWj/dt)*Wj^T", MatrixFormula.Parse("W[j+1]^T*W[j+1] - W[j]*W[j]^T").HalfText());
    }
}
