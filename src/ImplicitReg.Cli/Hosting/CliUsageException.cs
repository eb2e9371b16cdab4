namespace ImplicitReg.Cli.Hosting;

/// <summary>A user error on the command line (unknown option, missing value, unreadable file): exit 2.</summary>
public sealed class CliUsageException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
