using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

/// <summary>
/// Terms that are monomials go straight into packed keys when an expression becomes a polynomial
/// (PolyConversion's fast path); these tests pin that it gives what polynomial arithmetic gives, and that the
/// balancedness identity of deep matrix factorization, handed over as text, still expands to exactly zero.
/// </summary>
public sealed class PolyConversionMonomialTests
{
    private static readonly Sym X = new("x"), Y = new("y"), Z = new("z");

    [Fact]
    public void MonomialTermsConvertLikeProductsOfVariables()
    {
        // 3*x*y^2 - x*y^2 + z^200 + 5: the general path (x times y^2 ...) and the packed keys must agree.
        var e = Expr.Add(Expr.Mul(3, X, Expr.Pow(Y, 2)), Expr.Neg(Expr.Mul(X, Expr.Pow(Y, 2))), Expr.Pow(Z, 200), 5);
        var vars = PolyConversion.VariablesOf(e);
        var x = Poly.Variable(vars, X);
        var y = Poly.Variable(vars, Y);
        var z = Poly.Variable(vars, Z);
        var expected = Poly.Add(Poly.Add(Poly.Multiply(Poly.Multiply(Poly.Constant(vars, 2), x), y.Pow(2)), z.Pow(200)), Poly.Constant(vars, 5));
        Assert.Equal(expected, PolyConversion.ToPoly(e, vars));
        Assert.Equal(16, PolyConversion.ToPoly(e, vars).Bits); // z^200 needs the wide packing
        Assert.Equal(expected.Pow(2), PolyConversion.ToPoly(Expr.Pow(e, 2), vars));
    }

    [Fact]
    public void TooLargeAnExponentIsRefusedNotWrapped()
    {
        var e = Expr.Add(Expr.Mul(X, Expr.Pow(Y, 40_000)), Z);
        Assert.Throws<SymbolicLimitException>(() => PolyConversion.ToPoly(e));
    }

    /// <summary>
    /// The balancedness text as bench/peers/balancedness_text.py writes it, for small sizes: the sum over layers j
    /// and entries (r, c) of C_j[r,c] times entry (r, c) of Wdot_(j+1)^T W_(j+1) + W_(j+1)^T Wdot_(j+1) - Wdot_j
    /// W_j^T - W_j Wdot_j^T, every Wdot entry an expanded polynomial in parentheses. With
    /// <paramref name="wrongSign"/> one Wdot entry has its sign flipped, which breaks the identity.
    /// </summary>
    private static string BalancednessText(int depth, int size, bool wrongSign = false)
    {
        Expr[,] Symbols(string name)
        {
            var m = new Expr[size, size];
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++) m[r, c] = new Sym($"{name}[{r + 1},{c + 1}]");
            return m;
        }
        Expr[,] Product(Expr[,] a, Expr[,] b)
        {
            var m = new Expr[size, size];
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++)
                    m[r, c] = Algebra.Expand(Expr.Add(Enumerable.Range(0, size).Select(k => Expr.Mul(a[r, k], b[k, c]))));
            return m;
        }
        Expr[,] Transpose(Expr[,] a)
        {
            var m = new Expr[size, size];
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++) m[r, c] = a[c, r];
            return m;
        }
        Expr[,] Identity()
        {
            var m = new Expr[size, size];
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++) m[r, c] = r == c ? Expr.One : Expr.Zero;
            return m;
        }
        var w = Enumerable.Range(1, depth).Select(j => Symbols($"W{j}")).ToArray();
        var g = Symbols("G");
        var wdot = new Expr[depth][,];
        for (int j = 0; j < depth; j++)
        {
            var left = Identity();   // W_N ... W_(j+2), then transposed
            for (int i = depth - 1; i > j; i--) left = Product(left, w[i]);
            var right = Identity();  // W_j ... W_1
            for (int i = j - 1; i >= 0; i--) right = Product(right, w[i]);
            var d = Product(Product(Transpose(left), g), Transpose(right));
            wdot[j] = new Expr[size, size];
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++) wdot[j][r, c] = Expr.Neg(d[r, c]);
        }
        if (wrongSign) wdot[0][0, 0] = Expr.Neg(wdot[0][0, 0]);
        string P(Expr e) => $"({e})";
        var text = new StringBuilder();
        for (int j = 0; j + 1 < depth; j++)
        {
            var (a, da, b, db) = (w[j + 1], wdot[j + 1], w[j], wdot[j]);
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++)
                {
                    if (text.Length > 0) text.Append(" +\n");
                    text.Append($"C{j + 1}[{r + 1},{c + 1}]*(");
                    for (int k = 0; k < size; k++)
                    {
                        if (k > 0) text.Append(" + ");
                        text.Append($"{P(da[k, r])}*{a[k, c]} + {a[k, r]}*{P(da[k, c])} - {P(db[r, k])}*{b[c, k]} - {b[r, k]}*{P(db[c, k])}");
                    }
                    text.Append(')');
                }
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    public void TheBalancednessIdentityHandedOverAsTextExpandsToZero(int depth, int size)
    {
        var text = BalancednessText(depth, size);
        Assert.Equal(Expr.Zero, Algebra.Expand(Parser.Parse(text)));
        // The same text with the products written so the parser takes its general path: still exactly zero.
        Assert.Equal(Expr.Zero, Algebra.Expand(Parser.Parse(text.Replace("*", "*(1)*", StringComparison.Ordinal))));
    }

    [Fact]
    public void ABrokenBalancednessTextDoesNotExpandToZero()
    {
        var broken = Algebra.Expand(Parser.Parse(BalancednessText(3, 2, wrongSign: true)));
        Assert.NotEqual(Expr.Zero, broken);
        // Only the entries of D_1 in the first row or column use the flipped entry of Wdot_1.
        var weights = Algebra.FreeSymbols(broken).Where(s => s.Name.StartsWith('C')).Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["C1[1,1]", "C1[1,2]", "C1[2,1]"], weights);
    }
}
