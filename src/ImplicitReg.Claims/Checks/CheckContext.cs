namespace ImplicitReg.Claims.Checks;

/// <summary>What every check may use: where certificates go, the repository root for snapshot scrubbing, cancellation.</summary>
/// <param name="CertificateDirectory">Where the prove checks write their SMT-LIB certificates, or null to keep none.</param>
/// <param name="RepositoryRoot">Replaced by <c>{repo}</c> in snapshot texts, or null.</param>
/// <param name="Cancel">Cancel.</param>
public sealed record CheckContext(string? CertificateDirectory = null, string? RepositoryRoot = null, CancellationToken Cancel = default)
{
    /// <summary>The libz3 name or path the prove checks require, or null for the default names (tests point it at a missing file).</summary>
    public string? Z3Library { get; init; }
}
