using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M5: the time derivative of det(W) along the derived layer flows (proved equal to Jacobi's
/// <c>tr(adj(W)·Ẇ)</c>), its product form along balanced diagonal trajectories (with a positive and with a negative
/// determinant, M4's rate taken at the signed singular values), and the argument from the M4 closed
/// forms: for N ≥ 2 no singular value reaches 0 in finite time, so det(W) keeps its sign; for N = 1 it can cross 0.
/// </summary>
public static class DeterminantDerivation
{
    /// <summary>The published statement M5 is compared with: Jacobi's formula for the rate of det(W), and that det(W) never reaches 0 for N ≥ 2 from a balanced start.</summary>
    public const string Published = "d/dt det(W) = trace(adj(W)*dW/dt); det(W(t)) != 0 for all t when N >= 2 (balanced init)";

    /// <summary>The registry entry of <c>derive determinant</c> (M5), with M4's singular-value rate as its published formula.</summary>
    public static readonly DerivationInfo Info = new(
        "determinant", "M5",
        "d/dt det(W) along the layer flows (Jacobi), and why det(W) keeps its sign for N >= 2 but not N = 1",
        [new("depth", "N (default 2)"), new("dims", "d,...,d (square, default 2)")],
        [new("sigma-rate", "-N*(sigma^2)^(1-1/N)*Gii", "M4's d/dt sigma_i in the product form of d/dt det(W): sigma = sigma_i, N, Gii = G[i,i]")],
        o => Run(o)) { Check = o => Inputs(o) };

    // Depth at most 6, square layers of size at most 3.
    private static (string Text, ScalarFormula Rate, DeepMatrixFactorization Model) Inputs(DerivationOptions options) =>
        BalancedDiagonalPoint.Inputs(Info, "sigma-rate", options, defaultDepth: 2, maxDepth: 6, maxSize: 3,
            $"the determinant needs square layers of size at most 3: give equal {Setups.Dims} (e.g. 2,2,2)");

    /// <summary>Runs M5 with the published singular-value rate of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (sigmaRateText, sigmaRate, model) = Inputs(options);
        int d = model.Dims[0], depth = model.Depth;
        var flow = LayerFlow.Derive(model, new GenericLoss(d, d));
        var poly = new PolyFlow(flow);
        var w = model.EndToEnd();
        var wPoly = poly.Matrix(w);
        var det = wPoly.Determinant();
        var detExpr = PolyConversion.ToExpr(det);
        var detSym = new Sym("detW");

        // d/dt det = Σ_θ ∂det/∂θ · θ̇: the kernel differentiates det term by term; the products are polynomial.
        var partials = SumGradient.Of(detExpr, model.Parameters());
        var rate = Poly.Zero(poly.Variables);
        foreach (var (theta, partial) in partials)
            if (partial is not Num { Value.IsZero: true }) rate += PolyConversion.ToPoly(partial, poly.Variables) * poly.Rate(theta);
        var rateExpr = PolyConversion.ToExpr(rate);

        // Jacobi: tr(adj(W)·Ẇ) with Ẇ = Σ_j (W_N⋯W_{j+1})·Ẇ_j·(W_{j−1}⋯W_1), built from the same derived layer rates.
        var wDot = PolyMatrix.Zero(poly.Variables, d, d);
        for (int j = 1; j <= depth; j++)
            wDot += poly.Matrix(model.Product(j + 1, depth)) * poly.RateMatrix(model.Layer(j)) * poly.Matrix(model.Product(1, j - 1));
        var jacobi = (wPoly.Adjugate() * wDot).Trace();
        var jacobiCheck = IdentityCheck.AllZero([("d/dt det(W) - trace(adj(W)*dW/dt)", rate - jacobi)],
            $"the two sides agree as polynomials ({rate.Count} terms)");

        var steps = new List<DerivationStep>
        {
            new("layer flows", flow.Select(f => Equation.Rate(f.Variable, f.Rhs)).ToList(), "M1 (derive layer-flow), any loss through G", Verdict.Derived),
            DerivationStep.Of("determinant", new Equation(detSym, detExpr), $"det(W) of W = {LayerFlowDerivation.Chain(depth, 1)}, expanded", Verdict.Definition),
            DerivationStep.Of("rate of the determinant", Equation.Rate(detSym, rateExpr),
                "sum over layer entries theta of d(detW)/dtheta * d/dt theta: kernel Diff term by term, products on the polynomial path", Verdict.Derived),
            DerivationStep.Of("Jacobi's formula", Equation.Rate(detSym, PolyConversion.ToExpr(jacobi)),
                "trace(adj(W)*dW/dt) with dW/dt = sum_j (WN..W(j+1))*(d/dt Wj)*(W(j-1)..W1) from the derived layer rates; " + jacobiCheck.Explanation,
                jacobiCheck.Verdict, jacobiCheck.Witness),
        };

        // Balanced diagonal trajectory: every layer diag(a_i), G diagonal; det = Π a_i^N and its rate factors.
        var a = Enumerable.Range(1, d).Select(i => (Expr)new Sym($"a[{i}]")).ToArray();
        var point = new Dictionary<Expr, Expr>();
        for (int j = 1; j <= depth; j++)
            for (int r = 1; r <= d; r++)
                for (int c = 1; c <= d; c++)
                    point[SymbolNames.Layer(j, r, c)] = r == c ? a[r - 1] : Expr.Zero;
        for (int r = 1; r <= d; r++)
            for (int c = 1; c <= d; c++)
                if (r != c) point[SymbolNames.Gradient(r, c)] = Expr.Zero;
        var (detAtPoint, rateAtPoint, productForm, diagonal) = ProductForm(rateExpr, detExpr, point, a, depth, sigmaRate, "d/dt detW at the balanced diagonal point");
        steps.Add(new DerivationStep("balanced diagonal trajectory",
            [new Equation(detSym, detAtPoint), Equation.Rate(detSym, rateAtPoint), Equation.Rate(detSym, productForm)],
            $"at W1 = ... = W{depth} = diag(a[1]..a[{d}]), a[i] > 0, G diagonal: d/dt det(W) = det(W) * sum_i (d/dt sigma_i)/sigma_i with M4's d/dt sigma_i = {sigmaRateText} (sigma = sigma_i, Gii = G[i,i]); {diagonal.Explanation}",
            diagonal.Verdict, diagonal.Witness));

        // M5 is about the sign of det(W), and M4 about signed singular values: negating the last layer's first entry
        // keeps the layers balanced (W_N^T W_N is unchanged) and makes det(W) < 0 with sigma[1] = -a[1]^N. There an
        // unsigned sigma^(2-2/N) is wrong (for N = 2 it flips (d/dt sigma_1)/sigma_1), so the product form is checked again.
        var signed = BalancedDiagonalPoint.WithNegativeFirstValue(point, depth, a);
        var (detSigned, rateSigned, productSigned, negative) = ProductForm(rateExpr, detExpr, signed, a, depth, sigmaRate, "d/dt detW at the negative determinant");
        steps.Add(new DerivationStep("a negative determinant",
            [new Equation(detSym, detSigned), Equation.Rate(detSym, rateSigned), Equation.Rate(detSym, productSigned)],
            $"W{depth}[1,1] = -a[1] instead (still balanced): det(W) < 0 and the signed sigma[1] = W[1,1] = -a[1]^{depth} with u_1 = v_1 = e_1; the derived rate, then the product form with M4's rate there; {negative.Explanation}",
            negative.Verdict, negative.Witness));

        var (argument, verdict, conclusion) = depth == 1 ? DepthOne(rateExpr, d) : DeepArgument(depth);
        steps.Add(argument);
        var final = Verdicts.Weakest([jacobiCheck.Verdict, diagonal.Verdict, negative.Verdict, verdict]);
        return new Derivation(Info.Name, Info.Claim, "The determinant keeps its sign (N >= 2)",
            [$"model: deep matrix factorization, {model.Describe()}", "loss: any differentiable L, through G", "initialization: balanced, W(0) square with det W(0) != 0"],
            steps, Published, final, LayerFlowDerivation.Conclusion(final, conclusion));
    }

    // The derived d/dt det(W) at a diagonal point, and the published product form there: det(W) * sum_i (d/dt sigma_i)/sigma_i
    // with M4's rate at the signed sigma_i = W[i,i]. Powers are combined only for the assumed a[i] > 0.
    private static (Expr Det, Expr Rate, Expr ProductForm, CheckResult Check) ProductForm(
        Expr rateExpr, Expr detExpr, Dictionary<Expr, Expr> point, Expr[] a, int depth, ScalarFormula sigmaRate, string label)
    {
        var assumed = new Assumption(a);
        var rate = assumed.Normalize(Algebra.Substitute(rateExpr, point));
        var det = Algebra.Substitute(detExpr, point);
        var sigmaDots = Enumerable.Range(1, a.Length).Select(i =>
        {
            var sigma = Expr.Mul(Enumerable.Range(1, depth).Select(j => point[SymbolNames.Layer(j, i, i)]));
            return (Sigma: sigma, Dot: BalancedDiagonalPoint.SigmaRate(sigmaRate, sigma, depth, i));
        }).ToList();
        var logRate = Expr.Add(sigmaDots.Select(s => Expr.Div(s.Dot.Value, s.Sigma)));
        // The product form is defined, as written, where M4's rate is at every sigma_i.
        var productForm = new ScalarFormula(assumed.Normalize(Expr.Mul(det, logRate)), [.. sigmaDots.SelectMany(s => s.Dot.Written).Distinct()]);
        return (det, rate, productForm.Value, IdentityCheck.Equal(rate, productForm, label, assumed.Domain));
    }

    // N = 1: σ = s0 + I reaches 0, and the derived det rate at a singular W is not 0, so det W crosses zero.
    private static (DerivationStep, Verdict, string) DepthOne(Expr rateExpr, int d)
    {
        var singular = new Dictionary<Expr, Expr>();
        for (int r = 1; r <= d; r++)
            for (int c = 1; c <= d; c++)
            {
                singular[SymbolNames.Layer(1, r, c)] = r == c && r == 1 ? Expr.One : Expr.Zero; // W = diag(1, 0, ...)
                singular[SymbolNames.Gradient(r, c)] = r == c ? Expr.MinusOne : Expr.Zero;    // G = -I
            }
        var value = Algebra.Substitute(rateExpr, singular);
        var crosses = value is Num { Value.IsZero: false };
        var witness = $"W1 = diag(1{string.Concat(Enumerable.Repeat(", 0", d - 1))}) has det 0, and with G = -I the derived d/dt detW = {value}, not 0; along M4, sigma = s0 + I is 0 at I = -s0";
        var step = DerivationStep.Of("N = 1: det(W) can reach 0",
            new Equation(new Sym("sigma"), new Sym("s0") + new Sym("I")),
            "M4 closed form for N = 1: sigma(t) = s0 + I(t) vanishes when I = -s0, and the det rate does not vanish at a singular W, so det(W) changes sign",
            crosses ? Verdict.Disproved : Verdict.NumericOnly, witness);
        return (step, crosses ? Verdict.Disproved : Verdict.NumericOnly, "det(W) keeps its sign for N = 1");
    }

    // N ≥ 2: the closed forms of M4 keep every σ_r away from 0 in finite time. The closed forms are not taken on
    // trust: derive closed-forms is run here and its verdict is this step's verdict (and the claim's).
    private static (DerivationStep, Verdict, string) DeepArgument(int depth)
    {
        var closedForms = ClosedFormsDerivation.Run(DerivationOptions.Defaults);
        var closedVerdict = closedForms.Conclusion;
        var closed = depth == 2
            ? new Equation(new Sym("sigma"), new Sym("s0") * Expr.Exp(new Sym("I")))
            : new Equation(Expr.Pow(new Sym("sigma"), Expr.Sub(Expr.Div(2, depth), 1)),
                Expr.Pow(new Sym("s0"), Expr.Sub(Expr.Div(2, depth), 1)) + Expr.Sub(Expr.Div(2, depth), 1) * new Sym("I"));
        var checkedBy = $"the closed forms solve the M4 ODE: derive closed-forms, run here, verdict {Verdicts.Name(closedVerdict)}";
        var reason = depth == 2
            ? $"M4 closed form for N = 2 ({checkedBy}): sigma = s0*exp(I) with s0 > 0 and exp > 0, so sigma(t) > 0 for every finite I"
            : $"M4 closed form for N = {depth} ({checkedBy}): the exponent 2/N - 1 = {Expr.Sub(Expr.Div(2, depth), 1)} is negative, so sigma -> 0 would need the right side to grow without bound, impossible while I is finite";
        var step = DerivationStep.Of($"N = {depth}: no singular value reaches 0", closed,
            reason + "; det(W) = +-product of the sigma_r is continuous and never 0, so it keeps its sign", closedVerdict);
        return (step, closedVerdict,
            $"for N = {depth} det(W) keeps its sign along the flow from a balanced start (kernel-checked: Jacobi's formula, the product form and the closed forms; "
            + "argued in the step's reason, not by the kernel: a closed form that stays positive for finite I keeps det(W) away from 0)");
    }
}
