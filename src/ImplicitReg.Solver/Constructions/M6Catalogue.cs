using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Constructions;

/// <summary>
/// The M6 constructions of docs/theory.md (Razin &amp; Cohen 2020) as solver obligations, with negative controls.
/// Statements are data in the kernel's own syntax; the d × d bound is generated (<see cref="CompletionBound"/>).
/// Notation: <c>W = [[W[1,1], W[1,2]], [W[2,1], W[2,2]]]</c>, Ω = {(1,2), (2,1), (2,2)} with targets 1, 1, 0,
/// <c>l = ½ Σ_Ω (W[i,j] − b[i,j])²</c>; singular values <c>s1 ≥ s2 ≥ 0</c> are pinned down exactly by
/// <c>s1² + s2² = ‖W‖_F²</c> and <c>s1·s2 = |det W|</c>.
/// </summary>
public static class M6Catalogue
{
    /// <summary>det W of the 2×2 construction.</summary>
    public const string Det = "(W[1,1]*W[2,2] - W[1,2]*W[2,1])";

    /// <summary>The loss with ½ and without it.</summary>
    public const string LossHalf = "l = 1/2*((W[1,2] - 1)^2 + (W[2,1] - 1)^2 + W[2,2]^2)";
    public const string LossFull = "l = (W[1,2] - 1)^2 + (W[2,1] - 1)^2 + W[2,2]^2";

    /// <summary>s1 ≥ s2 ≥ 0 are the singular values of the solution [[x, 1], [1, 0]]: ‖W‖_F² = x² + 2, |det W| = 1.</summary>
    public const string SingularValuesOfSolution = "s1 >= s2 and s2 >= 0 and s1^2 + s2^2 = x^2 + 2 and s1*s2 = 1";

    /// <summary>t1 ≥ t2 ≥ 0 are the singular values of the solution at x = 0, [[0, 1], [1, 0]].</summary>
    public const string SingularValuesAtZero = "t1 >= t2 and t2 >= 0 and t1^2 + t2^2 = 2 and t1*t2 = 1";

    /// <summary>s1 ≥ s2 ≥ 0 are the singular values of a general 2×2 W.</summary>
    public const string SingularValuesOfW =
        "s1 >= s2 and s2 >= 0 and s1^2 + s2^2 = W[1,1]^2 + W[1,2]^2 + W[2,1]^2 + W[2,2]^2 and s1*s2 = abs" + Det;

    /// <summary>The smallness of the loss under which the d × d bound is stated: s = sqrt(2l) &lt; 1/5, i.e. l &lt; 1/50.</summary>
    public static readonly Rational Smallness = new(1, 5);

    public static IReadOnlyList<CatalogueEntry> Entries { get; } = Build();

    private static List<CatalogueEntry> Build()
    {
        const string minimal = "x != 0 and " + SingularValuesOfSolution + " and " + SingularValuesAtZero + " implies ";
        var entries = new List<CatalogueEntry>
        {
            // (a) the exact solutions [[x, 1], [1, 0]]
            Claim("m6a-det", "every solution of the 2x2 completion has det W = -1", Expectation.Proved,
                $"W[1,2] = 1 and W[2,1] = 1 and W[2,2] = 0 implies {Det} = -1"),
            Claim("m6a-det-plus-one", "negative control: the solutions have det W = +1", Expectation.Refuted,
                $"W[1,2] = 1 and W[2,1] = 1 and W[2,2] = 0 implies {Det} = 1"),

            // (b) every norm of the solutions is minimal exactly at x = 0: x != 0 makes it strictly larger
            Claim("m6b-frobenius", "Frobenius norm sqrt(x^2 + 2) is minimal exactly at x = 0", Expectation.Proved,
                "x != 0 implies sqrt(x^2 + 1^2 + 1^2 + 0^2) > sqrt(0^2 + 1^2 + 1^2 + 0^2)"),
            Claim("m6b-schatten-2", "Schatten-2 norm (from the singular values) is minimal exactly at x = 0", Expectation.Proved,
                minimal + "sqrt(s1^2 + s2^2) > sqrt(t1^2 + t2^2)"),
            Claim("m6b-nuclear", "nuclear norm = Schatten-1 norm s1 + s2 is minimal exactly at x = 0", Expectation.Proved,
                minimal + "s1 + s2 > t1 + t2"),
            Claim("m6b-nuclear-closed-form", "nuclear norm of [[x, 1], [1, 0]] is sqrt(x^2 + 4)", Expectation.Proved,
                SingularValuesOfSolution + " implies s1 + s2 = sqrt(x^2 + 4)"),
            Claim("m6b-spectral", "spectral norm s1 is minimal exactly at x = 0", Expectation.Proved,
                minimal + "s1 > t1"),
            Claim("m6b-spectral-closed-form", "spectral norm of [[x, 1], [1, 0]] is (|x| + sqrt(x^2 + 4))/2", Expectation.Proved,
                SingularValuesOfSolution + " implies s1 = (abs(x) + sqrt(x^2 + 4))/2"),
            Claim("m6b-schatten-half", "Schatten-1/2 quasi-norm (sqrt(s1) + sqrt(s2))^2 is minimal exactly at x = 0", Expectation.Proved,
                minimal + "(sqrt(s1) + sqrt(s2))^2 > (sqrt(t1) + sqrt(t2))^2"),
            Claim("m6b-minimum-at-one", "negative control: the nuclear norm is minimal at x = 1", Expectation.Refuted,
                "x != 1 implies sqrt(x^2 + 4) > sqrt(1^2 + 4)"),

            // (c) the loss/determinant bound on |W[1,1]|
            Claim("m6c-defined", "det W > 0 forces l > 0 (so sqrt(2l) in the bound is never 0)", Expectation.Proved,
                $"{LossHalf} and {Det} > 0 implies l > 0"),
            Claim("m6c-bound", "l < 1/2 and det W > 0 imply |W[1,1]| > (1 - sqrt(2l))^2/sqrt(2l)", Expectation.Proved,
                $"{LossHalf} and l < 1/2 and {Det} > 0 implies abs(W[1,1]) > (1 - sqrt(2*l))^2/sqrt(2*l)"),
            Claim("m6c-bound-without-half", "loss without 1/2: l < 1 and det W > 0 imply |W[1,1]| > (1 - sqrt(l))^2/sqrt(l)", Expectation.Proved,
                $"{LossFull} and l < 1 and {Det} > 0 implies abs(W[1,1]) > (1 - sqrt(l))^2/sqrt(l)"),
            Claim("m6c-no-det", "negative control: the bound without det W > 0", Expectation.Refuted,
                $"{LossHalf} and l < 1/2 implies abs(W[1,1]) > (1 - sqrt(2*l))^2/sqrt(2*l)"),
            Claim("m6c-larger-constant", "negative control: the bound with constant 2", Expectation.Refuted,
                $"{LossHalf} and l < 1/2 and {Det} > 0 implies abs(W[1,1]) > 2*(1 - sqrt(2*l))^2/sqrt(2*l)"),

            // (d) distance to rank one: s2 < sqrt(2) * sqrt(l), i.e. C = sqrt(2) (C = 1 without the 1/2)
            SmallestSingularValue("m6d-smallest-singular-value", "l < 1/2 and det W > 0 imply s2 < sqrt(2)*sqrt(l) (C = sqrt(2))",
                LossHalf, "1/2", "2*l", "s2 < sqrt(2)*sqrt(l)"),
            SmallestSingularValue("m6d-without-half", "loss without 1/2: l < 1 and det W > 0 imply s2 < sqrt(l) (C = 1)",
                LossFull, "1", "l", "s2 < sqrt(l)"),
            Claim("m6d-smaller-constant", "negative control: C = 1 for the loss with 1/2 (the sharp constant is sqrt(2))", Expectation.Refuted,
                $"{SingularValuesOfW} and {LossHalf} and l < 1/2 and {Det} > 0 implies s2 <= sqrt(l)"),
        };
        foreach (var d in new[] { 3, 4 }) entries.AddRange(Instance(d));
        return entries;
    }

    /// <summary>(e): the d × d instance: the exact solutions' determinant, and the bound with its negative controls.</summary>
    private static IEnumerable<CatalogueEntry> Instance(int d)
    {
        var m = new CompletionInstance(d);
        var exact = m.FitsExactly.ToList();
        yield return new ClaimEntry($"m6e{d}-det", $"{d}x{d}: every exact solution has det W = -1", Expectation.Proved,
            new Obligation($"m6e{d}-det", exact, Expr.Eq(m.Determinant, -1)));
        yield return new ClaimEntry($"m6e{d}-det-plus-one", $"negative control, {d}x{d}: the exact solutions have det W = +1", Expectation.Refuted,
            new Obligation($"m6e{d}-det-plus-one", exact, Expr.Eq(m.Determinant, 1)));
        var derivation = CompletionBound.Build(m, Smallness);
        yield return new DerivationEntry($"m6e{d}-bound", $"{d}x{d}: s = sqrt(2l) < 1/5 and det W > 0 imply |W[1,1]|*H(s) > G(s)", derivation);
        var s = CompletionBound.S;
        var ball = new Statement[] { Expr.Ge(s, 0), Expr.Eq(Expr.Pow(s, 2), m.SumOfSquaredResiduals), Expr.Lt(s, Num.Of(Smallness)) };
        var bound = Expr.Mul(Expr.Abs(CompletionInstance.Entry(1, 1)), CompletionBound.H(m));
        yield return new ClaimEntry($"m6e{d}-no-det", $"negative control, {d}x{d}: the bound without det W > 0", Expectation.Refuted,
            new Obligation($"m6e{d}-no-det", ball, Expr.Gt(bound, CompletionBound.G(m))));
        // Refuted on the family where only W[1,1] and W[2,2] leave the exact solutions: a counterexample there
        // falsifies the general claim (it only has fewer assumptions), and the solver finds it in milliseconds.
        var family = m.Observed.Where(o => o != (2, 2)).Select(o => Expr.Eq(CompletionInstance.Entry(o.I, o.J), m.Target(o.I, o.J)));
        yield return new ClaimEntry($"m6e{d}-larger-constant", $"negative control, {d}x{d}: the bound with constant 2 (refuted on the family W = T except W[1,1], W[2,2])", Expectation.Refuted,
            new Obligation($"m6e{d}-larger-constant", [.. ball, Expr.Gt(m.Determinant, 0), .. family], Expr.Gt(bound, Expr.Scale(2, CompletionBound.G(m)))));
    }

    /// <summary>
    /// (d) as a derivation: l small makes W[1,2]·W[2,1] &gt; 0, so det W &lt; W[1,1]·W[2,2]; with s1 ≥ |W[1,1]| (the
    /// spectral norm bounds every entry) s2 = det W / s1 &lt; |W[2,2]|, and W[2,2]² ≤ (sum of squared residuals).
    /// </summary>
    private static DerivationEntry SmallestSingularValue(string id, string title, string loss, string bound, string sumOfSquares, string conclusion)
    {
        var hypotheses = new List<KeyValuePair<string, Statement>>
        {
            new("singular_values", Parser.ParseStatement(SingularValuesOfW)),
            new("loss", Parser.ParseStatement(loss)),
            new("loss_small", Parser.ParseStatement($"l < {bound}")),
            new("det_positive", Parser.ParseStatement($"{Det} > 0")),
        };
        var steps = new List<DerivationStep>
        {
            new("off_diagonal_product_positive", Parser.ParseStatement("W[1,2]*W[2,1] > 0"), ["loss", "loss_small"]),
            new("s2_below_W22", Parser.ParseStatement("s2 < abs(W[2,2])"), ["singular_values", "det_positive", "off_diagonal_product_positive"]),
            new("W22_within_loss", Parser.ParseStatement($"W[2,2]^2 <= {sumOfSquares}"), ["loss"]),
            new("conclusion", Parser.ParseStatement(conclusion), ["singular_values", "s2_below_W22", "W22_within_loss"]),
        };
        return new DerivationEntry(id, title, new Derivation(id, title, hypotheses, [], steps, Parser.ParseStatement(conclusion)));
    }

    private static ClaimEntry Claim(string id, string title, Expectation expect, string statement) =>
        new(id, title, expect, Obligation.Of(id, Parser.ParseStatement(statement)));
}
