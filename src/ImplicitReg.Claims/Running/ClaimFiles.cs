namespace ImplicitReg.Claims.Running;

/// <summary>
/// Where claim files are found: the paths given (a file, or a directory searched recursively for <c>*.yaml</c>),
/// or by default the catalogue: <c>proofs/</c> of the clone the current directory is in, else the copy of
/// <c>proofs/</c> shipped next to the binary.
/// </summary>
public static class ClaimFiles
{
    /// <summary>The default catalogue directory, or null when there is none.</summary>
    public static string? DefaultCatalogue()
    {
        for (var dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var proofs = Path.Combine(dir, "proofs");
            if (File.Exists(Path.Combine(dir, "ImplicitReg.Verify.sln")) && Directory.Exists(proofs)) return Relative(proofs);
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, "proofs");
        return Directory.Exists(shipped) ? shipped : null;
    }

    /// <summary>The repository root above the current directory, or null (snapshot texts replace it by <c>{repo}</c>).</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "ImplicitReg.Verify.sln"))) return dir;
        return null;
    }

    /// <summary>
    /// Every claim file under <paramref name="paths"/>, sorted (ordinal) and without duplicates; a path that does not
    /// exist is returned in <paramref name="missing"/>.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var absent = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Normalize(path));
            else if (Directory.Exists(path))
                foreach (var f in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories)) files.Add(Normalize(f));
            else absent.Add(path);
        }
        missing = absent;
        return [.. files];
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Replace("/./", "/", StringComparison.Ordinal);

    private static string Relative(string path)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel;
    }
}
