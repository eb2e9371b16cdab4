using ImplicitReg.Symbolic.Printing.Snapshots;

namespace ImplicitReg.Testing.Snapshots;

/// <summary>
/// Removes what varies between machines and runs before a text is compared with its snapshot (line endings,
/// absolute paths, durations, float noise): the library's <see cref="SnapshotText.Scrub"/>, which claim files'
/// snapshots use too.
/// </summary>
public static class SnapshotScrubber
{
    /// <summary>Significant digits kept in a float.</summary>
    public const int FloatDigits = SnapshotText.FloatDigits;

    public static string Scrub(string text, string? repositoryRoot) => SnapshotText.Scrub(text, repositoryRoot);
}
