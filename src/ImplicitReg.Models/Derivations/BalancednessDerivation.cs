using System.Diagnostics;
using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M2: along the derived layer flows, <c>d/dt (W_{j+1}ᵀW_{j+1} − W_jW_jᵀ) = 0</c> for every j and any loss,
/// proved as an exact polynomial identity in the layer entries and the entries of G (polynomial fast path).
/// </summary>
public static class BalancednessDerivation
{
    public const string Published = "d/dt (W(j+1)^T*W(j+1) - Wj*Wj^T) = 0 for j = 1..N-1";

    public static readonly DerivationInfo Info = new(
        "balancedness", "M2",
        "conservation of W(j+1)^T W(j+1) - Wj Wj^T along the layer flows, as an exact polynomial identity",
        "--depth N (default 3) --dims d0,...,dN (default all 2) --loss half-sse|mse|sse (default: any loss, via G)",
        o => Run(o));

    /// <summary>
    /// Runs M2. <paramref name="transposeOnWrongSide"/> checks <c>W(j+1)·W(j+1)ᵀ − Wjᵀ·Wj</c> instead (a negative
    /// control, which needs d_(j+1) = d_(j−1)).
    /// </summary>
    public static Derivation Run(DerivationOptions options, bool transposeOnWrongSide = false)
    {
        var clock = Stopwatch.StartNew();
        var model = Setups.DeepModel(options, defaultDepth: 3, defaultSize: 2);
        if (model.Depth < 2) throw new DerivationOptionException("balancedness relates consecutive layers: --depth must be at least 2");
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
        for (int j = 1; j < model.Depth; j++)
        {
            var upper = model.Layer(j + 1);
            var lower = model.Layer(j);
            var (bExpr, formula) = Balance(upper, lower, j, transposeOnWrongSide);
            formulas.Add($"B{j} = {formula}");
            definitions.AddRange(LayerFlowDerivation.Entries(bExpr, (r, c) => new Sym($"B{j}[{r},{c}]")));

            // Product rule entrywise: d/dt(AᵀA − BBᵀ) = X + Xᵀ with X = ȦᵀA − ḂBᵀ (the other two terms are the
            // transposes), Ȧ, Ḃ the derived rates; X is accumulated in one monomial table per entry.
            PolyMatrix a = poly.Matrix(upper), b = poly.Matrix(lower), da = poly.RateMatrix(upper), db = poly.RateMatrix(lower);
            var x = transposeOnWrongSide
                ? PolyMatrix.SumOfProducts((Rational.One, da, a.Transpose()), (Rational.MinusOne, db.Transpose(), b))
                : PolyMatrix.SumOfProducts((Rational.One, da.Transpose(), a), (Rational.MinusOne, db, b.Transpose()));
            var rate = x + x.Transpose();
            for (int r = 0; r < rate.Rows; r++)
                for (int c = 0; c < rate.Columns; c++)
                {
                    products += x[r, c].Count;
                    residuals.Add(($"d/dt B{j}[{r + 1},{c + 1}]", rate[r, c]));
                    conservation.Add(Equation.Rate(new Sym($"B{j}[{r + 1},{c + 1}]"), Symbolic.Polynomials.PolyConversion.ToExpr(rate[r, c])));
                }
        }
        steps.Add(new DerivationStep("balancedness matrices", definitions, string.Join("; ", formulas), Verdict.Definition));
        var check = IdentityCheck.AllZero(residuals,
            $"every entry expands to the zero polynomial (X + X^T cancels {2 * products} terms; rates of {poly.TermCount} terms in {poly.Variables.Count} variables)");
        steps.Add(new DerivationStep("conservation", conservation,
            "product rule entrywise: d/dt B_j = X + X^T with X = " + (transposeOnWrongSide ? "(dW(j+1)/dt)*W(j+1)^T - (dWj/dt)^T*Wj" : "(dW(j+1)/dt)^T*W(j+1) - (dWj/dt)*Wj^T") +
            ", the derived layer flows as exact polynomials; " + check.Explanation,
            check.Verdict, check.Witness));

        return new Derivation(Info.Name, Info.Claim, "Conservation of balancedness",
            [$"model: deep matrix factorization, {model.Describe()}", $"loss: {loss.Describe()}"],
            steps, transposeOnWrongSide ? "d/dt (W(j+1)*W(j+1)^T - Wj^T*Wj) = 0 (transpose on the wrong side)" : Published,
            check.Verdict,
            LayerFlowDerivation.Conclusion(check.Verdict, $"every B_j is conserved along the flow ({model.Describe()})"))
        { Elapsed = clock.Elapsed };
    }

    private static (Expr[,] Matrix, string Formula) Balance(Expr[,] upper, Expr[,] lower, int j, bool wrongSide)
    {
        var bindings = new Dictionary<string, Expr[,]> { [$"W{j + 1}"] = upper, [$"W{j}"] = lower };
        var formula = wrongSide ? $"W{j + 1}*W{j + 1}^T - W{j}^T*W{j}" : $"W{j + 1}^T*W{j + 1} - W{j}*W{j}^T";
        if (wrongSide && upper.GetLength(0) != lower.GetLength(1))
            throw new DerivationOptionException($"the wrong-side variant needs d_{j + 1} = d_{j - 1} (square blocks); use equal --dims");
        return (MatrixFormula.Evaluate(formula, bindings), formula);
    }
}
