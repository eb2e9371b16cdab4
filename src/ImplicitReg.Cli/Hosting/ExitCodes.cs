namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Exit codes are part of the interface scripts rely on; the meanings below are fixed.
/// </summary>
public static class ExitCodes
{
    /// <summary>Success; for checks: proved / proved equal.</summary>
    public const int Ok = 0;
    /// <summary>A check answered no: refuted, not equal (with a witness).</summary>
    public const int Refuted = 1;
    /// <summary>Bad input: syntax error, unknown option, unreadable file, missing native library.</summary>
    public const int BadInput = 2;
    /// <summary>Undecided: solver unknown/timeout, or only numerically equal.</summary>
    public const int Unknown = 3;
    /// <summary>A numerical run diverged (NaN or overflow).</summary>
    public const int Diverged = 4;
    /// <summary>A bug in the toolkit itself (never a user error).</summary>
    public const int InternalError = 70;
    /// <summary>Stopped by Ctrl-C; what was written is kept.</summary>
    public const int Interrupted = 130;
}
