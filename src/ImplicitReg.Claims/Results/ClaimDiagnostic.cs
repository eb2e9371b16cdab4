namespace ImplicitReg.Claims.Results;

/// <summary>
/// A problem in a claim file, at a 1-based line and column, printed as compilers and schema validators do:
/// <c>proofs/razin2020/m6.yaml:12:7: unknown key 'expct'; expected one of …</c>.
/// </summary>
public sealed record ClaimDiagnostic(string File, int Line, int Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Where a claim or check was written: the file and the 1-based line and column of its node.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
