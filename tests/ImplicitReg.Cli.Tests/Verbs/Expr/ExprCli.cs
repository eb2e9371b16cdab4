using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Verbs.Expressions;

/// <summary>Runs <c>implicitreg expr …</c> in-process with string streams.</summary>
internal static class ExprCli
{
    public sealed record Result(int Code, string Out, string Err)
    {
        /// <summary>Bad input must be explained, never answered with a stack trace or an internal error.</summary>
        public Result AssertCleanFailure(int code = ExitCodes.BadInput)
        {
            Assert.Equal(code, Code);
            Assert.StartsWith("error: ", Err);
            Assert.DoesNotContain("   at ", Err);
            Assert.DoesNotContain("internal error", Err);
            return this;
        }
    }

    public static Result Run(params string[] args) => RunWithInput("", args);

    public static Result RunWithInput(string stdin, params string[] args)
    {
        var io = CliIO.ForStrings(stdin, out var stdout, out var stderr);
        var code = CliHost.Run(["expr", .. args], io);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
