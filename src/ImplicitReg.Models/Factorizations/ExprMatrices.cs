using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// The models keep matrices as <c>Expr[,]</c>; these helpers adapt them to the kernel's <see cref="SymMatrix"/>,
/// which owns the arithmetic. Products use the canonical constructors and are NOT expanded (an entry may be a
/// product of sums); use the polynomial path to compare entries.
/// </summary>
public static class ExprMatrices
{
    /// <summary>Number of rows of <paramref name="m"/>.</summary>
    public static int Rows(Expr[,] m) => m.GetLength(0);

    /// <summary>Number of columns of <paramref name="m"/>.</summary>
    public static int Cols(Expr[,] m) => m.GetLength(1);

    /// <summary>The kernel matrix with the same entries.</summary>
    public static SymMatrix ToSym(Expr[,] m) => SymMatrix.Build(Rows(m), Cols(m), (r, c) => m[r, c]);

    /// <summary>The entries of a kernel matrix as an array.</summary>
    public static Expr[,] FromSym(SymMatrix m)
    {
        var a = new Expr[m.Rows, m.Columns];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++)
                a[i, j] = m[i, j];
        return a;
    }

    /// <summary>The n × n identity.</summary>
    public static Expr[,] Identity(int n) => FromSym(SymMatrix.Identity(n));

    /// <summary>A·B.</summary>
    public static Expr[,] Product(Expr[,] a, Expr[,] b) => FromSym(ToSym(a) * ToSym(b));

    /// <summary>Aᵀ.</summary>
    public static Expr[,] Transpose(Expr[,] a) => FromSym(ToSym(a).Transpose());

    /// <summary>A + B.</summary>
    public static Expr[,] Add(Expr[,] a, Expr[,] b) => FromSym(ToSym(a) + ToSym(b));

    /// <summary>A − B.</summary>
    public static Expr[,] Subtract(Expr[,] a, Expr[,] b) => FromSym(ToSym(a) - ToSym(b));

    /// <summary>s·A for a scalar expression s.</summary>
    public static Expr[,] Scale(Expr s, Expr[,] a) => FromSym(s * ToSym(a));

    /// <summary>Applies f to every entry.</summary>
    public static Expr[,] Map(Expr[,] a, Func<Expr, Expr> f) => FromSym(ToSym(a).Map(f));

    /// <summary>The entries in row-major order.</summary>
    public static IEnumerable<Expr> Entries(Expr[,] a) => ToSym(a).Entries;
}
