using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// A derived flow moved onto the polynomial fast path: every variable and its rate as a <see cref="Poly"/> over
/// one shared variable order, so identities along the flow are checked with packed polynomial arithmetic
/// instead of expression trees.
/// </summary>
public sealed class PolyFlow
{
    private readonly Dictionary<Sym, Poly> _rates;

    /// <summary>Converts every rate of <paramref name="flow"/> to a polynomial over the canonical order of the flow's symbols, plus <paramref name="extraSymbols"/> that later identities mention but the flow does not.</summary>
    public PolyFlow(IReadOnlyList<FlowEquation> flow, IEnumerable<Sym>? extraSymbols = null)
    {
        var symbols = new HashSet<Sym>(flow.Select(f => f.Variable));
        symbols.UnionWith(Algebra.FreeSymbols(flow.Select(f => f.Rhs)));
        if (extraSymbols is not null) symbols.UnionWith(extraSymbols);
        Variables = VariableOrder.Canonical(symbols);
        _rates = flow.ToDictionary(f => f.Variable, f => PolyConversion.ToPoly(f.Rhs, Variables));
    }

    /// <summary>The shared variable order (every symbol of the flow).</summary>
    public VariableOrder Variables { get; }

    /// <summary>Total number of terms of all rates (a size measure for reports).</summary>
    public long TermCount => _rates.Values.Sum(p => (long)p.Count);

    /// <summary>The rate of a variable (0 when the flow does not move it).</summary>
    public Poly Rate(Sym variable) => _rates.TryGetValue(variable, out var p) ? p : Poly.Zero(Variables);

    /// <summary>A matrix of expressions as polynomials over the shared order.</summary>
    public PolyMatrix Matrix(Expr[,] m) =>
        PolyMatrix.Build(Variables, m.GetLength(0), m.GetLength(1), (r, c) => PolyConversion.ToPoly(m[r, c], Variables));

    /// <summary>The entrywise rate of a matrix of flow variables.</summary>
    public PolyMatrix RateMatrix(Expr[,] variables) =>
        PolyMatrix.Build(Variables, variables.GetLength(0), variables.GetLength(1), (r, c) => Rate((Sym)variables[r, c]));
}
