using System.CommandLine;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// <c>--rtol</c> and <c>--atol</c> of every verb that integrates: each must be a finite number in [0, 1), and not
/// both 0 (the step-size control divides by rtol·|y| + atol). One definition, so every verb rejects the same values
/// with the same words.
/// </summary>
public sealed class Tolerances
{
    /// <summary>Creates the two options with their defaults.</summary>
    public Tolerances(double relativeDefault, double absoluteDefault)
    {
        Relative = CliOptions.Double("--rtol", "relative tolerance of the adaptive integrator", relativeDefault, Valid, "in [0, 1)");
        Absolute = CliOptions.Double("--atol", "absolute tolerance of the adaptive integrator", absoluteDefault, Valid, "in [0, 1)");
    }

    /// <summary>The <c>--rtol</c> option.</summary>
    public Option<double> Relative { get; }

    /// <summary>The <c>--atol</c> option.</summary>
    public Option<double> Absolute { get; }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Relative);
        command.Options.Add(Absolute);
    }

    /// <summary>The parsed pair; both zero is a usage error.</summary>
    public (double Relative, double Absolute) Read(ParseResult result)
    {
        var rtol = result.GetValue(Relative);
        var atol = result.GetValue(Absolute);
        if (rtol == 0 && atol == 0)
            throw new CliUsageException("--rtol and --atol cannot both be 0: the step-size control needs a positive tolerance");
        return (rtol, atol);
    }

    private static bool Valid(double v) => v >= 0 && v < 1;
}
