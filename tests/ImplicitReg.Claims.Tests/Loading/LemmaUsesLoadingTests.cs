using ImplicitReg.Claims.Schema;

namespace ImplicitReg.Claims.Tests.Loading;

/// <summary>A prove check's lemmas as plain statements or <c>{statement, uses}</c>, and the check's own <c>uses</c>.</summary>
public sealed class LemmaUsesLoadingTests
{
    // Line 7 is '  - id: p'; the lemmas are lines 12-14, the check's uses line 15.
    private static string Check(string lemma2 = "{statement: \"x^2 + 1 >= 1\", uses: []}", string lemma3 = "{statement: \"x^2 + 2 >= 1\", uses: [1, 2]}", string uses = "uses: [3]") =>
        ClaimText.Header + $"""
          - id: p
            kind: prove
            expect: holds
            statement: "x^2 + 3 >= 1"
            lemmas:
              - "x^2 >= 0"
              - {lemma2}
              - {lemma3}
            {uses}

        """;

    [Fact]
    public void PlainAndMappedLemmasLoadWithTheirUses()
    {
        var loaded = ClaimText.Load(Check());
        Assert.True(loaded.Ok, string.Join("\n", loaded.Diagnostics));
        var check = Assert.IsType<ProveCheckSpec>(Assert.Single(loaded.Claim!.Checks));
        Assert.Equal(["x^2 >= 0", "x^2 + 1 >= 1", "x^2 + 2 >= 1"], check.Lemmas.Select(l => l.Statement.Text));
        Assert.Null(check.Lemmas[0].Uses);
        Assert.Equal([], check.Lemmas[1].Uses!);
        Assert.Equal([1, 2], check.Lemmas[2].Uses!);
        Assert.Equal([3], check.Uses!);
        Assert.Null(ClaimText.Valid(Check(uses: "").Split("checks:\n")[1]).Checks.OfType<ProveCheckSpec>().Single().Uses);
    }

    [Theory]
    [InlineData("{statement: \"x^2 + 1 >= 1\", uses: [2]}", 13, 44, "check 'p', lemma 2 uses lemma 2, but only lemmas 1 to 1 come before it (a step may use only earlier lemmas)")]
    [InlineData("{statement: \"x^2 + 1 >= 1\", uses: [1, 1]}", 13, 47, "check 'p', lemma 2 names lemma 1 twice in its 'uses'")]
    [InlineData("{statement: \"x^2 + 1 >= 1\", uses: [one]}", 13, 44, "each item of check 'p', lemma 2 'uses' must be a whole number, found 'one'")]
    [InlineData("{statment: \"x^2 + 1 >= 1\"}", 13, 10, "unknown key 'statment' in lemma 2; did you mean 'statement'? allowed: statement, uses")]
    public void ABadLemmaUsesIsReportedAtTheNumberNamingCheckAndLemma(string lemma2, int line, int column, string message)
    {
        var d = ClaimText.Load(Check(lemma2: lemma2)).Diagnostics.First();
        Assert.Equal(("t.yaml", line, column, message), (d.File, d.Line, d.Column, d.Message));
    }

    [Fact]
    public void TheStatementMayUseOnlyLemmasOfTheCheck()
    {
        var d = Assert.Single(ClaimText.Load(Check(uses: "uses: [1, 4]")).Diagnostics);
        Assert.Equal("t.yaml:15:15: check 'p', the statement uses lemma 4, but only lemmas 1 to 3 come before it (a step may use only earlier lemmas)", d.ToString());
        var none = ClaimText.Load(ClaimText.Header + "  - {id: p, kind: prove, expect: holds, statement: \"x^2 >= 0\", uses: [1]}\n");
        Assert.Equal("check 'p': 'uses' names lemmas of the check's 'lemmas' list, and it has none", Assert.Single(none.Diagnostics).Message);
        Assert.False(none.Ok);
    }
}
