namespace ImplicitReg.Solver.Native;

/// <summary>An error Z3 reported through its error handler, turned into an exception after the call returned.</summary>
public sealed class Z3Exception(Z3ErrorCode code, string message)
    : Exception($"Z3 error {code}: {message}")
{
    public Z3ErrorCode Code { get; } = code;
    public string Z3Message { get; } = message;
}

/// <summary>Z3's <c>Z3_error_code</c>, in header order.</summary>
public enum Z3ErrorCode
{
    Ok,
    SortError,
    IndexOutOfBounds,
    InvalidArgument,
    ParserError,
    NoParser,
    InvalidPattern,
    MemoryOut,
    FileAccessError,
    InternalFatal,
    InvalidUsage,
    DecRefError,
    Exception,
}
