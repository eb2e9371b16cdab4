using System.Reflection;
using System.Runtime.InteropServices;
using ImplicitReg.Native;

namespace ImplicitReg.Solver.Native;

/// <summary>
/// Finds and loads libz3 for the whole process, and explains what to install when it is missing.
/// The library is looked up under the name in <see cref="EnvironmentVariable"/> if set, otherwise under
/// <see cref="DefaultNames"/>; every P/Invoke of <see cref="Z3Native"/> is routed to the handle loaded here.
/// Code that is about to solve asks <see cref="Require"/>; <see cref="Probe"/> only reports (versions in provenance).
/// </summary>
/// <example><c>var z3 = Z3Library.Require(); // throws SolverUnavailableException naming the fix</c></example>
public static class Z3Library
{
    /// <summary>Overrides the library name or path (tests point it at a missing file to exercise that path).</summary>
    public const string EnvironmentVariable = "IMPLICITREG_Z3_LIBRARY";

    /// <summary>What a user without libz3 must run; printed by every solver command.</summary>
    public const string InstallHint = "install it with `sudo apt-get install libz3-4` (or run `bash scripts/setup.sh`)";

    /// <summary>Names tried in order: Debian's runtime package ships only the versioned file.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll", "z3"];

    private static readonly Lock Gate = new();
    private static IntPtr _handle;
    private static Z3Availability? _bound;

    static Z3Library() => NativeLibrary.SetDllImportResolver(typeof(Z3Library).Assembly, Resolve);

    /// <summary>
    /// Tries to load libz3 under <paramref name="libraryName"/> (or the environment override, or the default
    /// names). The first library that loads is bound for the rest of the process; a later probe with another
    /// name only reports whether that name loads.
    /// </summary>
    public static Z3Availability Probe(string? libraryName = null)
    {
        var names = libraryName is { Length: > 0 } ? [libraryName] : CandidateNames();
        var failures = new List<string>();
        foreach (var name in names)
        {
            IntPtr handle;
            try
            {
                handle = NativeLibrary.Load(name, typeof(Z3Library).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                failures.Add(NativeLoadFailure.Describe(name, e));
                continue;
            }
            if (!NativeLibrary.TryGetExport(handle, "Z3_mk_context", out _) || !NativeLibrary.TryGetExport(handle, "Z3_get_version", out var versionExport))
            {
                failures.Add($"{name}: loads, but is not the Z3 C library (no Z3_mk_context)");
                continue;
            }
            var version = ReadVersion(versionExport);
            var availability = new Z3Availability(true, name, version, $"libz3 {version} loaded from {name}");
            lock (Gate)
            {
                if (_handle == IntPtr.Zero)
                {
                    _handle = handle;
                    _bound = availability;
                }
            }
            return availability;
        }
        return new Z3Availability(false, null, null,
            $"the Z3 solver library (libz3) could not be loaded; {InstallHint}. Tried: {string.Join("; ", failures)}");
    }

    /// <summary>
    /// The one decision every solver command and check makes before it solves: libz3 under
    /// <paramref name="libraryName"/> (or the environment override, or the default names) is usable, or a
    /// <see cref="SolverUnavailableException"/> whose message names what to install. The command line reports that
    /// exception as bad input (exit 2); the claims engine as an error verdict.
    /// </summary>
    /// <example><c>try { Z3Library.Require(); } catch (SolverUnavailableException e) { Console.Error.WriteLine(e.Message); }</c></example>
    public static Z3Availability Require(string? libraryName = null)
    {
        var probe = Probe(libraryName);
        return probe.IsAvailable ? probe : throw new SolverUnavailableException(probe.Message);
    }

    /// <summary>The library every call goes to; throws <see cref="SolverUnavailableException"/> when none loads.</summary>
    public static Z3Availability RequireLoaded()
    {
        lock (Gate)
            if (_bound is { } bound) return bound;
        return Require();
    }

    /// <summary>The names <see cref="Probe"/> tries when none is given.</summary>
    public static IReadOnlyList<string> CandidateNames() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden ? [overridden] : DefaultNames;

    /// <summary>Copies a Z3-owned C string at once: Z3 reuses the buffer on its next call.</summary>
    internal static string CopyString(IntPtr s) => s == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(s) ?? "";

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Z3Native.Lib) return IntPtr.Zero;
        RequireLoaded();
        return _handle;
    }

    private static unsafe string ReadVersion(IntPtr export)
    {
        uint major, minor, build, revision;
        ((delegate* unmanaged[Cdecl]<uint*, uint*, uint*, uint*, void>)export)(&major, &minor, &build, &revision);
        return $"{major}.{minor}.{build}";
    }
}

/// <summary>Whether libz3 can be used, where it came from, and otherwise what to install.</summary>
public sealed record Z3Availability(bool IsAvailable, string? Library, string? Version, string Message);

/// <summary>libz3 is missing or unusable: a setup problem (the command line exits 2), never a crash. Thrown by <see cref="Z3Library.Require"/>.</summary>
public sealed class SolverUnavailableException(string message) : Exception(message);
