using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Tests.Testing;

/// <summary>
/// The M2 balancedness defect of a depth-N factorization written out as text, the way a derivation hands it over:
/// Σ_j Σ_(r,c) C_j[r,c]·(entry (r,c) of Ẇ_{j+1}ᵀW_{j+1} + W_{j+1}ᵀẆ_{j+1} − Ẇ_jW_jᵀ − W_jẆ_jᵀ), every layer flow
/// Ẇ_j = −(W_N…W_{j+1})ᵀ G (W_{j−1}…W_1)ᵀ expanded in parentheses. It expands to 0; with one sign flipped (a negative
/// control) it does not. The one writer of this text for the kernel's tests: the lexer's, the direct expansion's and the
/// packed conversion's.
/// </summary>
internal static class BalancednessDefectText
{
    /// <summary>The defect for <paramref name="depth"/> layers of <paramref name="size"/>×<paramref name="size"/>; with
    /// <paramref name="flipEntry"/>, the sign of one flow term in that entry (0-based, in writing order) is flipped.</summary>
    public static string Write(int depth, int size, int? flipEntry = null)
    {
        var w = Enumerable.Range(1, depth).Select(j => SymMatrix.Fresh($"W{j}", size, size)).ToArray();
        var g = SymMatrix.Fresh("G", size, size);
        SymMatrix Chain(int from, int to) // W_to ... W_from (the identity when empty)
        {
            var m = SymMatrix.Identity(size);
            for (int j = from; j <= to; j++) m = w[j - 1] * m;
            return m;
        }
        var flow = Enumerable.Range(1, depth)
            .Select(j => (-(Chain(j + 1, depth).Transpose() * g * Chain(1, j - 1).Transpose())).Map(Algebra.Expand))
            .ToArray();
        var lines = new List<string>();
        for (int j = 1; j < depth; j++)
        for (int r = 0; r < size; r++)
        for (int c = 0; c < size; c++)
        {
            var terms = new List<string>();
            for (int k = 0; k < size; k++)
            {
                terms.Add($"({flow[j][k, r]})*{w[j][k, c]}");
                terms.Add($"{w[j][k, r]}*({flow[j][k, c]})");
                terms.Add($"{(flipEntry == lines.Count && k == 1 ? "+" : "-")}({flow[j - 1][r, k]})*{w[j - 1][c, k]}");
                terms.Add($"-{w[j - 1][r, k]}*({flow[j - 1][c, k]})");
            }
            lines.Add($"C{j}[{r + 1},{c + 1}]*({string.Join(" + ", terms).Replace("+ -", "- ").Replace("+ +", "+ ")})");
        }
        return string.Join("\n + ", lines) + "\n";
    }
}
