using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M8 corollary: least squares <c>L(x) = c·‖Ax − y‖²</c> over <c>x = u∘u</c>. Derives <c>u̇ = −∂L/∂u</c>, the flow
/// <c>ẋ = −κ·x∘(Aᵀr)</c> with κ derived from c, and the closed form <c>x(t) = α²·exp(−κ·AᵀS)</c> (<c>S = ∫r</c>) from
/// <c>u(0) = α·1</c>: the diagonal case of the commuting closed form.
/// </summary>
public static class NonNegativeFlowDerivation
{
    /// <summary>The registry entry of <c>derive nonneg-flow</c> (M8: the flow of <c>x = u ∘ u</c> under least squares and its exponential closed form; Gunasekar et al. 2017).</summary>
    public static readonly DerivationInfo Info = new(
        "nonneg-flow", "M8",
        "x = u o u least squares: d/dt x = -kappa x o (A^T r) and x(t) = alpha^2 exp(-kappa A^T S)",
        [new("dims", "n (default 2 unknowns)"), new("components", "m measurements (default 2)"), new("loss", "half-sse|mse|sse (default half-sse)")],
        [new("kappa", "8*c", "the constant kappa of d/dt x = -kappa*x o (A^T r) and of the closed form, in the loss constant c")],
        o => Run(o)) { Check = o => Inputs(o) };

    // What Run reads from its options, judged before anything is derived (Info.Check): kappa names c; n and m in 1..4.
    private static (string Text, ScalarFormula Kappa, int N, int M) Inputs(DerivationOptions options)
    {
        var text = PublishedFormula.Resolve(Info, options)["kappa"];
        var kappa = ScalarFormula.Parse(text, "kappa", ["c"]);
        int n = Setups.Bounded(options.Dims is { Count: 1 } one ? one[0] : options.Dims is null ? null : throw DerivationOptionException.About($"{Setups.Dims} takes one size n"), 2, 1, 4, "dims");
        return (text, kappa, n, Setups.Bounded(options.Components, 2, 1, 4, "components"));
    }

    /// <summary>Runs the corollary against the published constant of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (kappaText, kappaFormula, n, m) = Inputs(options);
        var scale = options.Loss ?? LossScale.HalfSse;
        var c = LossScales.Constant(scale, m);
        var a = new Expr[m, n];
        for (int k = 0; k < m; k++)
            for (int i = 0; i < n; i++)
                a[k, i] = new Sym($"A[{k + 1},{i + 1}]");
        var u = Enumerable.Range(1, n).Select(i => new Sym($"u[{i}]")).ToArray();
        var x = u.Select(v => Expr.Pow(v, 2)).ToArray();
        var y = Enumerable.Range(1, m).Select(k => (Expr)new Sym($"y[{k}]")).ToArray();
        var residual = Enumerable.Range(0, m).Select(k => Expr.Sub(Expr.Add(Enumerable.Range(0, n).Select(i => Expr.Mul(a[k, i], x[i]))), y[k])).ToArray();
        var loss = Expr.Mul(c, Expr.Add(residual.Select(rk => Expr.Pow(rk, 2))));
        var gradient = SumGradient.Of(loss, u);
        var uDot = u.ToDictionary(v => v, v => Expr.Neg(gradient[v]));
        var xDot = x.Select(xi => Algebra.TimeDerivative(xi, uDot)).ToArray();
        var atr = Enumerable.Range(0, n).Select(i => Expr.Add(Enumerable.Range(0, m).Select(k => Expr.Mul(a[k, i], residual[k])))).ToArray();
        var kappa = Algebra.Cancel(Expr.Div(xDot[0], Expr.Neg(Expr.Mul(x[0], atr[0]))));
        var kappaWritten = kappaFormula.Substitute(new Sym("c"), Num.Of(c));
        var kappaUsed = kappaWritten.Value;
        var flowChecks = Enumerable.Range(0, n).Select(i => IdentityCheck.Equal(xDot[i], kappaWritten.Rewrite(k => Expr.Mul(Expr.Neg(k), x[i], atr[i])), $"d/dt x[{i + 1}]")).ToList();
        var flowCheck = kappa is Num ? CheckResult.All(flowChecks, "each entry agrees after expansion")
            : new CheckResult(Verdict.Disproved, $"the ratio {kappa} is not a constant", "no constant kappa");

        // Closed form: x_i = α²·exp(−κ Σ_k A[k,i] S_k), d/dt S_k = r_k (r_k as a given path).
        Sym alpha = new("alpha");
        var r = Enumerable.Range(1, m).Select(k => (Expr)new Sym($"r[{k}]")).ToArray();
        var integral = Enumerable.Range(1, m).Select(k => new Sym($"S[{k}]")).ToArray();
        var field = integral.Select((s, k) => (s, r[k])).ToDictionary(p => p.s, p => p.Item2);
        var closedChecks = new List<CheckResult>();
        var closed = new List<Equation>();
        for (int i = 0; i < n; i++)
        {
            var exponent = Expr.Mul(Expr.Neg(kappaUsed), Expr.Add(Enumerable.Range(0, m).Select(k => Expr.Mul(a[k, i], integral[k]))));
            var xi = Expr.Mul(Expr.Pow(alpha, 2), Expr.Exp(exponent));
            closed.Add(new Equation(new Sym($"x[{i + 1}]"), xi));
            var rhs = Expr.Mul(Expr.Neg(kappaUsed), xi, Expr.Add(Enumerable.Range(0, m).Select(k => Expr.Mul(a[k, i], r[k]))));
            closedChecks.Add(IdentityCheck.Equal(Algebra.TimeDerivative(xi, field), new ScalarFormula(rhs, kappaWritten.Written), $"d/dt x[{i + 1}]"));
        }
        var closedCheck = CheckResult.All(closedChecks, "its derivative equals -kappa*x o (A^T r) with d/dt S = r, and x(0) = alpha^2 = u(0)^2");
        var verdict = Verdicts.Weakest([flowCheck.Verdict, closedCheck.Verdict]);
        var steps = new List<DerivationStep>
        {
            new("objective", [new Equation(new Sym("L"), loss)], $"L = {c} * sum_k (sum_i A[k,i]*x[i] - y[k])^2 ({LossScales.Name(scale)}) with x[i] = u[i]^2", Verdict.Definition),
            new("factor flow", u.Select(v => Equation.Rate(v, uDot[v])).ToList(), "d/dt u[i] = -dL/du[i] (kernel Diff)", Verdict.Derived),
            new("x flow", [new Equation(new Sym("kappa"), kappa), .. Enumerable.Range(0, n).Select(i => Equation.Rate(new Sym($"x[{i + 1}]"), xDot[i]))],
                $"d/dt u[i]^2 (kernel TimeDerivative); kappa = d/dt x[1] / (-x[1]*(A^T r)[1]) simplified (kernel Cancel); published d/dt x = -kappa*x o (A^T r) with kappa = {kappaText} = {kappaUsed}: {flowCheck.Explanation}",
                flowCheck.Verdict, flowCheck.Witness),
            new("closed form", closed, $"from u(0) = alpha*1, S[k] = integral of r[k]; {closedCheck.Explanation}; as alpha -> 0 this is the path to the minimum-l1 non-negative solution (the M8 corollary of docs/theory.md, not derived here)",
                closedCheck.Verdict, closedCheck.Witness),
        };
        return new Derivation(Info.Name, Info.Claim, "Non-negative least squares with x = u o u",
            [$"model: x = u o u, {n} unknowns, {m} measurements A[k,i]", $"loss: L(x) = {c} * |A x - y|^2 ({LossScales.Name(scale)})"],
            steps, $"d/dt x = -kappa*x o (A^T r); x(t) = alpha^2*exp(-kappa*A^T S) from u(0) = alpha*1; kappa = {kappaText}", verdict,
            LayerFlowDerivation.Conclusion(verdict, $"d/dt x = -{kappaUsed}*x o (A^T r) and x(t) = alpha^2*exp(-{kappaUsed}*A^T S)"));
    }
}
