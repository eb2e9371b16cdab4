using System.Reflection;
using System.Runtime.InteropServices;
using ImplicitReg.Native;

namespace ImplicitReg.Numerics.LinearAlgebra.Backends;

/// <summary>
/// Finds and loads a CBLAS library (OpenBLAS first) for the whole process. Names tried: the value of
/// <see cref="LibraryVariable"/> if set, otherwise <see cref="DefaultNames"/> (Debian's
/// <c>libopenblas0-pthread</c> installs <c>libopenblas.so.0</c>; <c>libcblas.so.3</c> is the generic CBLAS name).
/// On load, OpenBLAS is told to use one thread: a simulation is one sequential chain of small products, and
/// sweeps run many simulations side by side, so BLAS threads would only fight the other runs for the cores.
/// </summary>
public static class OpenBlasLibrary
{
    /// <summary>Overrides the library name or path (tests point it at a missing file to exercise that path).</summary>
    public const string LibraryVariable = "IMPLICITREG_BLAS_LIBRARY";

    /// <summary>What a user without OpenBLAS runs.</summary>
    public const string InstallHint = "install it with `sudo apt-get install libopenblas0-pthread` (or run `bash scripts/setup.sh`)";

    /// <summary>Names tried in order when <see cref="LibraryVariable"/> is not set.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["libopenblas.so.0", "libcblas.so.3", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll"];

    private static readonly Lock Gate = new();
    private static IntPtr _handle;
    private static BlasAvailability? _bound;

    static OpenBlasLibrary() => NativeLibrary.SetDllImportResolver(typeof(OpenBlasLibrary).Assembly, Resolve);

    /// <summary>
    /// Tries to load a CBLAS library under <paramref name="libraryName"/> (or the override, or the default names).
    /// The first one that loads is bound for the rest of the process; later probes only report.
    /// </summary>
    public static BlasAvailability Probe(string? libraryName = null)
    {
        lock (Gate)
            if (libraryName is null && _bound is { } bound) return bound;
        var names = libraryName is { Length: > 0 } ? [libraryName] : CandidateNames();
        var failures = new List<string>();
        foreach (var name in names)
        {
            IntPtr handle;
            try
            {
                handle = NativeLibrary.Load(name, typeof(OpenBlasLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                failures.Add(NativeLoadFailure.Describe(name, e));
                continue;
            }
            if (!NativeLibrary.TryGetExport(handle, "cblas_dgemm", out _))
            {
                failures.Add($"{name}: loads, but has no cblas_dgemm");
                continue;
            }
            var availability = Describe(handle, name);
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
        return new BlasAvailability(false, null, null, null,
            $"no BLAS library could be loaded; {InstallHint}. Tried: {string.Join("; ", failures)}");
    }

    /// <summary>The library every call goes to; throws <see cref="LinearAlgebraUnavailableException"/> when none loads.</summary>
    public static BlasAvailability RequireLoaded()
    {
        var probe = Probe();
        return probe.IsAvailable ? probe : throw new LinearAlgebraUnavailableException(probe.Message);
    }

    /// <summary>Whether the bound library (after a successful <see cref="Probe"/>) exports <paramref name="symbol"/>.</summary>
    internal static bool Exports(string symbol)
    {
        lock (Gate)
            return _handle != IntPtr.Zero && NativeLibrary.TryGetExport(_handle, symbol, out _);
    }

    /// <summary>The names <see cref="Probe"/> tries when none is given.</summary>
    public static IReadOnlyList<string> CandidateNames() =>
        Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } overridden ? [overridden] : DefaultNames;

    private static unsafe BlasAvailability Describe(IntPtr handle, string name)
    {
        // OpenBLAS-only exports are optional: a plain CBLAS (reference, BLIS) still works, single-threaded or not.
        bool oneThread = false;
        if (NativeLibrary.TryGetExport(handle, OpenBlasNative.SetNumThreads, out var setThreads))
        {
            ((delegate* unmanaged[Cdecl]<int, void>)setThreads)(1);
            oneThread = true;
        }
        string? version = null, core = null;
        if (NativeLibrary.TryGetExport(handle, OpenBlasNative.GetConfig, out var config))
        {
            // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64": the first two words name it.
            var words = (Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<IntPtr>)config)()) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            version = words.Length >= 2 ? $"{words[0]} {words[1]}" : null;
        }
        if (NativeLibrary.TryGetExport(handle, OpenBlasNative.GetCoreName, out var coreName))
            core = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<IntPtr>)coreName)());
        var title = version ?? $"CBLAS from {name}";
        return new BlasAvailability(true, name, title, core,
            $"{title} loaded from {name}{(core is null ? "" : $", {core} kernels")}{(oneThread ? ", 1 thread" : "")}");
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != OpenBlasNative.Lib) return IntPtr.Zero;
        RequireLoaded();
        return _handle;
    }
}

/// <summary>Whether a CBLAS library can be used: where it came from, its name and version, the kernels it picked.</summary>
/// <param name="IsAvailable">True when the library loaded and exports <c>cblas_dgemm</c>.</param>
/// <param name="Library">The name or path it was loaded under.</param>
/// <param name="Message">One line for users: what loaded (kernels, threads), or what to install.</param>
/// <param name="Title">e.g. "OpenBLAS 0.3.21".</param>
/// <param name="Core">OpenBLAS's kernel family for this CPU (e.g. "Zen", "SkylakeX", "Haswell"), when known.</param>
public sealed record BlasAvailability(bool IsAvailable, string? Library, string? Title, string? Core, string Message);

/// <summary>A requested linear-algebra backend cannot be used (missing library, unknown setting): a setup problem.</summary>
public sealed class LinearAlgebraUnavailableException(string message) : Exception(message);
