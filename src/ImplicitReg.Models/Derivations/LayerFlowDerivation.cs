using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M1 as a derivation: from φ = L(W_N ⋯ W_1), the kernel differentiates in every layer entry, and the result
/// is compared with the published <c>Ẇ_j = −(W_N⋯W_{j+1})ᵀ G (W_{j−1}⋯W_1)ᵀ</c>.
/// </summary>
public static class LayerFlowDerivation
{
    /// <summary>The registry entry of <c>derive layer-flow</c> (M1: <c>Ẇj = −∂φ/∂Wj = −(WN⋯W(j+1))ᵀ G (W(j−1)⋯W1)ᵀ</c> for any depth and shapes; Arora et al. 2019).</summary>
    public static readonly DerivationInfo Info = new(
        "layer-flow", "M1",
        "layer flows d/dt Wj = -dphi/dWj for any depth and shapes, compared with -(WN..W(j+1))^T G (W(j-1)..W1)^T",
        [new("depth", "N (default 2)"), new("dims", "d0,...,dN (default all 2)"), new("loss", "half-sse|mse|sse (default: any loss, via G)")],
        [
            new("flow", "-(W[N:j+1])^T*G*(W[j-1:1])^T",
                "d/dt W[j] for j = 1..N; W[a:b] = W_a*...*W_b (empty: identity), G = grad L(W)"),
            new("gradient", "2*c*(W - b)",
                "with --loss: G at an observed entry, W its value, b its target, c the loss constant (0 off Omega)"),
        ],
        o => Run(o)) { Check = o => Inputs(o) };

    /// <summary>Runs M1 against the published formulas of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (published, flowFormula, model, loss) = Inputs(options);
        var steps = new List<DerivationStep>();
        var w = model.EndToEnd();

        steps.Add(new DerivationStep("factorization",
            Entries(w, (a, b) => SymbolNames.EndToEnd(a, b)),
            $"W = {Chain(model.Depth, 1)}, layer j of shape d_j x d_(j-1); entries expanded over index paths",
            Verdict.Definition));

        var phi = LayerFlow.Objective(model, loss);
        steps.Add(DerivationStep.Of("objective", new Equation(new Sym("phi"), phi),
            loss is GenericLoss
                ? "chain rule: dphi/dtheta = sum_ab dL/dW[a,b] * dW[a,b]/dtheta, so at the current point phi may be replaced by <G, W(theta)> with G = grad L(W) held fixed"
                : "phi(W1..WN) = L(WN*...*W1) with " + loss.Describe(),
            Verdict.Definition));

        var g = loss.GradientAt(w);
        if (loss is not GenericLoss)
        {
            var gSym = loss.GradientAt(SymbolNames.Matrix("W", model.Rows, model.Cols));
            steps.Add(new DerivationStep("loss gradient", Entries(gSym, (a, b) => SymbolNames.Gradient(a, b)),
                "G[a,b] = dL/dW[a,b], differentiated by the kernel: the factor 2c comes from the loss, not from a table",
                Verdict.Derived));
        }

        var flow = LayerFlow.Derive(model, loss);
        steps.Add(new DerivationStep("layer flows", flow.Select(f => Equation.Rate(f.Variable, f.Rhs)).ToList(),
            "gradient flow: d/dt theta = -dphi/dtheta for every layer entry theta, differentiated by the kernel",
            Verdict.Derived));

        string gradientText = "the symbols G[r,c]";
        IReadOnlyList<Statement> written = []; // where the published gradient, as written, is defined
        if (loss is CompletionLoss completion)
        {
            (g, written) = PublishedGradient(published["gradient"], completion, w);
            gradientText = $"{published["gradient"]} on Omega (c = {completion.Constant}) at W";
        }
        var (rates, formulas) = PublishedFlow(model, g, flowFormula);
        var derived = flow.ToDictionary(f => f.Variable, f => f.Rhs);
        var checks = new List<CheckResult>();
        var comparison = new List<Equation>();
        foreach (var (variable, rhs) in rates)
        {
            comparison.Add(Equation.Rate(variable, rhs));
            var check = IdentityCheck.Equal(derived[variable], new ScalarFormula(rhs, written), $"d/dt {variable.Name}");
            checks.Add(check);
            if (check.Verdict == Verdict.Disproved) break;
        }
        var result = CheckResult.All(checks, "every derived rate minus the published one expands to 0");
        steps.Add(new DerivationStep("published formula", comparison,
            $"published M1 with G = {gradientText}: {string.Join("; ", formulas)}; {result.Explanation}",
            result.Verdict, result.Witness));

        return new Derivation(Info.Name, Info.Claim, "Layer gradient flow",
            [$"model: deep matrix factorization, {model.Describe()}", $"loss: {loss.Describe()}"],
            steps, $"d/dt Wj = {flowFormula.Render()}",
            result.Verdict,
            Conclusion(result.Verdict, "the layer flows equal the published M1 for every layer entry"));
    }

    // What Run reads from its options, judged before anything is derived (Info.Check): the flow may name G, the
    // layers and the indices j and N; the gradient, used with --loss, W, b and c.
    private static (IReadOnlyDictionary<string, string> Published, MatrixFormula Flow, DeepMatrixFactorization Model, Loss Loss) Inputs(DerivationOptions options)
    {
        var published = PublishedFormula.Resolve(Info, options);
        var flowFormula = Parse(published, "flow");
        RequireNames(flowFormula, "flow", ["G"], ["j", "N"], layers: true);
        var model = Setups.DeepModel(options, defaultDepth: 2, defaultSize: 2);
        var loss = Setups.DeepLoss(options, model.Rows, model.Cols);
        if (loss is CompletionLoss) ScalarFormula.Parse(published["gradient"], "gradient", GradientNames);
        return (published, flowFormula, model, loss);
    }

    private static readonly string[] GradientNames = ["W", "b", "c"];

    /// <summary>Checks the names of a published matrix formula (<see cref="MatrixFormula.RequireNames"/>); an unknown one names the key.</summary>
    public static void RequireNames(MatrixFormula formula, string key, IReadOnlyCollection<string> names, IReadOnlyCollection<string> indices, bool layers = false)
    {
        try
        {
            formula.RequireNames(names, indices, layers);
        }
        catch (FormulaException e)
        {
            throw new DerivationOptionException($"published formula '{key}': {e.Message}");
        }
    }

    /// <summary>
    /// The published right sides, entry by entry, and the per-layer formulas as displayed (indices evaluated),
    /// from the published template over j and N.
    /// </summary>
    public static (List<(Sym Variable, Expr Rhs)> Rates, List<string> Formulas) PublishedFlow(DeepMatrixFactorization model, Expr[,] g, MatrixFormula formula)
    {
        var rates = new List<(Sym, Expr)>();
        var formulas = new List<string>();
        for (int j = 1; j <= model.Depth; j++)
        {
            var indices = new Dictionary<string, int> { ["j"] = j, ["N"] = model.Depth };
            formulas.Add($"d/dt W{j} = {formula.Render(indices)}");
            Expr[,] m;
            try
            {
                m = formula.EvaluateMatrix(new FormulaBindings { Matrices = new Dictionary<string, Expr[,]> { ["G"] = g }, Indices = indices, Layers = model });
            }
            catch (FormulaException e)
            {
                throw new DerivationOptionException($"published formula 'flow' at j = {j}: {e.Message}");
            }
            var (rows, cols) = model.LayerShape(j);
            if (ExprMatrices.Rows(m) != rows || ExprMatrices.Cols(m) != cols)
                throw new DerivationOptionException($"published formula 'flow' at j = {j} is {ExprMatrices.Rows(m)}x{ExprMatrices.Cols(m)}, but layer {j} is {rows}x{cols}");
            for (int r = 1; r <= rows; r++)
                for (int c = 1; c <= cols; c++)
                    rates.Add((SymbolNames.Layer(j, r, c), m[r - 1, c - 1]));
        }
        return (rates, formulas);
    }

    /// <summary>
    /// The published gradient of a completion loss at W: the entry formula in W, b, c on Omega, 0 elsewhere; and where
    /// it is defined as written (the entry formula's written domain at every observed entry).
    /// </summary>
    public static (Expr[,] Gradient, IReadOnlyList<Statement> Written) PublishedGradient(string formula, CompletionLoss loss, Expr[,] w)
    {
        var entry = ScalarFormula.Parse(formula, "gradient", GradientNames);
        var g = new Expr[loss.Rows, loss.Cols];
        var written = new List<Statement>();
        for (int a = 0; a < loss.Rows; a++)
            for (int b = 0; b < loss.Cols; b++)
                g[a, b] = Expr.Zero;
        foreach (var o in loss.Observed)
        {
            var at = entry.Substitute(new Dictionary<Expr, Expr>
            {
                [new Sym("W")] = w[o.Row - 1, o.Col - 1], [new Sym("b")] = Num.Of(o.Target), [new Sym("c")] = Num.Of(loss.Constant),
            });
            g[o.Row - 1, o.Col - 1] = at.Value;
            written.AddRange(at.Written);
        }
        return (g, written.Distinct().ToList());
    }

    /// <summary>A published matrix formula, parsed; a syntax error names the key and the column.</summary>
    public static MatrixFormula Parse(IReadOnlyDictionary<string, string> published, string key)
    {
        try
        {
            return MatrixFormula.Parse(published[key]);
        }
        catch (FormulaException e)
        {
            throw new DerivationOptionException($"published formula '{key}': {e.Message}");
        }
    }

    /// <summary><c>W3*W2*W1</c> for (3, 1).</summary>
    public static string Chain(int from, int downTo) =>
        string.Join("*", Enumerable.Range(downTo, from - downTo + 1).Reverse().Select(k => $"W{k}"));

    /// <summary>Equations <c>name[a,b] = m[a,b]</c> for every entry.</summary>
    public static List<Equation> Entries(Expr[,] m, Func<int, int, Sym> name)
    {
        var list = new List<Equation>();
        for (int a = 0; a < m.GetLength(0); a++)
            for (int b = 0; b < m.GetLength(1); b++)
                list.Add(new Equation(name(a + 1, b + 1), m[a, b]));
        return list;
    }

    /// <summary>The closing sentence for a verdict.</summary>
    public static string Conclusion(Verdict v, string what) => v switch
    {
        Verdict.Proved => $"proved: {what}",
        Verdict.Disproved => $"disproved: it is false that {what}",
        _ => $"numeric only: {what} at every sampled point, not proved",
    };
}
