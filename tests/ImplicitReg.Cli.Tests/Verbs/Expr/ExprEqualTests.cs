using System.Text.Json;
using System.Text.RegularExpressions;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

public sealed partial class ExprEqualTests
{
    [Theory]
    [InlineData("(x+1)^2", "x^2 + 2*x + 1")]
    [InlineData("(x^2 - 1)/(x - 1)", "x + 1")]
    [InlineData("W2[1,3]*W1[3,1]", "W1[3,1]*W2[1,3]")]
    [InlineData("sqrt(x)*sqrt(x)", "x")]
    public void AnIdentityIsProvedEqual(string a, string b)
    {
        var r = ExprCli.Run("equal", a, b);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.StartsWith("proved equal\n", r.Out);
    }

    // "Proved equal" holds wherever both sides are defined; when that is not everywhere, the output says where.
    [Theory]
    [InlineData("x/x", "1", "x != 0")]
    [InlineData("sqrt(x)*sqrt(x)", "x", "x >= 0")]
    [InlineData("(x^2 - 1)/(x - 1)", "x + 1", "x - 1 != 0")]
    public void AnIdentityThatHoldsOnADomainSaysWhichDomain(string a, string b, string domain)
    {
        var r = ExprCli.Run("equal", a, b);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains($"\n  where both sides are defined: {domain}\n", r.Out);
        using var json = System.Text.Json.JsonDocument.Parse(ExprCli.Run("equal", a, b, "--format", "json").Out);
        Assert.Equal([domain], json.RootElement.GetProperty("domain").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void JsonKeepsFormulasReadable() =>
        Assert.Contains("\"domain\":[\"x >= 0\"]", ExprCli.Run("equal", "sqrt(x)*sqrt(x)", "x", "--format", "json").Out);

    [Fact]
    public void AnIdentityDefinedEverywhereStatesNoDomain() =>
        Assert.DoesNotContain("where both sides are defined", ExprCli.Run("equal", "(x+1)^2", "x^2 + 2*x + 1").Out);

    [Theory]
    [InlineData("(x+1)^2", "x^2 + 1")]
    [InlineData("x*y + 1", "y*x")]
    [InlineData("(x^2 - 1)/(x - 1)", "x - 1")]
    public void ADifferenceIsRefutedWithAnExactWitnessThatReallySeparatesTheSides(string a, string b)
    {
        var r = ExprCli.Run("equal", a, b);
        Assert.Equal(ExitCodes.Refuted, r.Code);
        var m = WitnessLine().Match(r.Out);
        Assert.True(m.Success, r.Out);
        // Re-check the printed witness independently: both sides evaluated exactly there must differ.
        var point = m.Groups["point"].Value.Split(", ")
            .Select(p => p.Split(" = "))
            .ToDictionary(p => p[0], p => Rational.Parse(p[1]));
        var left = Algebra.EvaluateExact(Parser.Parse(a), point);
        var right = Algebra.EvaluateExact(Parser.Parse(b), point);
        Assert.IsType<Num>(left);
        Assert.NotEqual(left, right);
        Assert.Contains($"left side = {left}, right side = {right}", r.Out);
    }

    [GeneratedRegex(@"^not equal at (?<point>[^\n]+)\n")]
    private static partial Regex WitnessLine();

    [Fact]
    public void ConstantsThatDifferAreNotEqual()
    {
        var r = ExprCli.Run("equal", "1/3", "0.333");
        Assert.Equal(ExitCodes.Refuted, r.Code);
        Assert.Contains("left side = 1/3, right side = 333/1000", r.Out);
    }

    [Fact]
    public void AnIdentityTheKernelCannotProveIsOnlyNumericallyEqualWithItsSeed()
    {
        var r = ExprCli.Run("equal", "sin(x)^2 + cos(x)^2", "1");
        Assert.Equal(ExitCodes.Unknown, r.Code);
        Assert.StartsWith($"numerically equal at {Algebra.EqualSampleCount} random points (seed {Algebra.DefaultEqualSeed}), not proved\n", r.Out);
        var seeded = ExprCli.Run("equal", "sin(x)^2 + cos(x)^2", "1", "--seed", "7");
        Assert.StartsWith($"numerically equal at {Algebra.EqualSampleCount} random points (seed 7), not proved\n", seeded.Out);
    }

    [Fact]
    public void ANumericDisagreementIsRefutedEvenWithTranscendentalParts()
    {
        var r = ExprCli.Run("equal", "sin(x)^2 + cos(x)^2", "1 + x^2");
        Assert.Equal(ExitCodes.Refuted, r.Code);
        Assert.StartsWith("not equal at x = ", r.Out);
    }

    [Fact]
    public void JsonFormatCarriesVerdictWitnessAndSeed()
    {
        var r = ExprCli.Run("equal", "x", "x + 1", "--format", "json");
        Assert.Equal(ExitCodes.Refuted, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("not-equal", root.GetProperty("verdict").GetString());
        var x = Rational.Parse(root.GetProperty("witness").GetProperty("x").GetString()!);
        Assert.Equal(x.ToString(), root.GetProperty("left").GetProperty("value").GetString());
        Assert.Equal((x + 1).ToString(), root.GetProperty("right").GetProperty("value").GetString());
        Assert.Equal(Algebra.DefaultEqualSeed, root.GetProperty("seed").GetInt32());
        var proved = JsonDocument.Parse(ExprCli.Run("equal", "2*x", "x + x", "--format", "json").Out).RootElement;
        Assert.Equal("proved-equal", proved.GetProperty("verdict").GetString());
    }

    [Fact]
    public void LatexFormatRendersTheWitnessValues()
    {
        var r = ExprCli.Run("equal", "x", "x + 1", "--format", "latex");
        Assert.Matches(@"^not equal at x = -?\\frac\{\d+\}\{\d+\}|^not equal at x = -?\d+", r.Out);
    }

    [Fact]
    public void BothSidesMayComeFromFilesButStdinOnlyOnce()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "(x + 1)^2");
            Assert.Equal(ExitCodes.Ok, ExprCli.RunWithInput("x^2 + 2*x + 1", "equal", "@" + path, "-").Code);
            var twice = ExprCli.RunWithInput("x", "equal", "-", "-").AssertCleanFailure();
            Assert.Contains("can be read only once", twice.Err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("needs <left side> <right side>; missing <right side>", "x")]
    [InlineData("unexpected extra argument 'z'", "x", "y", "z")]
    [InlineData("works on expressions", "x < 1", "x")]
    [InlineData("--seed expects an integer", "x", "y", "--seed", "abc")]
    public void BadRequestsAreExplained(string message, params string[] args)
    {
        var r = ExprCli.Run(["equal", .. args]).AssertCleanFailure();
        Assert.Contains(message, r.Err);
    }

    [Fact]
    public void ASyntaxErrorNamesTheSideItIsIn()
    {
        var r = ExprCli.Run("equal", "x + 1", "x +* 1").AssertCleanFailure();
        Assert.Equal("error: unexpected '*': expected a number, a symbol, a function call or '(' (line 1, column 4) in the second expression\n  x +* 1\n     ^\n", r.Err);
    }

    // One canonical form does not make sides equal anywhere if they are defined nowhere: undecided, never "proved".
    [Theory]
    [InlineData("0*sqrt(-1 - x^2)", "0")]
    [InlineData("0*log(-x^2 - 1) + 1", "1")]
    [InlineData("x + 0*sqrt(-1 - y^2)", "x")]
    public void SidesDefinedNowhereAreNotProvedEqual(string a, string b)
    {
        var r = ExprCli.Run("equal", a, b);
        Assert.Equal(ExitCodes.Unknown, r.Code);
        Assert.DoesNotContain("proved equal", r.Out);
        Assert.StartsWith("undecided: the canonical forms agree, but no point where both sides are defined", r.Out);
        using var json = JsonDocument.Parse(ExprCli.Run("equal", a, b, "--format", "json").Out);
        Assert.Equal("undecided", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void TheUndecidedAnswerNamesTheTriesAndTheSeedOfTheSearch()
    {
        var r = ExprCli.Run("equal", "0*sqrt(-1 - x^2)", "0", "--seed", "5");
        Assert.Equal(ExitCodes.Unknown, r.Code);
        Assert.Contains($"was found in {Algebra.DomainSampleLimit} tries (seed 5)", r.Out);
        // Negative control: a domain with points proves, with the same seed.
        Assert.Equal(ExitCodes.Ok, ExprCli.Run("equal", "0*sqrt(1 - x^2)", "0", "--seed", "5").Code);
    }

    [Fact]
    public void ADomainOfOnePointStillProves()
    {
        // x >= 0 and -x >= 0 hold at x = 0 only; the sampled points include 0.
        Assert.Equal(ExitCodes.Ok, ExprCli.Run("equal", "0*sqrt(x)*sqrt(-x)", "0").Code);
    }
}
