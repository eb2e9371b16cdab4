using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>Option reading that every <c>simulate</c> model (and <see cref="DmfOptionSet"/>) does the same way.</summary>
internal static class ModelOptions
{
    /// <summary>The <c>--loss</c> scale, <paramref name="defaultName"/> when absent (the parser already checked the name).</summary>
    public static LossScale Loss(string? given, string defaultName)
    {
        var lossText = given ?? defaultName;
        if (!LossScales.TryParse(lossText, out var scale))
            throw new CliUsageException($"--loss must be one of {string.Join("|", LossScales.Names)}, got '{lossText}'");
        return scale;
    }

    /// <summary>
    /// Builds the problem; the problem constructors reject impossible sizes with <see cref="ArgumentException"/>,
    /// whose message names the option, so it becomes a usage error (exit 2) rather than an internal one.
    /// </summary>
    public static T Problem<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
