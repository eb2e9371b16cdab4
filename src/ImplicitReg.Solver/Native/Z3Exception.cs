namespace ImplicitReg.Solver.Native;

/// <summary>An error Z3 reported through its error handler, turned into an exception after the call returned.</summary>
public sealed class Z3Exception(Z3ErrorCode code, string message)
    : Exception($"Z3 error {code}: {message}")
{
    /// <summary>Z3's error code.</summary>
    public Z3ErrorCode Code { get; } = code;
    /// <summary>Z3's own message.</summary>
    public string Z3Message { get; } = message;
}

/// <summary>Z3's <c>Z3_error_code</c>, in header order.</summary>
public enum Z3ErrorCode
{
    /// <summary>No error.</summary>
    Ok,
    /// <summary>A term of the wrong sort.</summary>
    SortError,
    /// <summary>An index out of bounds.</summary>
    IndexOutOfBounds,
    /// <summary>An invalid argument.</summary>
    InvalidArgument,
    /// <summary>A parser error.</summary>
    ParserError,
    /// <summary>No parser available.</summary>
    NoParser,
    /// <summary>An invalid pattern.</summary>
    InvalidPattern,
    /// <summary>Z3 ran out of memory.</summary>
    MemoryOut,
    /// <summary>A file could not be accessed.</summary>
    FileAccessError,
    /// <summary>An internal fatal error.</summary>
    InternalFatal,
    /// <summary>An API function used wrongly.</summary>
    InvalidUsage,
    /// <summary>A reference count error.</summary>
    DecRefError,
    /// <summary>An exception inside Z3 (also used here when the message cannot be read).</summary>
    Exception,
}
