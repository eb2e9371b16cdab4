using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// M3/M4 scalar case for symbolic depth N: balanced scalar factors <c>a_j = a = σ^(1/N)</c> of
/// <c>φ = L(a_1 ⋯ a_N)</c> give <c>σ̇ = −N σ^(2−2/N) L′(σ)</c>. <c>dL</c> stands for L′(σ).
/// </summary>
public static class ScalarChainDerivation
{
    /// <summary>What the "balanced scalars" step assumes: the common factor a and sigma = a^N positive (never dL), a depth N ≥ 1.</summary>
    private static readonly Assumption Assumed = new([new Sym("a"), new Sym("sigma")], new Sym("N"));

    /// <summary>The registry entry of <c>derive scalar-chain</c> (M3: for symbolic N, balanced scalar layers <c>a_j = σ^(1/N)</c> give <c>σ̇ = −N σ^(2−2/N) L'(σ)</c>).</summary>
    public static readonly DerivationInfo Info = new(
        "scalar-chain", "M3",
        "scalar chain for symbolic N: balanced a_j = sigma^(1/N) give d/dt sigma = -N sigma^(2-2/N) L'(sigma)",
        [],
        [new("rate", "-N*sigma^(2-2/N)*dL", "d/dt sigma in sigma, the symbol N and dL = L'(sigma)")],
        o => Run(o)) { Check = o => Inputs(o), WhyNoOptions = "N is a symbol" };

    // The published rate and its parse, judged before anything is derived (Info.Check): it may name N, sigma and dL.
    private static (string Text, ScalarFormula Rate) Inputs(DerivationOptions options)
    {
        var text = PublishedFormula.Resolve(Info, options)["rate"];
        return (text, ScalarFormula.Parse(text, "rate", ["N", "sigma", "dL"]));
    }

    /// <summary>Runs the derivation against the published rate of <paramref name="options"/> (the paper's by default).</summary>
    public static Derivation Run(DerivationOptions options)
    {
        var (rateFormula, publishedRate) = Inputs(options);
        var published = "d/dt sigma = " + rateFormula;
        Sym a = new("a"), aj = new("a_j"), rest = new("R_j"), sigma = new("sigma"), n = new("N"), dL = new("dL");
        var steps = new List<DerivationStep>();
        var sigmaOfA = Expr.Pow(a, n);
        steps.Add(DerivationStep.Of("balanced scalars", new Equation(sigma, sigmaOfA),
            "a_j = a > 0 for j = 1..N (balanced initialization), so sigma = a_1*...*a_N = a^N > 0; only a and sigma are assumed positive (dL = L'(sigma) may have either sign)", Verdict.Assumed));

        // ∂φ/∂a_j = L′(σ)·∂σ/∂a_j with σ = a_j·R_j, R_j the product of the other N − 1 factors.
        var dSigma = Algebra.Diff(Expr.Mul(aj, rest), aj);
        var rateAj = Expr.Neg(Expr.Mul(dL, dSigma));
        var rate = Algebra.Substitute(rateAj, rest, Expr.Div(sigmaOfA, a));
        steps.Add(new DerivationStep("factor flow",
            [Equation.Rate(aj, rateAj), Equation.Rate(a, rate)],
            "d/dt a_j = -dphi/da_j = -L'(sigma)*d(a_j*R_j)/da_j (kernel Diff) with R_j = a^N/a at the balanced point; the rate is the same for every j, so the factors stay balanced",
            Verdict.Derived));

        var sigmaRate = Algebra.TimeDerivative(sigmaOfA, new Dictionary<Sym, Expr> { [a] = rate });
        steps.Add(DerivationStep.Of("end-to-end rate", Equation.Rate(sigma, sigmaRate),
            "d/dt (a^N) = N*a^(N-1) * d/dt a (kernel TimeDerivative)", Verdict.Derived));

        var inSigma = Assumed.Normalize(Algebra.Substitute(sigmaRate, a, Expr.Pow(sigma, Expr.Pow(n, Expr.MinusOne))));
        steps.Add(DerivationStep.Of("in terms of sigma", Equation.Rate(sigma, inSigma),
            "substitute a = sigma^(1/N) and combine powers, valid for sigma > 0", Verdict.Derived));

        var (publishedRhs, check) = Compare(inSigma, publishedRate);
        steps.Add(DerivationStep.Of("published formula", Equation.Rate(sigma, publishedRhs),
            $"published M3/M4 scalar case: {published}; {check.Explanation}", check.Verdict, check.Witness));
        return new Derivation(Info.Name, Info.Claim, "Scalar chain for symbolic depth N",
            ["model: N balanced scalar factors a_1..a_N > 0, sigma = a_1*...*a_N", "loss: any differentiable L; dL stands for L'(sigma)"],
            steps, published, check.Verdict,
            LayerFlowDerivation.Conclusion(check.Verdict, "the derived rate of sigma equals " + published[(published.IndexOf('=') + 2)..]));
    }

    /// <summary>
    /// Compares the published right side with the derived one (powers of the positive a and sigma combined), judged
    /// where the claim is made: a, sigma &gt; 0 and a depth N ≥ 1.
    /// </summary>
    public static (Expr Rhs, CheckResult Check) Compare(Expr derived, ScalarFormula rhs)
    {
        ArgumentNullException.ThrowIfNull(rhs);
        return (rhs.Value, IdentityCheck.Equal(Assumed.Normalize(derived), rhs.Rewrite(Assumed.Normalize), "d/dt sigma", Assumed.Domain));
    }
}
