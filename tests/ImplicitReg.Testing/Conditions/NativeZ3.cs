using System.Runtime.InteropServices;
using Xunit;

namespace ImplicitReg.Testing.Conditions;

/// <summary>
/// Whether libz3 can be loaded in this process, probed with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>
/// under the names the solver itself tries (or the <c>IMPLICITREG_Z3_LIBRARY</c> override). Kept independent of
/// the solver assembly so that every test project can skip without loading it.
/// </summary>
public static class NativeZ3
{
    public const string SkipReason =
        "libz3 is not installed: install it with `sudo apt-get install libz3-4` (or run `bash scripts/setup.sh`)";

    private static readonly Lazy<bool> Available = new(() =>
    {
        var overridden = Environment.GetEnvironmentVariable("IMPLICITREG_Z3_LIBRARY");
        string[] names = overridden is { Length: > 0 } ? [overridden] : ["libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll", "z3"];
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            var ok = NativeLibrary.TryGetExport(handle, "Z3_mk_context", out _);
            if (ok) return true;
        }
        return false;
    });

    public static bool IsAvailable => Available.Value;
}

/// <summary>A fact that is reported as skipped, with the install command, when libz3 cannot be loaded.</summary>
public sealed class RequiresZ3FactAttribute : FactAttribute
{
    public RequiresZ3FactAttribute()
    {
        if (!NativeZ3.IsAvailable) Skip = NativeZ3.SkipReason;
    }
}

/// <summary>A theory that is reported as skipped, with the install command, when libz3 cannot be loaded.</summary>
public sealed class RequiresZ3TheoryAttribute : TheoryAttribute
{
    public RequiresZ3TheoryAttribute()
    {
        if (!NativeZ3.IsAvailable) Skip = NativeZ3.SkipReason;
    }
}
