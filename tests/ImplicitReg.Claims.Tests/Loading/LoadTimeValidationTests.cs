using ImplicitReg.Claims.Loading;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Claims.Tests.Loading;

/// <summary>
/// What a check's data can be judged on is judged when the file loads (a load error at its line, exit 2), not when
/// the check runs (an error verdict, exit 1): compare step counts, published formulas, derivation sizes.
/// </summary>
public sealed class LoadTimeValidationTests
{
    private static ClaimDiagnosticText Single(string checks, RunLimits? limits = null)
    {
        var loaded = ClaimLoader.Load(ClaimText.Header + checks, "t.yaml", "t", limits);
        Assert.Null(loaded.Claim);
        var d = Assert.Single(loaded.Diagnostics);
        Assert.DoesNotContain("Exception", d.Message);
        return new ClaimDiagnosticText(d.Line, d.Message);
    }

    private sealed record ClaimDiagnosticText(int Line, string Message);

    [Fact]
    public void ACompareHorizonOfTooManyStepsIsALoadErrorAtTheTimeKey()
    {
        var d = Single("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options:\n      time: 1e9\n      lr: 0.01\n    order: [0.9, 1.1]\n");
        Assert.Equal(12, d.Line);
        Assert.StartsWith("options.time/options.lr: 1E+11 steps at the largest rate is too many (at most 10000000)", d.Message);
    }

    [Fact]
    public void ACompareHorizonThatIsNotAWholeNumberOfStepsIsALoadError()
    {
        var d = Single("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1.005, lr: 0.01}\n    order: [0.9, 1.1]\n");
        Assert.Contains("must be a whole number of steps of 0.01", d.Message);
        // Negative control: a whole number of steps loads.
        Assert.True(ClaimText.Load(ClaimText.Header + "  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1, lr: 0.01}\n    order: [0.9, 1.1]\n").Ok);
    }

    [Theory]
    [InlineData("scalar-chain", "rate", "-N*sigma^(2-2/N*dL")]
    [InlineData("balancedness", "conserved", "W(j+1)^T*W(j+1) - Wj*Wj^T +")]
    public void APublishedFormulaThatDoesNotParseIsALoadErrorAtItsLine(string derivation, string key, string formula)
    {
        var check = $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    published:\n      {key}: \"{formula}\"\n";
        var d = Single(check);
        Assert.Equal(12, d.Line);
        Assert.StartsWith($"published.{key} does not parse: ", d.Message);
        // Negative control: the paper's formula itself loads.
        var paper = Models.Derivations.DerivationRegistry.Find(derivation)!.Published.Single(p => p.Key == key).Default;
        Assert.True(ClaimText.Load(ClaimText.Header + check.Replace(formula, paper, StringComparison.Ordinal)).Ok);
    }

    [Fact]
    public void ADerivationOverTheWorkLimitOfDeriveIsALoadErrorAtItsOptions()
    {
        // Within the derivation's own limits (depth 5 of at most 12, sizes 16 of at most 16), over the work limit.
        const string check = "  - id: d\n    kind: derive\n    expect: holds\n    derivation: balancedness\n    options: {depth: 5, dims: [16, 16, 16, 16, 16, 16]}\n";
        var d = Single(check, new RunLimits());
        Assert.Equal(11, d.Line);
        Assert.StartsWith("options are too large: balancedness would expand about", d.Message);
        Assert.Contains("choose a smaller depth or smaller dims", d.Message);
        // Negative control: sizes 2 fit.
        Assert.True(ClaimLoader.Load(ClaimText.Header + check.Replace("16", "2", StringComparison.Ordinal), "t.yaml", "t", new RunLimits()).Ok);
    }

    [Theory]
    [InlineData("balancedness", "13", "options.depth must be between 1 and 12, got 13", "12")]
    [InlineData("diagonal-dynamics", "9", "options.depth must be between 1 and 8, got 9", "8")]
    [InlineData("determinant", "7", "options.depth must be between 1 and 6, got 7", "6")]
    public void ADepthAboveTheDerivationsOwnLimitIsALoadErrorAtItsOptions(string derivation, string depth, string message, string limit)
    {
        var check = $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    options: {{depth: {depth}}}\n";
        var d = Single(check, new RunLimits());
        Assert.Equal(11, d.Line);
        // The claim file's spelling of the key, never the command line's --depth.
        Assert.StartsWith($"{message} (derivation {derivation}; its options: depth, dims", d.Message);
        Assert.DoesNotContain("--", d.Message, StringComparison.Ordinal);
        // Negative control: the derivation's own limit loads.
        Assert.True(ClaimLoader.Load(ClaimText.Header + check.Replace($"depth: {depth}", $"depth: {limit}", StringComparison.Ordinal), "t.yaml", "t", new RunLimits()).Ok);
    }

    [Fact]
    public void LayersOfAShapeTheDerivationDoesNotHandleAreALoadError()
    {
        var d = Single("  - id: d\n    kind: derive\n    expect: holds\n    derivation: diagonal-dynamics\n    options: {dims: [2, 3, 2]}\n");
        Assert.Equal(11, d.Line);
        Assert.StartsWith("diagonal trajectories need square layers: give equal options.dims (e.g. 2,2,2,2) (derivation diagonal-dynamics; its options: depth, dims)", d.Message);
    }

    [Theory]
    [InlineData("scalar-chain", "rate", "-N*q*dL", "published formula 'rate' = '-N*q*dL' uses 'q'; its names are N, sigma, dL")]
    [InlineData("diagonal-dynamics", "rate", "-N*(sigma^2)^(1-1/N)*G", "uses 'G'; its names are N, sigma, Gii")]
    [InlineData("layer-flow", "flow", "-(W[N:j+1])^T*H*(W[j-1:1])^T", "published formula 'flow': unknown name 'H' in '-(W[N:j+1])^T*H*(W[j-1:1])^T'; known: G, W[a:b]")]
    [InlineData("balancedness", "conserved", "W[k+1]^T*W[k+1] - W[j]*W[j]^T", "unknown index 'k'")]
    [InlineData("symmetric-flow", "x-flow", "-kappa*(Astar*U + U*Astar)", "unknown name 'U'")]
    [InlineData("closed-forms", "depth-2", "sigma = s0*exp(g)", "uses 'g'; its names are s0, I, N")]
    public void APublishedFormulaNamingASymbolTheDerivationDoesNotBindIsALoadErrorAtItsLine(string derivation, string key, string formula, string message)
    {
        var check = $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    published:\n      {key}: \"{formula}\"\n";
        var d = Single(check);
        Assert.Equal(12, d.Line);
        Assert.Contains(message, d.Message);
        // Negative control: the paper's formula loads.
        var paper = Models.Derivations.DerivationRegistry.Find(derivation)!.Published.Single(p => p.Key == key).Default;
        Assert.True(ClaimText.Load(ClaimText.Header + check.Replace(formula, paper, StringComparison.Ordinal)).Ok);
    }

    [Theory]
    [InlineData("scalar-chain", "rate", "-N*sigma^(2-2/N)*dL + 0*sqrt(-1-sigma^2)")]
    [InlineData("closed-forms", "depth-2", "sigma = s0*exp(I) + 0*log(-1 - I^2)")]
    [InlineData("nonneg-flow", "kappa", "8*c + 0*sqrt(c)*sqrt(-c - 1)")]
    public void APublishedFormulaDefinedNowhereAsWrittenIsALoadErrorAtItsLine(string derivation, string key, string formula)
    {
        // The kernel folds the term away, so the formula would "equal" the derived side vacuously.
        var check = $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    published:\n      {key}: \"{formula}\"\n";
        var d = Single(check);
        Assert.Equal(12, d.Line);
        Assert.StartsWith($"published formula '{key}' = ", d.Message);
        Assert.Contains("is defined nowhere as written", d.Message);
        // Negative control: the paper's formula loads.
        var paper = Models.Derivations.DerivationRegistry.Find(derivation)!.Published.Single(p => p.Key == key).Default;
        Assert.True(ClaimText.Load(ClaimText.Header + check.Replace(formula, paper, StringComparison.Ordinal)).Ok);
    }

    private static RunLimits WorkOver(double limit) => LimitWording.ClaimFile.Hooks((_, _) => null, w => w > limit ? $"about {w:0.#E+0} multiply-adds" : null);

    [Fact]
    public void ASingularValuesComparisonOverTheWorkLimitIsALoadErrorAtItsOptions()
    {
        const string check = "  - id: c\n    kind: compare\n    expect: holds\n    compare: singular-values\n    options: {problem: 2x2, depth: 3, time: 1000000}\n";
        var d = Single(check, WorkOver(1e13));
        Assert.Equal(11, d.Line);
        Assert.StartsWith("options.time/options.rtol is too large: about 1.2E+14 multiply-adds; choose a shorter time, a larger rtol or smaller sizes", d.Message);
        // Negative control: the catalogue's horizon loads under the same limit.
        Assert.True(ClaimLoader.Load(ClaimText.Header + check.Replace("1000000", "10", StringComparison.Ordinal), "t.yaml", "t", WorkOver(1e13)).Ok);
    }

    [Theory]
    [InlineData("singular-values", "")]
    [InlineData("flow-vs-gd", "    order: [0.9, 1.1]\n")]
    public void ACompareWhoseFlowIsTooLargeToDeriveIsALoadErrorAtTheSizeItWrites(string comparison, string order)
    {
        var check = $"  - id: c\n    kind: compare\n    expect: holds\n    compare: {comparison}\n    options: {{problem: generalized, shape: 10x10, depth: 6, time: 1}}\n{order}";
        var d = Single(check, WorkOver(double.PositiveInfinity));
        Assert.Equal(11, d.Line);
        Assert.StartsWith("options.depth is too large: deriving the flow of layers 10,10,10,10,10,10,10 symbolically would expand about 1.2E+8 monomials", d.Message);
        Assert.EndsWith("; choose smaller layers", d.Message);
    }

    [Theory]
    [InlineData("samples: 1000000000", "options.samples must be between 1 and 100000")]
    [InlineData("rtol: -1", "options.rtol and options.atol must be in [0, 1)")]
    [InlineData("rtol: 0, atol: 0", "cannot both be 0")]
    public void CompareOptionsOutsideTheVerbsRangesAreLoadErrors(string options, string message)
    {
        var d = Single($"  - id: c\n    kind: compare\n    expect: holds\n    compare: singular-values\n    options: {{time: 1, {options}}}\n");
        Assert.Equal(11, d.Line);
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData(62, false)] // the claim mapping, the checks list and 62 lists: 64 levels, the limit
    [InlineData(63, true)]
    public void TheNestingLimitIsExactlyMaxNestingLevels(int lists, bool refused)
    {
        var loaded = ClaimLoader.Load(ClaimText.Header + "  - " + new string('[', lists) + new string(']', lists) + "\n", "t.yaml", "t");
        Assert.Equal(refused, loaded.Diagnostics.Any(d => d.Message.Contains($"nested deeper than {ClaimLoader.MaxNesting} levels", StringComparison.Ordinal)));
    }

    [Fact]
    public void YamlNestedThousandsDeepIsALoadErrorNotAStackOverflow()
    {
        var loaded = ClaimLoader.Load(ClaimText.Header + "  - " + new string('[', 100_000) + new string(']', 100_000) + "\n", "t.yaml", "t");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Contains($"nested deeper than {ClaimLoader.MaxNesting} levels", d.Message);
        // Negative control: the catalogue's nesting loads.
        Assert.True(ClaimText.Load(ClaimText.Header + "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, steps: 10}\n    predicates: [{name: p, holds: \"loss >= 0\"}]\n").Ok);
    }

    [Theory]
    [InlineData(100_000, "more than 2000")]
    [InlineData(150, "nested deeper than 100 levels")]
    public void AMatrixFormulaNestedThousandsDeepIsALoadErrorNotAStackOverflow(int depth, string message)
    {
        var formula = new string('(', depth) + "G" + new string(')', depth);
        var d = Single($"  - id: d\n    kind: derive\n    expect: holds\n    derivation: layer-flow\n    published: {{flow: \"{formula}\"}}\n");
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData("W[99999999999]", "layer index 99999999999 is too large")]
    [InlineData("W[1]*2.5.3", "unexpected text")]
    public void MalformedNumbersInAMatrixFormulaAreLoadErrors(string formula, string message)
    {
        var d = Single($"  - id: d\n    kind: derive\n    expect: holds\n    derivation: balancedness\n    published: {{conserved: \"{formula}\"}}\n");
        Assert.StartsWith("published.conserved does not parse", d.Message);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void ATabInTheIndentationSaysToIndentWithSpaces()
    {
        var loaded = ClaimText.Load(ClaimText.Header + "  - id: d\n\tkind: derive\n    expect: holds\n    derivation: scalar-chain\n");
        Assert.Contains("indent with spaces", Assert.Single(loaded.Diagnostics).Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-2147483648")]
    [InlineData("2147483648")]
    public void ASeedOutsideTheGeneratorsRangeIsALoadErrorAtTheSeed(string seed)
    {
        var d = Single($"  - id: s\n    kind: simulate\n    expect: holds\n    run:\n      model: sym\n      steps: 10\n      seed: {seed}\n    predicates: [{{name: p, holds: \"loss >= 0\"}}]\n");
        Assert.Equal(13, d.Line);
        Assert.StartsWith($"run.seed must be between 0 and 2147483647, got {seed}: the generator starts from |seed|", d.Message);
        // Negative control: the largest seed loads.
        Assert.True(ClaimText.Load(ClaimText.Header + "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: sym, steps: 10, seed: 2147483647}\n    predicates: [{name: p, holds: \"loss >= 0\"}]\n").Ok);
    }

    [Fact]
    public void ACompareRunWithANegativeSeedIsALoadErrorAtTheSeed()
    {
        var d = Single("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options:\n      time: 1\n      lr: 0.01\n      seed: -1\n    order: [0.9, 1.1]\n");
        Assert.Equal(14, d.Line);
        Assert.StartsWith("options.seed must be between 0 and 2147483647, got -1", d.Message);
    }
}
