using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Verbs.Prove;
using ImplicitReg.Testing.Conditions;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Prove;

public sealed class ProveVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(["prove", .. args]);

    [RequiresZ3Fact]
    public void ATrueStatementIsProvedWithExitZero()
    {
        var (code, output, _) = Run("x^2 - 2*x + 1 >= 0");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("proved\n", output);
    }

    // Canonical forms drop where the input is defined (x/x is 1, sqrt(x)*sqrt(x) is x); the claim must still be
    // decided wherever its terms, as written, are defined: no "counterexample" outside that domain.
    [RequiresZ3Theory]
    [InlineData("sqrt(x)*sqrt(x) >= 0")]
    [InlineData("(x^3)^(1/3) >= 0")]
    [InlineData("x/x = 1 implies x != 0")]
    [InlineData("abs(x)/x = sign(x)")]
    [InlineData("not (x^2 = 2 or abs(x^2-2)/(x^2-2) < -1)")]
    public void AStatementTrueWhereverItIsDefinedIsProved(string statement)
    {
        var (code, output, _) = Run(statement);
        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{output}");
        Assert.StartsWith("proved\n", output);
    }

    // The sign cases of abs(x)^(2/3) have different conditions (x >= 0; -x >= 0 with x >= 0): merged they read
    // "x >= 0, -x >= 0", the single point 0, which is not where the proof holds. Each case's list is printed instead.
    [RequiresZ3Fact]
    public void DomainsThatDifferByCaseArePrintedCaseByCaseNotMerged()
    {
        var (code, output, _) = Run("(x^2)^(1/3) = x^(2/3)");
        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{output}");
        Assert.DoesNotContain("where defined: x >= 0, -x >= 0", output);
        Assert.Contains("  where defined, case by case:\n    case claim [x >= 0]: x >= 0\n    case claim [x < 0]: -x >= 0, x >= 0\n", output);
        var json = JsonDocument.Parse(Run("(x^2)^(1/3) = x^(2/3)", "--format", "json").Out).RootElement;
        Assert.Equal(["x >= 0"], json.GetProperty("domain_by_case")[0].GetProperty("domain").EnumerateArray().Select(e => e.GetString()));
        // Negative control: two sign cases with one domain are printed as one list, as before.
        var (_, uniform, _) = Run("abs(x)*sqrt(y) >= 0");
        Assert.Contains("  where defined: y >= 0\n  case claim [x >= 0]: ", uniform);
        Assert.False(JsonDocument.Parse(Run("abs(x)*sqrt(y) >= 0", "--format", "json").Out).RootElement.TryGetProperty("domain_by_case", out _));
    }

    [RequiresZ3Theory]
    [InlineData("sqrt(x^2) = x", "x = -")]
    [InlineData("x/x = 1 implies x > 0", "x = -")]
    public void AStatementFalseSomewhereInItsDomainIsStillRefuted(string statement, string witness)
    {
        var (code, output, _) = Run(statement);
        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Contains(witness, output);
    }

    [RequiresZ3Fact]
    public void AFalseStatementIsRefutedWithItsCounterexampleAndExitOne()
    {
        var (code, output, _) = Run("x^2 + 1 > 2*x", "--assume", "x >= 0");
        Assert.Equal(ExitCodes.Refuted, code);
        Assert.StartsWith("refuted\n", output);
        Assert.Contains("counterexample (confirmed by the kernel in exact arithmetic):", output);
        Assert.Contains("\n    x = 1\n", output); // the only point where (x - 1)^2 > 0 fails
    }

    [RequiresZ3Fact]
    public void AnUndecidedStatementIsUnknownWithTheReasonAndExitThree()
    {
        // The 3x3 loss/determinant bound of M6 as one obligation (generated in Models/Problems): far beyond 200 ms.
        const string theorem = "s >= 0 and s^2 = W[1,3]^2 + W[2,2]^2 + W[2,3]^2 + W[3,1]^2 + W[3,2]^2 + (W[1,2] - 1)^2 + (W[2,1] - 1)^2 + (W[3,3] - 1)^2 and s < 1/5 and W[1,1]*W[2,2]*W[3,3] - W[1,1]*W[2,3]*W[3,2] - W[1,2]*W[2,1]*W[3,3] + W[1,2]*W[2,3]*W[3,1] + W[1,3]*W[2,1]*W[3,2] - W[1,3]*W[2,2]*W[3,1] > 0 implies s > 0 and (s^2 + s*(s + 1))*abs(W[1,1]) > -s^3 - 2*s^2*(s + 1) + (-s + 1)^3";
        var (code, output, _) = Run(theorem, "--timeout-ms", "200");
        Assert.Equal(ExitCodes.Unknown, code);
        Assert.StartsWith("unknown\n  reason: ", output);
        Assert.Contains("timeout", output);
    }

    [Theory]
    [InlineData("x^2 >= ", "line 1, column 7")] // the end of input sits just after the last token
    [InlineData("x^2 >= 2*x*", "line 1, column 12")]
    [InlineData("x + * 2 > 0", "line 1, column 5")]
    [InlineData("x + 1", "expected a statement")]
    public void BadInputExitsTwoWithThePositionOfTheError(string statement, string where)
    {
        var (code, _, err) = Run(statement);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(where, err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void TranscendentalStatementsAreRefusedWithExitTwo()
    {
        var (code, _, err) = Run("exp(x) > 0");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("exp()", err);
        Assert.Contains("rather than approximate", err);
    }

    [Fact]
    public void WithoutLibz3TheCommandSaysWhatToInstallAndExitsTwo()
    {
        // An injected library path that does not exist stands for a machine without libz3.
        var verb = new ProveVerb("/nonexistent/lib/libz3.so.4");
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        Assert.Equal(ExitCodes.BadInput, CliHost.Run(["prove", "x^2 >= 0"], io, [verb]));
        Assert.Equal(
            "error: the Z3 solver library (libz3) could not be loaded; install it with `sudo apt-get install libz3-4` (or run `bash scripts/setup.sh`). " +
            "Tried: /nonexistent/lib/libz3.so.4 (not found)\nRun 'implicitreg prove --help' for usage.\n", stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void WithoutLibz3TheCatalogueSaysWhatToInstallAndExitsTwoBeforeRunningAnything()
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        Assert.Equal(ExitCodes.BadInput, CliHost.Run(["prove", "--catalogue", "m6"], io, [new ProveVerb("/nonexistent/lib/libz3.so.4")]));
        Assert.StartsWith("error: the Z3 solver library (libz3) could not be loaded; install it with `sudo apt-get install libz3-4`", stderr.ToString());
        Assert.Contains("Tried: /nonexistent/lib/libz3.so.4 (not found)", stderr.ToString());
        Assert.Equal("", stdout.ToString()); // no table of errors
    }

    [Fact]
    public void WithoutLibz3TheCertificateIsStillWritten()
    {
        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-test-{Guid.NewGuid():N}.smt2");
        try
        {
            var io = CliIO.ForStrings("", out _, out _);
            Assert.Equal(ExitCodes.BadInput, CliHost.Run(["prove", "x*y <= (x^2 + y^2)/2", "--smt2", path], io, [new ProveVerb("/nonexistent/libz3.so")]));
            var text = File.ReadAllText(path);
            Assert.Contains("(check-sat)", text);
            Assert.Contains("(declare-fun x () Real)", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [RequiresZ3Fact]
    public void EveryAbsCaseGetsItsOwnCertificateFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"implicitreg-test-{Guid.NewGuid():N}.smt2");
        var written = new[] { path.Replace(".smt2", "-case1.smt2"), path.Replace(".smt2", "-case2.smt2") };
        try
        {
            var (code, output, _) = Run("abs(x) >= x", "--smt2", path);
            Assert.Equal(ExitCodes.Ok, code);
            foreach (var f in written)
            {
                Assert.Contains($"certificate: {f}", output);
                Assert.Contains("(get-model)", File.ReadAllText(f));
            }
        }
        finally
        {
            foreach (var f in written) File.Delete(f);
        }
    }

    [RequiresZ3Fact]
    public void JsonOutputCarriesTheVerdictCasesAndCounterexample()
    {
        var (code, output, _) = Run("x^2 = 2 implies x = 1", "--format", "json");
        Assert.Equal(ExitCodes.Refuted, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("refuted", root.GetProperty("verdict").GetString());
        var x = root.GetProperty("counterexample").GetProperty("values").GetProperty("x");
        Assert.False(x.GetProperty("exact").GetBoolean());
        Assert.Contains("1.41421356237309504880", x.GetProperty("value").GetString());
        Assert.Equal("highprecision", root.GetProperty("counterexample").GetProperty("confirmation").GetString());
    }

    [RequiresSolversFact("z3", "cvc5")]
    public void CrossCheckReplaysTheCertificateWithZ3AndCvc5()
    {
        var (code, output, _) = Run("x^2 >= 0", "--cross-check", "--timeout-ms", "5000");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("claim: z3: unsat", output);
        Assert.Contains("claim: cvc5: unsat", output);
        Assert.Contains("all solvers agree", output);
    }

    [Fact]
    public void UnknownOptionsAndMissingStatementsAreUsageErrors()
    {
        Assert.Equal(ExitCodes.BadInput, Run("x > 0", "--tiemout-ms", "5").Code);
        Assert.Equal(ExitCodes.BadInput, Run().Code);
        Assert.Equal(ExitCodes.BadInput, Run("x > 0", "--timeout-ms", "0").Code);
        Assert.Equal(ExitCodes.BadInput, Run("--catalogue", "m7").Code);
    }

    [RequiresZ3Fact]
    public void TheM6CatalogueComesOutAsExpected()
    {
        var (code, output, _) = Run("--catalogue", "m6");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("entries as expected", output);
        Assert.DoesNotContain("NOT AS EXPECTED", output);
        Assert.DoesNotContain("(!)", output);
        // The table: one header with every column, no ANSI codes in captured (non-terminal) output.
        Assert.Matches(@"^  entry +│ expected │ verdict +│ +time │ claim\n", output);
        Assert.DoesNotContain('\u001b', output);
    }
}
