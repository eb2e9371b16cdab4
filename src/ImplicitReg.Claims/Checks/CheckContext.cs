namespace ImplicitReg.Claims.Checks;

/// <summary>What every check may use: where certificates go, the repository root for snapshot scrubbing, cancellation.</summary>
/// <param name="CertificateDirectory">Where the prove checks write their SMT-LIB certificates, or null to keep none.</param>
/// <param name="RepositoryRoot">Replaced by <c>{repo}</c> in snapshot texts, or null.</param>
public sealed record CheckContext(string? CertificateDirectory = null, string? RepositoryRoot = null, CancellationToken Cancel = default);
