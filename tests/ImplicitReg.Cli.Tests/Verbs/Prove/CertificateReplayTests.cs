using ImplicitReg.Cli.Hosting;
using ImplicitReg.Testing.Conditions;
using ImplicitReg.Testing.Solvers;

namespace ImplicitReg.Cli.Tests.Verbs.Prove;

/// <summary>
/// <c>prove --smt2</c> certificates replay with the real z3 and cvc5 programs (installed by scripts/setup.sh): exit 0
/// and <c>unsat</c> for every proved case, <c>sat</c> for a refuted one; the file names are the documented ones.
/// </summary>
public sealed class CertificateReplayTests
{
    private const string M6Bound =
        "l = 1/2*((W[1,2]-1)^2+(W[2,1]-1)^2+W[2,2]^2) and l < 1/2 and W[1,1]*W[2,2]-W[1,2]*W[2,1] > 0 implies abs(W[1,1]) > (1-sqrt(2*l))^2/sqrt(2*l)";

    [RequiresZ3Fact]
    public void TheM6BoundSplitsIntoTwoNamedCertificatesThatZ3Replays()
    {
        var dir = Directory.CreateTempSubdirectory("implicitreg-cert-").FullName;
        try
        {
            var path = Path.Combine(dir, "c.smt2");
            var (code, output) = Prove(M6Bound, "--smt2", path);
            Assert.Equal(ExitCodes.Ok, code);
            string[] expected = [Path.Combine(dir, "c-case1.smt2"), Path.Combine(dir, "c-case2.smt2")];
            foreach (var file in expected) Assert.Contains("certificate: " + file, output);
            Assert.Equal(expected, Directory.GetFiles(dir).Order(StringComparer.Ordinal));
            // cvc5 1.0 as packaged by Debian (no libpoly) does not decide these two within minutes: z3 only (docs/solver.md).
            foreach (var file in expected) AssertReplay("z3", file, "unsat");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [RequiresZ3Theory]
    [InlineData("x^2 >= 0", "unsat")]
    [InlineData("x^100 >= 0", "unsat")]
    [InlineData("abs(x) >= x", "unsat")]
    [InlineData("x^2 >= x", "sat")]
    public void EveryCertificateReplaysWithZ3AndCvc5(string statement, string answer)
    {
        var dir = Directory.CreateTempSubdirectory("implicitreg-cert-").FullName;
        try
        {
            var (code, _) = Prove(statement, "--smt2", Path.Combine(dir, "c.smt2"));
            Assert.Equal(answer == "unsat" ? ExitCodes.Ok : ExitCodes.Refuted, code);
            var files = Directory.GetFiles(dir);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.DoesNotContain("\n(get-model)", File.ReadAllText(file)); // an error after unsat: z3 would exit 1
                AssertReplay("z3", file, answer);
                AssertReplay("cvc5", file, answer);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [RequiresZ3Fact]
    public void APowerAboveTheSolversLimitIsRefusedWithTheReason()
    {
        var (code, _) = Prove("x^5000 >= 0");
        Assert.Equal(ExitCodes.BadInput, code);
    }

    private static (int Code, string Out) Prove(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(["prove", .. args], io);
        return (code, stdout + stderr.ToString());
    }

    private static void AssertReplay(string solver, string file, string answer)
    {
        var replay = ReplayProcess.Run(solver, file, TimeSpan.FromMinutes(2));
        Assert.True(replay.Answer == answer, $"{solver} {file}: {replay.Answer}, expected {answer}\n{replay.Output}");
        Assert.Equal(answer, replay.Output.Trim()); // the answer alone: no model, no error after it
    }
}
