namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>The edits of <see cref="FormulaMutants"/>: each is the one slip it names, on the claim's own text, never inside an index.</summary>
public sealed class FormulaMutantsTests
{
    private static Dictionary<string, string> First(string formula, bool expression = false) =>
        FormulaMutants.Of(formula, (_, _) => 0, expression).ToDictionary(m => m.Operator, m => m.Text);

    [Fact]
    public void TheBoundOfM6GetsEachEditAtItsFirstOccurrence()
    {
        var m = First("l < 1/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^2/sqrt(2*l)");
        Assert.Equal("l < (1*8/7)/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^2/sqrt(2*l)", m["constant-scaled"]);
        Assert.Equal("l < (1+1)/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^2/sqrt(2*l)", m["constant-plus-1"]);
        Assert.Equal("(-l) < 1/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^2/sqrt(2*l)", m["sign-flipped"]);
        Assert.Equal("l < 1/2 implies abs(W[1,1]) >= (1 + sqrt(2*l))^2/sqrt(2*l)", m["minus-to-plus"]);
        Assert.Equal("l < 1/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^(2+1)/sqrt(2*l)", m["exponent-plus-1"]);
        Assert.Equal("l < 1/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^(2-1)/sqrt(2*l)", m["exponent-minus-1"]);
        Assert.Equal("l > 1/2 implies abs(W[1,1]) >= (1 - sqrt(2*l))^2/sqrt(2*l)", m["relation-reversed"]);
        // One scalar and one matrix symbol, a diagonal entry, no '+': nothing to swap, transpose or turn into '-'.
        Assert.False(m.ContainsKey("symbol-swapped") || m.ContainsKey("entry-transposed") || m.ContainsKey("plus-to-minus"));
    }

    [Fact]
    public void SymbolsSwapWithinTheirKindAndEntriesTranspose()
    {
        var m = First("det = W[1,1]*W[2,2] - W[1,2]*W[2,1] and l > det + 1");
        Assert.Equal("l = W[1,1]*W[2,2] - W[1,2]*W[2,1] and l > det + 1", m["symbol-swapped"]);
        Assert.Equal("det = W[1,1]*W[2,2] - W[2,1]*W[2,1] and l > det + 1", m["entry-transposed"]);
        Assert.Equal("det = W[1,1]*W[2,2] - W[1,2]*W[2,1] and l > det - 1", m["plus-to-minus"]);
        Assert.Equal("(-det) = W[1,1]*W[2,2] - W[1,2]*W[2,1] and l > det + 1", m["sign-flipped"]);
    }

    [Fact]
    public void IndicesTransposesAndZerosAreNeverEdited()
    {
        // W[N:j+1] names a factor: its 1 and + are not constants of the claim; ^T is a transpose, not an exponent.
        var m = First("-(W[N:j+1])^T*G*(W[j-1:1])^T", expression: true);
        Assert.DoesNotContain("constant-scaled", m.Keys);
        Assert.DoesNotContain("exponent-plus-1", m.Keys);
        Assert.Equal("-(-(W[N:j+1])^T*G*(W[j-1:1])^T)", m["negated"]);
        Assert.Equal("-((-W[N:j+1]))^T*G*(W[j-1:1])^T", m["sign-flipped"]);
        // 0 x 8/7 = 0 and -0 = 0 are the same formula: not mutants.
        var zero = First("det > 0");
        Assert.DoesNotContain("constant-scaled", zero.Keys);
        Assert.Equal("det > (0+1)", zero["constant-plus-1"]);
        Assert.Equal("(-det) > 0", zero["sign-flipped"]);
    }

    [Fact]
    public void TheSeedPicksTheOccurrenceDeterministically()
    {
        const string f = "s^2 = q[1,2] + q[1,3] + q[2,1]";
        var last = FormulaMutants.Of(f, (_, n) => n - 1, expression: false).Single(m => m.Operator == "plus-to-minus");
        Assert.Equal("s^2 = q[1,2] + q[1,3] - q[2,1]", last.Text);
        Assert.Equal(CatalogueMutants.Hash("7|x"), CatalogueMutants.Hash("7|x"));
        Assert.NotEqual(CatalogueMutants.Hash("7|x"), CatalogueMutants.Hash("8|x"));
    }
}
