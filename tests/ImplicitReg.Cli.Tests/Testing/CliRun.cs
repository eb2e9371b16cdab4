using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Tests.Testing;

/// <summary>The CLI run in-process as the verb tests run it: no input, and the exit code with everything written.</summary>
internal static class CliRun
{
    /// <summary>Runs <c>implicitreg</c> with <paramref name="args"/> and empty stdin.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        var code = CliHost.Run(args, io);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
