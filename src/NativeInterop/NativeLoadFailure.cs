namespace ImplicitReg.Native;

/// <summary>
/// Why a native library did not load, in the words a user needs: the OpenBLAS binding (Numerics) and the Z3 binding
/// (Solver) both report it, and they sit side by side in the same layer, so this one file is compiled into both
/// (linked from each project) rather than placed in the kernel below them, which has nothing to do with native code.
/// </summary>
internal static class NativeLoadFailure
{
    /// <summary>
    /// Why <paramref name="name"/> did not load. The loader throws <see cref="DllNotFoundException"/> for a missing
    /// file and for a file that is there but is no shared library (e.g. /etc/passwd) alike, so "not found" is said only
    /// when no such file exists; otherwise the loader's own reason is quoted.
    /// </summary>
    public static string Describe(string name, Exception e)
    {
        if (e is BadImageFormatException) return $"{name} (not a loadable library)";
        bool isPath = name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal);
        if (isPath && Directory.Exists(name)) return $"{name} (a directory, not a library file)";
        if (!isPath || !File.Exists(name)) return $"{name} (not found)";
        // dlopen's reason is the line of the message that starts with the path ("/etc/passwd: invalid ELF header").
        var reason = e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim();
        return $"{name} (the file exists but is not a loadable shared library{(reason is { Length: > 0 } ? ": " + reason : "")})";
    }
}
