using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M4 closed forms: with <c>g(t) = −N⟨G, u_r v_rᵀ⟩</c> and <c>I(t) = ∫₀ᵗ g</c> (so <c>d/dt I = g</c>), the positive
/// singular value obeys <c>σ̇ = σ^(2−2/N)·g</c>, solved by <c>σ = s0 + I</c> (N = 1), <c>σ = s0·exp(I)</c> (N = 2)
/// and <c>σ^(2/N−1) = s0^(2/N−1) + (2/N−1)·I</c> (symbolic N ≥ 3). Each is shown to solve the ODE (its time
/// derivative minus the right side simplifies to 0) from the right start (at I = 0 it equals s0).
/// </summary>
public static class ClosedFormsDerivation
{
    /// <summary>The singular-value ODE the closed forms must solve (M4, Arora et al. 2019), as the derivation states it: <c>σ̇ = σ^(2−2/N)·g</c>.</summary>
    public const string Ode = "d/dt sigma = sigma^(2-2/N)*g";

    /// <summary>The three cases: their label and the key of their published closed form.</summary>
    public static readonly IReadOnlyList<(string Case, string Key)> Cases =
    [
        ("N = 1", "depth-1"),
        ("N = 2", "depth-2"),
        ("N >= 3", "depth-n"),
    ];

    /// <summary>The registry entry of <c>derive closed-forms</c> (M4): name, claim, options and the three published closed forms it checks.</summary>
    public static readonly DerivationInfo Info = new(
        "closed-forms", "M4",
        "closed forms of the singular-value ODE for N = 1, 2 and symbolic N >= 3, each shown to solve it",
        [],
        [
            new("depth-1", "sigma = s0 + I", "N = 1: sigma = ... or sigma^e = ... in s0 = sigma(0) and I = integral of g"),
            new("depth-2", "sigma = s0*exp(I)", "N = 2, same names"),
            new("depth-n", "sigma^(2/N - 1) = s0^(2/N - 1) + (2/N - 1)*I", "symbolic N >= 3, same names and N"),
        ],
        o => Run(o)) { Check = CheckForms, WhyNoOptions = "N = 1, 2 and a symbolic N" };

    // Each closed form parsed and solved for sigma as Run does (cheap), judged before anything is derived (Info.Check).
    private static void CheckForms(DerivationOptions options)
    {
        var forms = PublishedFormula.Resolve(Info, options);
        foreach (var (_, key) in Cases) SolveForSigma(forms[key], key, new Sym("sigma"));
    }

    /// <summary>Runs the three checks against the published closed forms of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var forms = PublishedFormula.Resolve(Info, options);
        Sym sigma = new("sigma"), i = new("I"), g = new("g"), n = new("N"), s0 = new("s0");
        var field = new Dictionary<Sym, Expr> { [i] = g };
        var steps = new List<DerivationStep>
        {
            DerivationStep.Of("singular value ODE", Equation.Rate(sigma, Parser.ParseExpression("sigma^(2-2/N)*g")),
                "M4 with sigma > 0: d/dt sigma = -N*(sigma^2)^(1-1/N)*<G, u v^T> = sigma^(2-2/N)*g with g = -N*<G, u v^T>, and d/dt I = g, I(0) = 0, sigma(0) = s0 > 0; assumed positive: sigma, s0 and each closed form's right side (it equals sigma or sigma^e), never g or I",
                Verdict.Assumed),
        };
        var checks = new List<CheckResult>();
        foreach (var (label, key) in Cases)
        {
            var published = forms[key];
            Expr? depth = label switch { "N = 1" => 1, "N = 2" => 2, _ => null };
            var (closed, positiveSide, written) = SolveForSigma(published, key, sigma);
            // The assumption step: sigma > 0 and s0 > 0, hence the published right side (= sigma or sigma^e) > 0.
            // Witnesses only where the case is stated: the positive symbols, and N >= 3 for the symbolic case.
            var assumed = new Assumption([sigma, s0, positiveSide], depth is null ? n : null, MinDepth: 3);
            var rhs = Algebra.Substitute(Parser.ParseExpression("sigma^(2-2/N)*g"), new Dictionary<Expr, Expr> { [n] = depth ?? n });
            var rawDerivative = Algebra.TimeDerivative(closed, field);
            var rawRhs = Algebra.Substitute(rhs, sigma, closed);
            var derivative = assumed.Normalize(rawDerivative);
            var rhsAlong = assumed.Normalize(rawRhs);
            var domain = assumed.Domain;
            var solves = IdentityCheck.Equal(derivative, new ScalarFormula(rhsAlong, written), $"{label}: d/dt sigma - rhs", domain);
            // Solving the ODE is not enough: every constant multiple of s0 solves it too (sigma = 2*s0*exp(I) does for
            // N = 2), so the closed form must also start at sigma(0) = s0, where I(0) = 0.
            var rawStart = Algebra.Substitute(closed, i, Expr.Zero);
            var starts = IdentityCheck.Equal(assumed.Normalize(rawStart), s0, $"{label}: sigma at I = 0", domain);
            var check = CheckResult.All([solves, starts], solves.Explanation);
            checks.Add(check);
            steps.Add(new DerivationStep($"{label}: closed form solves the ODE",
                [new Equation(sigma, closed), Equation.Rate(sigma, derivative), new Equation(Expr.Sub(rawDerivative, rawRhs), Expr.Zero), new Equation(rawStart, s0)],
                $"published {published}, solved for sigma > 0; d/dt by the kernel with d/dt I = g, minus the right side along the closed form simplifies to 0 (powers of positive bases combined), and at I = 0 the closed form equals sigma(0) = s0; {check.Explanation}",
                check.Verdict, check.Witness));
        }
        var verdict = Verdicts.Weakest(checks.Select(c => c.Verdict));
        return new Derivation(Info.Name, Info.Claim, "Closed forms of the singular-value dynamics",
            ["model: one positive singular value sigma of a balanced depth-N factorization (M4)", "loss: any; g(t) = -N*<G(t), u v^T>, I(t) = integral of g from 0 to t"],
            steps, string.Join("; ", Cases.Select(c => $"{c.Case}: {forms[c.Key]}")), verdict,
            LayerFlowDerivation.Conclusion(verdict, "each closed form solves d/dt sigma = sigma^(2-2/N)*g from sigma(0) = s0"));
    }

    // sigma = rhs as given, or sigma^e = rhs solved on the positive branch: sigma = rhs^(1/e).
    // The right side equals sigma or sigma^e, so it is positive wherever sigma is: it is returned as assumed positive.
    // Written: where both sides, as written, are defined (the left one's conditions with sigma the closed form).
    private static (Expr Sigma, Expr PositiveSide, IReadOnlyList<Statement> Written) SolveForSigma(string published, string key, Sym sigma)
    {
        int eq = published.IndexOf('=');
        if (eq < 0) throw new DerivationOptionException($"published formula '{key}' = '{published}' is not of the form sigma = ... or sigma^e = ...");
        var left = ScalarFormula.Parse(published[..eq], key, ["sigma", "N"]);
        var right = ScalarFormula.Parse(published[(eq + 1)..], key, ["s0", "I", "N"]);
        var closed = left.Value switch
        {
            Sym s when s.Equals(sigma) => right.Value,
            Pow p when p.Base.Equals(sigma) => Expr.Pow(right.Value, Expr.Pow(p.Exponent, Expr.MinusOne)),
            _ => throw new DerivationOptionException($"published formula '{key}' = '{published}' is not of the form sigma = ... or sigma^e = ..."),
        };
        return (closed, right.Value, [.. right.Written.Concat(left.Substitute(sigma, closed).Written).Distinct()]);
    }
}
