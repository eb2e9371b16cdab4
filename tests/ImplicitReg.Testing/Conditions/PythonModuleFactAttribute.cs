using System.Collections.Concurrent;
using ImplicitReg.Testing.Peers;
using Xunit;

namespace ImplicitReg.Testing.Conditions;

/// <summary>
/// A fact that runs only when <c>python3</c> can import a module (optionally of a given version prefix);
/// otherwise it is reported as SKIPPED with the reason — never failed, never silently passed.
/// <example><c>[PythonModuleFact("sympy", "1.14")]</c></example>
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonModuleFactAttribute : FactAttribute
{
    public PythonModuleFactAttribute(string module, string? versionPrefix = null)
    {
        if (!PythonModules.Available(module, versionPrefix, out var reason)) Skip = reason;
    }
}

/// <summary>The theory counterpart of <see cref="PythonModuleFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonModuleTheoryAttribute : TheoryAttribute
{
    public PythonModuleTheoryAttribute(string module, string? versionPrefix = null)
    {
        if (!PythonModules.Available(module, versionPrefix, out var reason)) Skip = reason;
    }
}

/// <summary>Probes python3 once per (module, version) per test run.</summary>
public static class PythonModules
{
    private static readonly ConcurrentDictionary<(string, string?), (bool Ok, string Reason)> Cache = new();

    public static bool Available(string module, string? versionPrefix, out string reason)
    {
        var (ok, why) = Cache.GetOrAdd((module, versionPrefix), key =>
        {
            bool found = PythonRunner.HasModule(key.Item1, key.Item2, out var r);
            return (found, r);
        });
        reason = why;
        return ok;
    }
}
