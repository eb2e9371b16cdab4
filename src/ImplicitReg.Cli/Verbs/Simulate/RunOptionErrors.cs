using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>Turns an invalid run option found in ImplicitReg.Experiments into a usage error (exit 2) with the same message.</summary>
internal static class RunOptionErrors
{
    /// <summary>Runs <paramref name="build"/>, mapping <see cref="RunSpecException"/> to <see cref="CliUsageException"/>.</summary>
    public static T Guard<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RunSpecException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
