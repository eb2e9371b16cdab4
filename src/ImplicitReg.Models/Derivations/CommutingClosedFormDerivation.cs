using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M8 commuting case, for diagonal measurements <c>A_k = diag(A&lt;k&gt;[i,i])</c> (which commute): the closed form
/// <c>X_t = e^{A*(s)} X_0 e^{A*(s)}</c> with <c>s_k = −κ·S_k</c>, <c>S_k(t) = ∫₀ᵗ r_k</c>, solves
/// <c>Ẋ = −κ(A*(r)X + XA*(r))</c> for any residual path r(t) and equals X_0 at t = 0. κ is the constant derived by
/// <c>symmetric-flow</c>.
/// </summary>
public static class CommutingClosedFormDerivation
{
    /// <summary>The registry entry of <c>derive commuting-closed-form</c> (M8, Gunasekar et al. 2017): with commuting diagonal measurements, <c>X_t = exp(A*(s)) X_0 exp(A*(s))</c> solves the flow of X.</summary>
    public static readonly DerivationInfo Info = new(
        "commuting-closed-form", "M8",
        "diagonal (commuting) A_i: X_t = exp(A*(s)) X_0 exp(A*(s)), s = -kappa * integral of r, solves the X flow",
        [new("dims", "d (default 2)"), new("components", "m measurements (default 2)"), new("loss", "half-sse|mse|sse (default half-sse)")],
        [
            new("kappa", "4*c", "the constant kappa of the X flow in the loss constant c"),
            new("exponent", "-kappa*S", "s_k in X(t) = exp(A*(s)) X0 exp(A*(s)), in kappa and S = S_k = integral of r_k"),
        ],
        o => Run(o)) { Check = o => Inputs(o) };

    // What Run reads from its options, judged before anything is derived (Info.Check): kappa names c, the exponent
    // kappa and S; d and m in 1..4.
    private static ((ScalarFormula Kappa, ScalarFormula Exponent, IReadOnlyDictionary<string, string> Text) Published, int D, int M) Inputs(DerivationOptions options)
    {
        var published = PublishedFormula.Resolve(Info, options);
        var kappa = ScalarFormula.Parse(published["kappa"], "kappa", ["c"]);
        var exponent = ScalarFormula.Parse(published["exponent"], "exponent", ["kappa", "S"]);
        int d = Setups.Bounded(options.Dims is { Count: 1 } one ? one[0] : options.Dims is null ? null : throw DerivationOptionException.About($"{Setups.Dims} takes one size d"), 2, 1, 4, "dims");
        return ((kappa, exponent, published), d, Setups.Bounded(options.Components, 2, 1, 4, "components"));
    }

    /// <summary>Runs the check against the published closed form of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (published, d, m) = Inputs(options);
        // κ from the symmetric-flow derivation for the same loss (derived, not typed).
        var flow = SymmetricFlowDerivation.Run(options with { Dims = [Math.Min(d, 2)], Components = Math.Min(m, 2), Published = null });
        var kappa = flow.Steps.Single(s => s.Name == "the constant").Equations[0].Rhs;

        var alpha = new Expr[m, d]; // A_k = diag(alpha[k, i])
        for (int k = 0; k < m; k++)
            for (int i = 0; i < d; i++)
                alpha[k, i] = new Sym($"A{k + 1}[{i + 1},{i + 1}]");
        var r = Enumerable.Range(1, m).Select(k => (Expr)new Sym($"r[{k}]")).ToArray();
        var integral = Enumerable.Range(1, m).Select(k => new Sym($"S[{k}]")).ToArray();
        var field = integral.Select((s, k) => (s, r[k])).ToDictionary(p => p.s, p => p.Item2);
        var scaleOfLoss = options.Loss ?? Losses.LossScale.HalfSse;
        var kappaWritten = published.Kappa.Substitute(new Sym("c"), Num.Of(Losses.LossScales.Constant(scaleOfLoss, m)));
        var kappaPublished = kappaWritten.Value;
        var exponent = published.Exponent.Value;
        Expr Lambda(IReadOnlyList<Expr> weights, int i) => Expr.Add(Enumerable.Range(0, m).Select(k => Expr.Mul(weights[k], alpha[k, i])));
        var sWritten = integral.Select(x => published.Exponent.Substitute(new Sym("kappa"), kappaWritten).Substitute(new Sym("S"), x)).ToArray();
        var s = sWritten.Select(x => x.Value).ToArray();
        // Where the closed form, as written, is defined: every s[k] with its kappa.
        IReadOnlyList<Statement> written = [.. sWritten.SelectMany(x => x.Written).Distinct()];

        var closed = new Expr[d, d];
        var residuals = new List<CheckResult>();
        var rates = new List<Equation>();
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var x0 = new Sym($"X0[{i + 1},{j + 1}]");
                closed[i, j] = Expr.Mul(Expr.Exp(Lambda(s, i)), x0, Expr.Exp(Lambda(s, j)));
            }
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var derivative = Algebra.TimeDerivative(closed[i, j], field);
                // −κ(A*(r)X + XA*(r)) for diagonal A*(r) = diag(λ_i): entry −κ(λ_i + λ_j)X[i,j].
                var rhs = Expr.Mul(Expr.Neg(kappa), Expr.Add(Lambda(r, i), Lambda(r, j)), closed[i, j]);
                residuals.Add(IdentityCheck.Equal(derivative, new ScalarFormula(rhs, written), $"d/dt X[{i + 1},{j + 1}]"));
                rates.Add(Equation.Rate(new Sym($"X[{i + 1},{j + 1}]"), derivative));
            }
        var solves = CheckResult.All(residuals, "each entry's derivative equals the right side as a rational function in the symbols and exp generators");
        // Solving the flow is not enough: s = -kappa*S + 1 solves it too, from exp(A*(1)) X0 exp(A*(1)) instead of X0.
        // At t = 0 every S[k] = 0, so the closed form must be X0 there.
        var atZero = integral.ToDictionary(x => (Expr)x, _ => (Expr)Expr.Zero);
        var starts = new List<CheckResult>();
        var initial = new List<Equation>();
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var x0 = new Sym($"X0[{i + 1},{j + 1}]");
                var start = Algebra.Substitute(closed[i, j], atZero);
                starts.Add(IdentityCheck.Equal(start, x0, $"X[{i + 1},{j + 1}] at S = 0")); // the written domain is judged with the flow above
                initial.Add(new Equation(start, x0));
            }
        var start0 = CheckResult.All(starts, "every entry is X0 at S = 0 (exp(0) = 1)");
        var check = CheckResult.All([solves, start0], solves.Explanation);
        var steps = new List<DerivationStep>
        {
            DerivationStep.Of("the constant", new Equation(new Sym("kappa"), kappa), "from derive symmetric-flow for the same loss: d/dt X = -kappa*(A*(r)*X + X*A*(r))", Verdict.Derived),
            new("diagonal measurements", [],
                $"A_k = diag(A<k>[1,1], ..., A<k>[{d},{d}]) for k = 1..{m}: diagonal matrices commute; A*(r) = diag(sum_k r[k]*A<k>[i,i]); S[k] = integral of r[k], d/dt S[k] = r[k]", Verdict.Assumed),
            new("closed form", LayerFlowDerivation.Entries(closed, (a, b) => new Sym($"X[{a},{b}]")),
                $"published X = exp(A*(s))*X0*exp(A*(s)) with s[k] = {published.Text["exponent"]} at S = S[k], kappa = {published.Text["kappa"]} = {kappaPublished}, exp of a diagonal matrix taken entrywise", Verdict.Definition),
            new("solves the flow", rates, $"kernel TimeDerivative with d/dt S[k] = r[k], against -kappa*(lambda_i + lambda_j)*X[i,j]; {solves.Explanation}", solves.Verdict, solves.Witness),
            new("starts at X0", initial, $"at t = 0 every S[k] = integral of r[k] over [0, 0] = 0, and the closed form there must be X0; {start0.Explanation}", start0.Verdict, start0.Witness),
        };
        return new Derivation(Info.Name, Info.Claim, "Commuting measurements: closed form",
            [$"model: X = U U^T, {d} x {d}, {m} diagonal measurements", $"loss: {flow.Setting[1][6..]}"],
            steps, $"X(t) = exp(Astar(s))*X0*exp(Astar(s)) with s = {published.Text["exponent"]}, kappa = {published.Text["kappa"]}, d/dt S = r", check.Verdict,
            LayerFlowDerivation.Conclusion(check.Verdict, $"X(t) = exp(A*(s))*X0*exp(A*(s)) with s = {Algebra.Substitute(exponent, new Sym("kappa"), kappaPublished)} solves d/dt X = -{kappa}*(A*(r)*X + X*A*(r)) from X(0) = X0"));
    }
}
