namespace ImplicitReg.Testing;

/// <summary>
/// The clone's root, the directory holding <c>ImplicitReg.Verify.sln</c>: tests read the catalogue, the docs and the
/// sources from there. One finder for every test project instead of a copy in each.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() => Above(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"the repository root (ImplicitReg.Verify.sln) is not above the test binaries in {AppContext.BaseDirectory}"));

    /// <summary>The root above the test binaries.</summary>
    /// <exception cref="InvalidOperationException">the binaries are not inside a clone.</exception>
    public static string Path => Root.Value;

    /// <summary>The nearest directory at or above <paramref name="directory"/> holding the solution, or null.</summary>
    public static string? Above(string directory)
    {
        for (var dir = directory; !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
            if (File.Exists(System.IO.Path.Combine(dir, "ImplicitReg.Verify.sln"))) return dir;
        return null;
    }
}
