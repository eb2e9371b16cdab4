using System.Diagnostics;
using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M2: along the derived layer flows, <c>d/dt (W_{j+1}ᵀW_{j+1} − W_jW_jᵀ) = 0</c> for every j and any loss,
/// proved as an exact polynomial identity in the layer entries and the entries of G (polynomial fast path).
/// </summary>
public static class BalancednessDerivation
{
    /// <summary>The registry entry of <c>derive balancedness</c> (M2: the differences <c>W(j+1)ᵀW(j+1) − WjWjᵀ</c> are constant along the layer flows; Arora, Cohen, Hu and Luo 2019).</summary>
    public static readonly DerivationInfo Info = new(
        "balancedness", "M2",
        "conservation of W(j+1)^T W(j+1) - Wj Wj^T along the layer flows, as an exact polynomial identity",
        [new("depth", "N (default 3)"), new("dims", "d0,...,dN (default all 2)"), new("loss", "half-sse|mse|sse (default: any loss, via G)")],
        [new("conserved", "W[j+1]^T*W[j+1] - W[j]*W[j]^T", "B_j for j = 1..N-1, claimed constant along the layer flows")],
        o => Run(o)) { Check = o => Inputs(o) };

    // What Run reads from its options, judged before anything is derived (Info.Check): B_j names the layers and j, N only.
    private static (MatrixFormula Formula, DeepMatrixFactorization Model) Inputs(DerivationOptions options)
    {
        var formula = LayerFlowDerivation.Parse(PublishedFormula.Resolve(Info, options), "conserved");
        LayerFlowDerivation.RequireNames(formula, "conserved", [], ["j", "N"], layers: true);
        var model = Setups.DeepModel(options, defaultDepth: 3, defaultSize: 2);
        if (model.Depth < 2) throw DerivationOptionException.About($"balancedness relates consecutive layers: {Setups.Depth} must be at least 2");
        return (formula, model);
    }

    /// <summary>Runs M2 for the published B_j of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var clock = Stopwatch.StartNew();
        var (formula, model) = Inputs(options);
        var loss = Setups.DeepLoss(options, model.Rows, model.Cols);
        var flow = LayerFlow.Derive(model, loss);
        var steps = new List<DerivationStep>
        {
            new("layer flows", flow.Select(f => Equation.Rate(f.Variable, f.Rhs)).ToList(),
                $"M1 (derive layer-flow): d/dt theta = -dphi/dtheta by the kernel, {loss.Describe()}", Verdict.Derived),
        };

        var poly = new PolyFlow(flow);
        var definitions = new List<Equation>();
        var conservation = new List<Equation>();
        var residuals = new List<(string, Symbolic.Polynomials.Poly)>();
        long products = 0;
        var formulas = new List<string>();
        bool halvesOnly = true;
        for (int j = 1; j < model.Depth; j++)
        {
            var indices = new Dictionary<string, int> { ["j"] = j, ["N"] = model.Depth };
            formulas.Add($"B{j} = {formula.Render(indices)}");
            // Product rule entrywise on the polynomial path: d/dt B_j = X + X^T (+ Y), X the halves of the
            // symmetric products (see MatrixFormula.RateAlong), accumulated in one monomial table per entry.
            MatrixFormula.RateOfFormula rate;
            Expr[,] value;
            try
            {
                rate = formula.RateAlong(poly, model, indices);
                value = formula.EvaluateMatrix(new FormulaBindings { Indices = indices, Layers = model });
            }
            catch (FormulaException e)
            {
                throw new DerivationOptionException($"published formula 'conserved' at j = {j}: {e.Message}");
            }
            definitions.AddRange(LayerFlowDerivation.Entries(value, (r, c) => new Sym($"B{j}[{r},{c}]")));
            halvesOnly &= rate.Rest is null;
            var derivative = rate.Derivative();
            for (int r = 0; r < derivative.Rows; r++)
                for (int c = 0; c < derivative.Columns; c++)
                {
                    products += (rate.Half?[r, c].Count ?? 0) + (rate.Rest?[r, c].Count ?? 0);
                    residuals.Add(($"d/dt B{j}[{r + 1},{c + 1}]", derivative[r, c]));
                    conservation.Add(Equation.Rate(new Sym($"B{j}[{r + 1},{c + 1}]"), Symbolic.Polynomials.PolyConversion.ToExpr(derivative[r, c])));
                }
        }
        steps.Add(new DerivationStep("balancedness matrices", definitions, string.Join("; ", formulas), Verdict.Definition));
        var half = formula.HalfText();
        var check = IdentityCheck.AllZero(residuals,
            $"every entry expands to the zero polynomial ({(halvesOnly ? "X + X^T" : "the product rule")} cancels {(halvesOnly ? 2 * products : products)} terms; rates of {poly.TermCount} terms in {poly.Variables.Count} variables)");
        steps.Add(new DerivationStep("conservation", conservation,
            (halvesOnly && half is not null ? "product rule entrywise: d/dt B_j = X + X^T with X = " + half : "product rule entrywise on d/dt B_j") +
            ", the derived layer flows as exact polynomials; " + check.Explanation,
            check.Verdict, check.Witness));

        return new Derivation(Info.Name, Info.Claim, "Conservation of balancedness",
            [$"model: deep matrix factorization, {model.Describe()}", $"loss: {loss.Describe()}"],
            steps, $"d/dt ({formula.Render()}) = 0 for j = 1..N-1",
            check.Verdict,
            LayerFlowDerivation.Conclusion(check.Verdict, $"every B_j is conserved along the flow ({model.Describe()})"))
        { Elapsed = clock.Elapsed };
    }
}
