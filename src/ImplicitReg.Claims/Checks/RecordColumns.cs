using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Claims.Checks;

/// <summary>
/// The names a predicate may use for the recorded columns: each column's own name when the kernel reads it as a
/// symbol (<c>loss</c>, <c>det</c>, <c>sigma1</c>), and for a tracked entry <c>W[1;1]</c> both <c>W[1,1]</c>
/// and <c>W11</c>.
/// </summary>
public static class RecordColumns
{
    /// <summary>Symbol name → column index.</summary>
    public static Dictionary<string, int> Symbols(IReadOnlyList<string> columns)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (c.StartsWith("W[", StringComparison.Ordinal) && c.EndsWith(']'))
            {
                var ij = c[2..^1].Split(';');
                map[$"W[{string.Join(",", ij)}]"] = i;
                map[$"W{string.Concat(ij)}"] = i;
            }
            else if (Parser.IsValidSymbolName(c)) map[c] = i;
        }
        return map;
    }

    /// <summary>A column's display name (<c>W[1;1]</c> is shown <c>W[1,1]</c>).</summary>
    public static string Display(string column) => column.Replace(';', ',');

    /// <summary>The symbols of <paramref name="e"/> that are not columns, for a load-time diagnostic.</summary>
    public static IReadOnlyList<string> Unknown(Expr e, IReadOnlyDictionary<string, int> symbols) =>
        Algebra.FreeSymbols(e).Select(s => s.Name).Where(n => !symbols.ContainsKey(n)).ToList();

    /// <summary>The environment of one record.</summary>
    public static Dictionary<string, double> Environment(double[] row, IReadOnlyDictionary<string, int> symbols) =>
        symbols.ToDictionary(kv => kv.Key, kv => row[kv.Value], StringComparer.Ordinal);
}
