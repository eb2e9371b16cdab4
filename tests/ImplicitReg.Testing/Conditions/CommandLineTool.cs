using Xunit;

namespace ImplicitReg.Testing.Conditions;

/// <summary>Whether a command-line tool (z3, cvc5) is on the PATH.</summary>
public static class CommandLineTool
{
    public static bool IsOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));
    }

    public static string SkipReason(string name) =>
        $"the {name} command-line solver is not installed: install it with `sudo apt-get install {name}` (or run `bash scripts/setup.sh`)";
}

/// <summary>A fact skipped (with the install command) unless libz3 and the named command-line solvers are all present.</summary>
public sealed class RequiresSolversFactAttribute : FactAttribute
{
    public RequiresSolversFactAttribute(params string[] tools)
    {
        if (!NativeZ3.IsAvailable) Skip = NativeZ3.SkipReason;
        else if (tools.FirstOrDefault(t => !CommandLineTool.IsOnPath(t)) is { } missing) Skip = CommandLineTool.SkipReason(missing);
    }
}
