using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// Small matrix helpers over <c>Expr[,]</c> for building models. Products are formed with the canonical
/// constructors and are NOT expanded (an entry may be a product of sums); use the polynomial path to
/// compare entries.
/// </summary>
public static class ExprMatrices
{
    public static int Rows(Expr[,] m) => m.GetLength(0);

    public static int Cols(Expr[,] m) => m.GetLength(1);

    /// <summary>The n × n identity.</summary>
    public static Expr[,] Identity(int n)
    {
        var m = new Expr[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = i == j ? Expr.One : Expr.Zero;
        return m;
    }

    /// <summary>A·B.</summary>
    public static Expr[,] Product(Expr[,] a, Expr[,] b)
    {
        if (Cols(a) != Rows(b))
            throw new ArgumentException($"cannot multiply {Rows(a)}×{Cols(a)} by {Rows(b)}×{Cols(b)}");
        var m = new Expr[Rows(a), Cols(b)];
        var terms = new Expr[Cols(a)];
        for (int i = 0; i < Rows(a); i++)
            for (int j = 0; j < Cols(b); j++)
            {
                for (int k = 0; k < Cols(a); k++) terms[k] = Expr.Mul(a[i, k], b[k, j]);
                m[i, j] = Expr.Add(terms);
            }
        return m;
    }

    /// <summary>Aᵀ.</summary>
    public static Expr[,] Transpose(Expr[,] a)
    {
        var m = new Expr[Cols(a), Rows(a)];
        for (int i = 0; i < Rows(a); i++)
            for (int j = 0; j < Cols(a); j++)
                m[j, i] = a[i, j];
        return m;
    }

    /// <summary>A + B.</summary>
    public static Expr[,] Add(Expr[,] a, Expr[,] b) => Zip(a, b, (x, y) => Expr.Add(x, y));

    /// <summary>A − B.</summary>
    public static Expr[,] Subtract(Expr[,] a, Expr[,] b) => Zip(a, b, Expr.Sub);

    /// <summary>s·A for a scalar expression s.</summary>
    public static Expr[,] Scale(Expr s, Expr[,] a) => Map(a, x => Expr.Mul(s, x));

    /// <summary>Applies f to every entry.</summary>
    public static Expr[,] Map(Expr[,] a, Func<Expr, Expr> f)
    {
        var m = new Expr[Rows(a), Cols(a)];
        for (int i = 0; i < Rows(a); i++)
            for (int j = 0; j < Cols(a); j++)
                m[i, j] = f(a[i, j]);
        return m;
    }

    /// <summary>The entries in row-major order.</summary>
    public static IEnumerable<Expr> Entries(Expr[,] a)
    {
        for (int i = 0; i < Rows(a); i++)
            for (int j = 0; j < Cols(a); j++)
                yield return a[i, j];
    }

    private static Expr[,] Zip(Expr[,] a, Expr[,] b, Func<Expr, Expr, Expr> f)
    {
        if (Rows(a) != Rows(b) || Cols(a) != Cols(b))
            throw new ArgumentException($"shape mismatch: {Rows(a)}×{Cols(a)} and {Rows(b)}×{Cols(b)}");
        var m = new Expr[Rows(a), Cols(a)];
        for (int i = 0; i < Rows(a); i++)
            for (int j = 0; j < Cols(a); j++)
                m[i, j] = f(a[i, j], b[i, j]);
        return m;
    }
}
