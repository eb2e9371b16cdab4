using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M7 for CP tensor factorization: the factor flows from φ, the rate of each squared factor norm
/// (<c>d/dt ‖w_r^n‖² = −2⟨G, ⊗_m w_r^m⟩</c>, the same for every mode n), hence the conserved unbalancedness
/// <c>‖w_r^n‖² − ‖w_r^{n′}‖²</c> (an exact polynomial identity), and the balanced component-norm ODE
/// <c>d/dt ρ_r = −N ρ_r^(2−2/N) ⟨G, ⊗_n ŵ_r^n⟩</c>.
/// </summary>
public static class TensorNormsDerivation
{
    /// <summary>The registry entry of <c>derive tensor-norms</c> (M7: CP factor-norm rates, the conserved differences <c>‖w_r^n‖² − ‖w_r^n'‖²</c>, and the balanced component-norm ODE; Razin, Maman and Cohen 2021).</summary>
    public static readonly DerivationInfo Info = new(
        "tensor-norms", "M7",
        "CP factorization: factor-norm rates, conserved |w_r^n|^2 - |w_r^n'|^2, balanced component-norm ODE",
        [new("order", "N (default 3)"), new("dims", "d1,...,dN (default all 2)"), new("components", "R (default 2)")],
        [new("norm-rate", "-N*rho^(2-2/N)*q", "d/dt rho_r of a balanced component in rho, N and q = <G, (x)_n w_r^n/|w_r^n|>")],
        o => Run(o)) { Check = o => Inputs(o) };

    // What Run reads from its options, judged before anything is derived (Info.Check): the rate names N, rho and q;
    // order 1..6, mode sizes 1..6, 1..8 components.
    private static (string Text, ScalarFormula Rate, int Order, IReadOnlyList<int> Dims, int Components) Inputs(DerivationOptions options)
    {
        var text = PublishedFormula.Resolve(Info, options)["norm-rate"];
        var rate = ScalarFormula.Parse(text, "norm-rate", ["N", "rho", "q"]);
        int order = Setups.Bounded(options.Order ?? options.Dims?.Count, 3, 1, 6, "order");
        var dims = options.Dims ?? Enumerable.Repeat(2, order).ToArray();
        if (dims.Count != order) throw DerivationOptionException.About($"{Setups.Dims} lists {dims.Count} mode sizes but {Setups.Order} is {order}");
        if (dims.Any(x => x < 1 || x > 6)) throw DerivationOptionException.About($"{Setups.Dims} mode sizes must be between 1 and 6");
        return (text, rate, order, dims, Setups.Bounded(options.Components, 2, 1, 8, "components"));
    }

    /// <summary>Runs M7 against the published component-norm rate of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (publishedNormOde, publishedRate, order, dims, components) = Inputs(options);
        var model = new CpTensorFactorization(dims, components);
        var indices = model.Indices().ToList();
        Sym GradientAt(int[] idx) => new($"G[{string.Join(",", idx)}]");

        var phi = Expr.Add(indices.Select(idx => Expr.Mul(GradientAt(idx), model.Entry(idx))));
        var parameters = model.Parameters();
        var gradient = SumGradient.Of(phi, parameters);
        var flow = parameters.Select(p => new FlowEquation(p, Expr.Neg(gradient[p]))).ToList();
        var field = flow.ToDictionary(f => f.Variable, f => f.Rhs);
        var poly = new PolyFlow(flow);
        var steps = new List<DerivationStep>
        {
            new("CP tensor", indices.Take(16).Select(idx => new Equation(new Sym($"T[{string.Join(",", idx)}]"), model.Entry(idx))).ToList(),
                $"T = sum over r of w_r^1 (x) ... (x) w_r^{order}{(indices.Count > 16 ? $" (first 16 of {indices.Count} entries)" : "")}", Verdict.Definition),
            DerivationStep.Of("objective", new Equation(new Sym("phi"), phi),
                "chain rule: at the current point phi may be replaced by <G, T(w)> with G = grad L(T) held fixed (any loss)", Verdict.Definition),
            new("factor flows", flow.Select(f => Equation.Rate(f.Variable, f.Rhs)).ToList(),
                "d/dt theta = -dphi/dtheta for every factor entry (kernel Diff, term by term)", Verdict.Derived),
        };

        // d/dt ‖w_r^n‖² by the kernel, and the published −2⟨G, ⊗_m w_r^m⟩.
        var normRates = new List<Equation>();
        var normChecks = new List<CheckResult>();
        var ratePolys = new Dictionary<(int R, int N), Poly>();
        for (int r = 1; r <= components; r++)
        {
            var inner = Expr.Add(indices.Select(idx => Expr.Mul(GradientAt(idx), model.ComponentEntry(r, idx))));
            for (int n = 1; n <= order; n++)
            {
                var normSquared = Expr.Add(model.Factor(r, n).Select(x => Expr.Pow(x, 2)));
                var rate = PolyConversion.ToPoly(Algebra.TimeDerivative(normSquared, field), poly.Variables);
                ratePolys[(r, n)] = rate;
                normRates.Add(Equation.Rate(NormSquared(r, n), PolyConversion.ToExpr(rate)));
                normChecks.Add(IdentityCheck.AllZero([($"d/dt |w{r}_{n}|^2 + 2*<G, w{r}_1 (x) ... (x) w{r}_{order}>", rate + PolyConversion.ToPoly(Expr.Mul(2, inner), poly.Variables))], ""));
            }
        }
        var normCheck = CheckResult.All(normChecks, "each equals -2*<G, w_r^1 (x) ... (x) w_r^N>, the same for every mode n (polynomial identity)");
        steps.Add(new DerivationStep("factor norm rates", normRates,
            $"d/dt sum_i w<r>_<n>[i]^2 along the factor flows (kernel TimeDerivative); nw<r>_<n> stands for |w<r>_<n>|^2; {normCheck.Explanation}",
            normCheck.Verdict, normCheck.Witness));

        var conserved = new List<Equation>();
        var residuals = new List<(string, Poly)>();
        for (int r = 1; r <= components; r++)
            for (int n = 1; n <= order; n++)
                for (int m = n + 1; m <= order; m++)
                {
                    var diff = ratePolys[(r, n)] - ratePolys[(r, m)];
                    residuals.Add(($"d/dt (nw{r}_{n} - nw{r}_{m})", diff));
                    conserved.Add(Equation.Rate(Expr.Sub(NormSquared(r, n), NormSquared(r, m)), PolyConversion.ToExpr(diff)));
                }
        var conservation = IdentityCheck.AllZero(residuals, $"every difference expands to the zero polynomial ({residuals.Count} pairs)");
        steps.Add(new DerivationStep("conserved unbalancedness", conserved,
            "difference of the derived factor-norm rates; " + conservation.Explanation, conservation.Verdict, conservation.Witness));

        var (normOde, odeCheck) = BalancedNormOde(order, publishedNormOde, publishedRate);
        steps.AddRange(normOde);
        var verdict = Verdicts.Weakest([normCheck.Verdict, conservation.Verdict, odeCheck.Verdict]);
        return new Derivation(Info.Name, Info.Claim, "Tensor factorization: factor norms",
            [$"model: CP tensor factorization, {model.Describe()}", "loss: any differentiable L, G[i,...] = entries of grad L(T)"],
            steps, $"d/dt (|w_r^n|^2 - |w_r^n'|^2) = 0; d/dt rho_r = {publishedNormOde} with q = <G, (x)_n w_r^n/|w_r^n|>", verdict,
            LayerFlowDerivation.Conclusion(verdict, "factor norms move together (unbalancedness conserved) and balanced component norms follow M7"));
    }

    /// <summary>The symbol standing for ‖w_r^n‖².</summary>
    public static Sym NormSquared(int r, int n) => new($"nw{r}_{n}");

    // Balanced component r: ν_n = |w_r^n| all equal to ρ^(1/N), d/dt ν_n = (d/dt ν_n²)/(2ν_n) = −p/ν_n with
    // p = ⟨G, ⊗_m w_r^m⟩ = ρ·q, q = ⟨G, ⊗_m ŵ_r^m⟩; ρ = Π_n ν_n.
    private static (List<DerivationStep>, CheckResult) BalancedNormOde(int order, string published, ScalarFormula publishedRate)
    {
        Sym rho = new("rho"), p = new("p"), q = new("q"), nSym = new("N");
        var nu = Enumerable.Range(1, order).Select(n => new Sym($"nu{n}")).ToArray();
        var product = Expr.Mul(nu.Cast<Expr>());
        var field = nu.ToDictionary(v => v, v => Expr.Neg(Expr.Div(p, v)));
        var rate = Algebra.TimeDerivative(product, field);
        var balanced = new Dictionary<Expr, Expr> { [p] = Expr.Mul(rho, q) };
        foreach (var v in nu) balanced[v] = Expr.Pow(rho, Expr.Div(1, order));
        // Assumed positive (stated in the "component norm" step): the factor norms nu_n and rho, never p or q.
        var assumed = new Assumption([rho, .. nu]);
        var atBalance = assumed.Normalize(Algebra.Substitute(rate, balanced));
        var pub = publishedRate.Substitute(nSym, order).Rewrite(assumed.Normalize);
        var check = IdentityCheck.Equal(atBalance, pub, "d/dt rho", assumed.Domain);
        var steps = new List<DerivationStep>
        {
            new("component norm", [new Equation(rho, product), .. nu.Select(v => Equation.Rate(v, field[v]))],
                "rho = |w_r^1 (x) ... (x) w_r^N| = product of the factor norms nu_n = |w_r^n|, assumed non-zero (nu_n > 0, so rho > 0); from the factor norm rates, d/dt nu_n = (d/dt nu_n^2)/(2*nu_n) = -p/nu_n with p = <G, w_r^1 (x) ... (x) w_r^N>",
                Verdict.Derived),
            new("balanced component norm ODE", [Equation.Rate(rho, rate), Equation.Rate(rho, atBalance), Equation.Rate(rho, pub.Value)],
                $"kernel TimeDerivative of the product, then balance nu_n = rho^(1/N) and p = rho*q with q = <G, normalised factors>; published (M7, N = {order}): d/dt rho = {published}; {check.Explanation}",
                check.Verdict, check.Witness),
        };
        return (steps, check);
    }
}
