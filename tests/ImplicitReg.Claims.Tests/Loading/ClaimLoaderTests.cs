using ImplicitReg.Claims.Schema;

namespace ImplicitReg.Claims.Tests.Loading;

public sealed class ClaimLoaderTests
{
    private const string Prove =
        """
          - id: p
            kind: prove
            expect: holds
            statement: "x^2 >= 0"
        """;

    [Fact]
    public void AValidFileLoadsEveryPart()
    {
        var claim = ClaimText.Valid(Prove);
        Assert.Equal("t", claim.Id);
        Assert.Equal("M6", claim.Theory);
        Assert.Equal(2, claim.Model.Depth);
        var check = Assert.IsType<ProveCheckSpec>(Assert.Single(claim.Checks));
        Assert.Equal("x^2 >= 0", check.Statements[0].Text);
        Assert.Equal(new Results.SourceLocation("t.yaml", 7, 5), check.Location);
    }

    [Fact]
    public void AnUnknownKeyIsReportedAtItsLineAndColumnWithTheClosestKey()
    {
        var loaded = ClaimText.Load(ClaimText.Header + Prove.Replace("expect: holds", "expect: holds\n    expct: holds"));
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal("t.yaml:10:5: unknown key 'expct' in a prove check; did you mean 'expect'? allowed: id, kind, expect, note, statement, statements, assume, lemmas, uses, timeout-ms", d.ToString());
        Assert.Null(loaded.Claim);
    }

    [Fact]
    public void AWrongTypeIsReportedAtTheValue()
    {
        var loaded = ClaimText.Load(ClaimText.Header + Prove + "\n    timeout-ms: soon\n");
        Assert.Equal("t.yaml:11:17: timeout-ms must be a whole number, found 'soon'", Assert.Single(loaded.Diagnostics).ToString());
    }

    [Fact]
    public void ABadFormulaIsReportedAtTheErrorInsideTheQuotedFormula()
    {
        // line 10 is '    statement: "x^2 >= (0"': the quote is at column 16, the formula's missing ')' at its column 10, so 26.
        var loaded = ClaimText.Load(ClaimText.Header + Prove.Replace("\"x^2 >= 0\"", "\"x^2 >= (0\""));
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal(("t.yaml", 10, 26), (d.File, d.Line, d.Column));
        Assert.Contains("statement: bad formula 'x^2 >= (0'", d.Message);
    }

    [Fact]
    public void AnUnknownDerivationIsReportedWithTheClosestName()
    {
        var loaded = ClaimText.Load(ClaimText.Header + "  - {id: d, kind: derive, expect: holds, derivation: layer-flows}\n");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((7, 54), (d.Line, d.Column));
        Assert.StartsWith("unknown derivation 'layer-flows'; did you mean 'layer-flow'?", d.Message);
    }

    [Fact]
    public void AnUnknownPublishedKeyIsReportedAtTheKey()
    {
        var loaded = ClaimText.Load(ClaimText.Header + "  - id: d\n    kind: derive\n    expect: holds\n    derivation: layer-flow\n    published: {flows: \"G\"}\n");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((11, 17), (d.Line, d.Column));
        Assert.Contains("has no published formula 'flows'; its keys: flow, gradient", d.Message);
    }

    [Fact]
    public void DuplicateCheckIdsAreReportedAtTheSecond()
    {
        var loaded = ClaimText.Load(ClaimText.Header + Prove + "\n" + Prove);
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((11, 5), (d.Line, d.Column));
        Assert.Contains("duplicate check id 'p' (first at line 7)", d.Message);
    }

    [Fact]
    public void ADuplicateReachedThroughAnAliasIsReportedAtTheAliasNotAtTheAnchor()
    {
        // Line 7 anchors the check; the alias on line 12 repeats it, and is where the duplicate sits.
        const string checks = "  - &first\n    id: p\n    kind: prove\n    expect: holds\n    statement: \"x^2 >= 0\"\n  - *first\n";
        var d = Assert.Single(ClaimText.Load(ClaimText.Header + checks).Diagnostics);
        Assert.Equal((12, 5), (d.Line, d.Column));
        Assert.Equal("duplicate check id 'p' (first at line 7, repeated here by an alias); check ids are unique within a claim", d.Message);
        // Negative control: the anchored check alone loads.
        Assert.True(ClaimText.Load(ClaimText.Header + checks[..checks.LastIndexOf("  - *first", StringComparison.Ordinal)]).Ok);
    }

    [Fact]
    public void ADuplicateIdWrittenAsAnAliasOfAnotherChecksIdIsReportedAtTheSecondCheck()
    {
        const string checks = "  - id: &id p\n    kind: prove\n    expect: holds\n    statement: \"x^2 >= 0\"\n" +
                              "  - id: *id\n    kind: prove\n    expect: holds\n    statement: \"x^4 >= 0\"\n";
        var d = Assert.Single(ClaimText.Load(ClaimText.Header + checks).Diagnostics);
        Assert.Equal((11, 5), (d.Line, d.Column));
        Assert.Equal("duplicate check id 'p' (first at line 7); check ids are unique within a claim", d.Message);
    }

    [Fact]
    public void AnAliasInsideAFlowListIsReportedAtItsColumn()
    {
        var checks = "  - &a {id: p, kind: prove, expect: holds, statement: \"x^2 >= 0\"}\n";
        var text = ClaimText.Header.Replace("checks:\n", "checks: [", StringComparison.Ordinal) + checks.Replace("  - ", "", StringComparison.Ordinal).TrimEnd() + ", *a]\n";
        var d = Assert.Single(ClaimText.Load(text).Diagnostics);
        Assert.Contains("repeated here by an alias", d.Message);
        Assert.Equal(text.Split('\n')[d.Line - 1].IndexOf("*a", StringComparison.Ordinal) + 1, d.Column);
    }

    [Fact]
    public void TheIdMustEqualTheFileName()
    {
        var loaded = Claims.Loading.ClaimLoader.Load(ClaimText.Header + Prove, "other.yaml", "other");
        Assert.Equal("other.yaml:1:5: id 't' must equal the file name 'other' (rename the file or the id)", Assert.Single(loaded.Diagnostics).ToString());
    }

    [Fact]
    public void BrokenYamlIsReportedWithItsPosition()
    {
        var loaded = ClaimText.Load("id: t\ntitle: [unclosed\n");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.StartsWith("not valid YAML", d.Message);
        Assert.True(d.Line >= 2, d.ToString());
    }

    [Fact]
    public void EveryProblemOfAFileIsReportedNotOnlyTheFirst()
    {
        var text = ClaimText.Header + "  - {id: a, kind: prove, expect: maybe, statement: \"x >\"}\n  - {id: b, kind: simulate, expect: holds, run: {model: dmf, lr: fast}, predicates: []}\n";
        var messages = ClaimText.Load(text).Diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("7:34 expect must be one of holds, refuted, found 'maybe'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("7:56 statement: bad formula", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("8:66 run.lr must be a finite number", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("8:85 predicates is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunOptionRejectedWhenTheRunIsBuiltIsReportedAtTheOption()
    {
        var text = ClaimText.Header + "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, depth: 0}\n    predicates: [{name: p, holds: \"loss >= 0\"}]\n";
        Assert.Equal("t.yaml:10:30: run.depth must be between 1 and 50, got 0", Assert.Single(ClaimText.Load(text).Diagnostics).ToString());
    }

    [Fact]
    public void APredicateOverAColumnTheRunDoesNotRecordIsReported()
    {
        var text = ClaimText.Header + "  - id: s\n    kind: simulate\n    expect: holds\n    run: {model: dmf, steps: 10}\n    predicates: [{name: p, holds: \"W22 > 0\"}]\n";
        var d = Assert.Single(ClaimText.Load(text).Diagnostics);
        Assert.Equal((11, 35), (d.Line, d.Column));
        Assert.StartsWith("'W22' is not a recorded column; this run records: step, time, loss", d.Message);
    }

    [Fact]
    public void CompareStepsMustHalve()
    {
        var text = ClaimText.Header + "  - {id: c, kind: compare, expect: holds, compare: flow-vs-gd, options: {steps: [0.01, 0.004]}, order: [0.9, 1.1]}\n";
        var d = Assert.Single(ClaimText.Load(text).Diagnostics);
        Assert.Equal((7, 88), (d.Line, d.Column));
        Assert.Contains("must halve", d.Message);
    }
}
