using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M8: symmetric factorization <c>X = U·Uᵀ</c> with a sensing loss on symmetric measurements A_i (symbolic
/// entries). Derives <c>U̇ = −∂f/∂U</c>, checks <c>U̇ = −(∇L + ∇Lᵀ)U</c>, finds the constant κ with
/// <c>U̇ = −κ·A*(r)·U</c> for the stated loss, and proves <c>Ẋ = −κ(A*(r)X + XA*(r))</c>.
/// </summary>
public static class SymmetricFlowDerivation
{
    /// <summary>The registry entry of <c>derive symmetric-flow</c> (M8: for <c>X = UUᵀ</c> under a sensing loss, <c>Ẋ = −κ (A*(r) X + X A*(r))</c> with κ derived from the loss's constant; Gunasekar et al. 2017).</summary>
    public static readonly DerivationInfo Info = new(
        "symmetric-flow", "M8",
        "X = U U^T with a sensing loss: d/dt U and d/dt X = -kappa (A*(r) X + X A*(r)), kappa derived from the loss",
        [new("dims", "d (default 2)"), new("components", "m measurements (default 2)"), new("loss", "half-sse|mse|sse (default half-sse)")],
        [
            new("gradient-form", "-(G + G^T)*U", "d/dt U in G = grad L(W) at W = U U^T and U"),
            new("kappa", "4*c", "the constant kappa in the loss constant c (1/2, 1/m or 1)"),
            new("u-flow", "-kappa*Astar*U", "d/dt U in kappa, Astar = A*(r) = sum_i r_i A_i and U"),
            new("x-flow", "-kappa*(Astar*X + X*Astar)", "d/dt X in kappa, Astar and X = U U^T"),
        ],
        o => Run(o)) { Check = o => Inputs(o) };

    /// <summary>Symmetric measurement matrices <c>A&lt;i&gt;[r,c]</c> with <c>A_i[r,c] = A_i[c,r]</c> and targets <c>y[i]</c>.</summary>
    public static SensingLoss SymmetricSensing(int d, int m, LossScale scale)
    {
        var measurements = new List<Expr[,]>();
        for (int i = 1; i <= m; i++)
        {
            var a = new Expr[d, d];
            for (int r = 1; r <= d; r++)
                for (int c = 1; c <= d; c++)
                    a[r - 1, c - 1] = new Sym($"A{i}[{Math.Min(r, c)},{Math.Max(r, c)}]");
            measurements.Add(a);
        }
        return new SensingLoss(measurements, Enumerable.Range(1, m).Select(i => (Expr)new Sym($"y[{i}]")).ToList(), scale);
    }

    // What Run reads from its options, judged before anything is derived (Info.Check): the names each published formula
    // is evaluated with below (G, U; Astar, U, kappa; Astar, X, kappa; c for kappa); d and m in 1..3.
    private static (IReadOnlyDictionary<string, string> Published, MatrixFormula Gradient, MatrixFormula U, MatrixFormula X, int D, int M) Inputs(DerivationOptions options)
    {
        var published = PublishedFormula.Resolve(Info, options);
        var gradientForm = LayerFlowDerivation.Parse(published, "gradient-form");
        LayerFlowDerivation.RequireNames(gradientForm, "gradient-form", ["G", "U"], []);
        var uForm = LayerFlowDerivation.Parse(published, "u-flow");
        LayerFlowDerivation.RequireNames(uForm, "u-flow", ["Astar", "U", "kappa"], []);
        var xForm = LayerFlowDerivation.Parse(published, "x-flow");
        LayerFlowDerivation.RequireNames(xForm, "x-flow", ["Astar", "X", "kappa"], []);
        ScalarFormula.Parse(published["kappa"], "kappa", ["c"]);
        int d = Setups.Bounded(options.Dims is { Count: 1 } one ? one[0] : options.Dims is null ? null : throw DerivationOptionException.About($"{Setups.Dims} takes one size d for X = U U^T (d x d)"), 2, 1, 3, "dims");
        return (published, gradientForm, uForm, xForm, d, Setups.Bounded(options.Components, 2, 1, 3, "components"));
    }

    /// <summary>Runs M8 against the published formulas of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (published, gradientForm, uForm, xForm, d, m) = Inputs(options);
        var scale = options.Loss ?? LossScale.HalfSse;
        var model = new SymmetricFactorization(d, d);
        var loss = SymmetricSensing(d, m, scale);
        var u = model.Factor();
        var x = model.Product();
        var f = loss.Value(x);
        var parameters = model.Parameters();
        var gradient = SumGradient.Of(f, parameters);
        var flow = parameters.ToDictionary(p => p, p => Expr.Neg(gradient[p]));
        var uDot = ExprMatrices.Map(u, e => flow[(Sym)e]);

        var steps = new List<DerivationStep>
        {
            new("factorization", LayerFlowDerivation.Entries(x, SymbolNames.SymmetricProduct), $"X = U*U^T, U of shape {d} x {d}", Verdict.Definition),
            DerivationStep.Of("objective", new Equation(new Sym("f"), f), $"f(U) = L(U*U^T) with {loss.Describe()}; A<i>[r,c] = A<i>[c,r] symmetric", Verdict.Definition),
            new("factor flow", parameters.Select(p => Equation.Rate(p, flow[p])).ToList(), "d/dt U[i,k] = -df/dU[i,k] (kernel Diff)", Verdict.Derived),
        };

        // −(∇L + ∇Lᵀ)U with ∇L derived by the kernel at X = UUᵀ.
        var g = loss.GradientAt(x);
        var viaGradient = Evaluate(gradientForm, "gradient-form", new() { ["G"] = g, ["U"] = u }, null);
        var gradCheck = IdentityCheck.EqualMatrices(uDot, viaGradient, "d/dt U");
        steps.Add(new DerivationStep("gradient form", LayerFlowDerivation.Entries(viaGradient, (r, c) => SymbolNames.SymmetricFactor(r, c)).Select(e => Equation.Rate(e.Lhs, e.Rhs)).ToList(),
            $"published d/dt U = {gradientForm.Text} with G = grad L = dL/dW derived by the kernel at W = U*U^T; " + gradCheck.Explanation, gradCheck.Verdict, gradCheck.Witness));

        // κ: the ratio of U̇ to −A*(r)U at the first entry, which must be a constant for the claim to hold.
        var residuals = loss.Residuals(x);
        var aStar = loss.Adjoint(residuals);
        var aStarU = ExprMatrices.Product(aStar, u);
        var kappa = Algebra.Cancel(Expr.Div(uDot[0, 0], Expr.Neg(aStarU[0, 0])));
        var kappaWritten = ScalarFormula.Parse(published["kappa"], "kappa", ["c"]).Substitute(new Sym("c"), Num.Of(loss.Constant));
        var kappaUsed = kappaWritten.Value;
        var scalars = new Dictionary<string, Expr> { ["kappa"] = kappaUsed };
        var uPublished = Evaluate(uForm, "u-flow", new() { ["Astar"] = aStar, ["U"] = u }, scalars);
        var kappaCheck = kappa is Num
            ? IdentityCheck.EqualMatrices(uDot, uPublished, "d/dt U", kappaWritten.Written)
            : new CheckResult(Verdict.Disproved, $"d/dt U[1,1] / (-(A*(r)U)[1,1]) = {kappa} is not a constant", "no constant kappa");
        steps.Add(new DerivationStep("the constant",
            [new Equation(new Sym("kappa"), kappa), .. LayerFlowDerivation.Entries(uPublished, SymbolNames.SymmetricFactor).Select(e => Equation.Rate(e.Lhs, e.Rhs))],
            $"kappa = d/dt U[1,1] / (-(A*(r)*U)[1,1]) simplified (kernel Cancel), with r_i = <A_i, X> - y[i] and A*(r) = sum_i r_i*A_i; c = {loss.Constant} gives kappa = {kappa}; published kappa = {published["kappa"]} = {kappaUsed}, d/dt U = {uForm.Text} entrywise: {kappaCheck.Explanation}",
            kappaCheck.Verdict, kappaCheck.Witness));

        // Ẋ along the flow by the kernel, against −κ(A*(r)X + XA*(r)).
        var xDot = ExprMatrices.Map(x, e => Algebra.TimeDerivative(e, flow));
        var publishedX = Evaluate(xForm, "x-flow", new() { ["Astar"] = aStar, ["X"] = x }, scalars);
        var xCheck = IdentityCheck.EqualMatrices(xDot, publishedX, "d/dt X", kappaWritten.Written);
        steps.Add(new DerivationStep("end-to-end flow",
            LayerFlowDerivation.Entries(publishedX, SymbolNames.SymmetricProduct).Select(e => Equation.Rate(e.Lhs, e.Rhs)).ToList(),
            $"d/dt X[i,j] along the factor flow (kernel TimeDerivative) against the published {xForm.Text} with kappa = {kappaUsed}; {xCheck.Explanation}",
            xCheck.Verdict, xCheck.Witness));

        var verdict = Verdicts.Weakest([gradCheck.Verdict, kappaCheck.Verdict, xCheck.Verdict]);
        return new Derivation(Info.Name, Info.Claim, "Symmetric factorization X = U U^T",
            [$"model: symmetric factorization, {model.Describe()}", $"loss: {loss.Describe()}, symmetric symbolic A_i, targets y[i]"],
            steps, $"d/dt U = {gradientForm.Text} = {uForm.Text}; d/dt X = {xForm.Text}; kappa = {published["kappa"]}", verdict,
            LayerFlowDerivation.Conclusion(verdict, $"d/dt X = {xForm.Text} with kappa = {kappaUsed} for {LossScales.Name(scale)}"));
    }

    /// <summary>A published matrix formula at the given bindings; a name or shape error names the key.</summary>
    public static Expr[,] Evaluate(MatrixFormula formula, string key, Dictionary<string, Expr[,]> matrices, IReadOnlyDictionary<string, Expr>? scalars)
    {
        try
        {
            return formula.EvaluateMatrix(new FormulaBindings { Matrices = matrices, Scalars = scalars ?? new Dictionary<string, Expr>() });
        }
        catch (FormulaException e)
        {
            throw new DerivationOptionException($"published formula '{key}': {e.Message}");
        }
    }
}
