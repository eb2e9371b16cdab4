using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Tests.Derivations.Checks;

/// <summary>
/// A published scalar formula is judged as written: the kernel folds <c>0*sqrt(s - 5)</c> to 0, but a formula with that
/// term says nothing where s &lt; 5, so it must not be proved equal to the derived side there. Checked for every
/// published formula of every derivation, so the rule cannot hold for some derivations only.
/// </summary>
public sealed class ScalarFormulaTests
{
    // Matrix formulas (MatrixFormula) that the kernel's parser also reads, as products of scalars.
    private static readonly HashSet<string> MatrixKeys = ["symmetric-flow/gradient-form", "symmetric-flow/u-flow", "symmetric-flow/x-flow"];

    /// <summary>Every (derivation, key) whose paper formula is a scalar formula in kernel syntax (not a matrix formula).</summary>
    public static TheoryData<string, string> ScalarFormulas()
    {
        var data = new TheoryData<string, string>();
        foreach (var info in DerivationRegistry.All)
            foreach (var p in info.Published.Where(p => IsKernelSyntax(p.Default) && !MatrixKeys.Contains($"{info.Name}/{p.Key}")))
                data.Add(info.Name, p.Key);
        return data;
    }

    [Fact]
    public void EveryScalarFormulaDerivationIsCovered() =>
        Assert.Equal(
            ["closed-forms", "commuting-closed-form", "determinant", "diagonal-dynamics", "layer-flow", "nonneg-flow", "scalar-chain", "symmetric-flow", "tensor-norms"],
            ScalarFormulas().Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ScalarFormulas))]
    public void AFormulaDefinedOnlyOnPartOfTheDomainIsDisprovedAtAPointWhereItIsNotDefined(string derivation, string key)
    {
        var (info, options, symbol) = WithTerm(derivation, key, s => $"0*sqrt({s} - 5)");
        var d = info.Run(options);
        Assert.True(d.Conclusion == Verdict.Disproved, $"{derivation}/{key} with 0*sqrt({symbol} - 5): {d.Conclusion}: {d.ConclusionText}");
        var witness = d.Steps.Select(s => s.Witness).First(w => w is not null)!;
        Assert.Contains("the published formula is not defined there as written", witness);
    }

    [Theory]
    [MemberData(nameof(ScalarFormulas))]
    public void AFormulaDefinedEverywhereIsStillProved(string derivation, string key)
    {
        // Negative control: a term that folds to 0 and is defined everywhere changes nothing.
        var (info, options, symbol) = WithTerm(derivation, key, s => $"0*sqrt({s}^2 + 1)");
        var d = info.Run(options);
        Assert.True(d.Conclusion == Verdict.Proved, $"{derivation}/{key} with 0*sqrt({symbol}^2 + 1): {d.Conclusion}: {d.ConclusionText}");
    }

    [Theory]
    [MemberData(nameof(ScalarFormulas))]
    public void AFormulaDefinedNowhereIsRefusedAsInput(string derivation, string key)
    {
        var (info, options, _) = WithTerm(derivation, key, s => $"0*sqrt(-1 - {s}^2)");
        var e = Assert.Throws<DerivationOptionException>(() => info.Check(options));
        Assert.Contains($"published formula '{key}'", e.Message);
        Assert.Contains("is defined nowhere as written", e.Message);
        Assert.Contains($"was found in {Algebra.DomainSampleLimit} tries (seed {IdentityCheck.Seed})", e.Message);
        Assert.Throws<DerivationOptionException>(() => info.Run(options));
    }

    [Fact]
    public void SubstitutionCarriesTheWrittenDomain()
    {
        var f = ScalarFormula.Parse("4*c + 0*sqrt(c - 3) + sqrt(x)", "k", ["c", "x"]);
        Assert.Equal(2, f.Written.Count);
        var renamed = f.Substitute(new Dictionary<Expr, Expr> { [new Sym("x")] = new Sym("y") });
        Assert.Contains(renamed.Written, c => Algebra.FreeSymbols(c).Any(s => s.Name == "y"));
        Assert.DoesNotContain(renamed.Written, c => Algebra.FreeSymbols(c).Any(s => s.Name == "x"));
        // With every name a number a condition becomes true or false: c = 1 is outside c >= 3, though 4*c is 4.
        var closed = f.Substitute(new Sym("c"), 1).Substitute(new Sym("x"), 1);
        Assert.Equal(Parser.ParseExpression("5"), closed.Value);
        Assert.Equal([false, true], closed.Written.Select(c => Algebra.HoldsAt(c, new Dictionary<string, Symbolic.Numbers.Rational>())));
        // A formula substituted into another keeps both domains (an exponent in a published kappa).
        var nested = ScalarFormula.Parse("-kappa*S + 0*sqrt(S)", "exponent", ["kappa", "S"]).Substitute(new Sym("kappa"), f);
        Assert.Equal(3, nested.Written.Count);
    }

    [Fact]
    public void TheComparisonNamesThePointWhereThePublishedFormulaIsNotDefined()
    {
        var published = ScalarFormula.Parse("x + 0*sqrt(x - 5)", "rate", ["x"]);
        Assert.Equal(new Sym("x"), published.Value); // the kernel folds the term away ...
        var check = IdentityCheck.Equal(new Sym("x"), published, "d/dt y", SampleDomain.Reals.WithPositive("x"));
        Assert.Equal(Verdict.Disproved, check.Verdict); // ... but the comparison keeps it
        Assert.Matches(@"^d/dt y: at x = [0-9/]+ the derived side is [0-9/]+ but the published formula is not defined there as written \(x - 5 >= 0 fails\)$", check.Witness);
        // Negative control: the same value without the term is proved.
        Assert.Equal(Verdict.Proved, IdentityCheck.Equal(new Sym("x"), ScalarFormula.Parse("x", "rate", ["x"]), "d/dt y").Verdict);
    }

    private static bool IsKernelSyntax(string formula)
    {
        try
        {
            Parser.Parse(formula);
            return true;
        }
        catch (ParseException)
        {
            return false;
        }
    }

    // The paper's formula under key with " + term(s)" appended (to the right side of a closed form), s its first name.
    private static (DerivationInfo Info, DerivationOptions Options, string Symbol) WithTerm(string derivation, string key, Func<string, string> term)
    {
        var info = DerivationRegistry.Find(derivation)!;
        var paper = info.Published.Single(p => p.Key == key).Default;
        var right = paper[(paper.LastIndexOf('=') + 1)..];
        var symbol = Algebra.FreeSymbols(Parser.ParseExpression(right))[0].Name;
        var options = new DerivationOptions
        {
            Published = new Dictionary<string, string> { [key] = $"{paper} + {term(symbol)}" },
            Loss = derivation == "layer-flow" ? LossScale.HalfSse : null, // the gradient formula is used with a concrete loss only
        };
        return (info, options, symbol);
    }
}
