using System.Globalization;

namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// The seeds a run takes: 0 to 2,147,483,647 (<see cref="int.MaxValue"/>). The generator behind
/// <see cref="Simulators.SeededRandom"/>, <see cref="Random"/> with a seed, starts from |seed| (and from
/// <see cref="int.MaxValue"/> for <see cref="int.MinValue"/>), so seed -3 would draw exactly what seed 3 draws while
/// being recorded as another seed. Negative seeds are therefore refused, by the verbs and in claim files alike, with
/// the wording written once here.
/// </summary>
public static class RunSeed
{
    /// <summary>The largest seed.</summary>
    public const int Max = int.MaxValue;

    /// <summary>The range as the help and the messages write it.</summary>
    public static string Range { get; } = string.Create(CultureInfo.InvariantCulture, $"0 to {Max}");

    /// <summary>
    /// What is wrong with <paramref name="seed"/>, completing a sentence that starts with the option's name
    /// (<c>--seed must be …</c>, <c>run.seed must be …</c>), or null when it is a valid seed.
    /// </summary>
    public static string? Problem(long seed) => seed is >= 0 and <= Max ? null : string.Create(CultureInfo.InvariantCulture,
        $"must be between 0 and {Max}, got {seed}: the generator starts from |seed|, so a negative seed would repeat the draws of its absolute value; choose a seed in {Range}");

    /// <summary>The seed of a run that names none.</summary>
    public const int Default = 0;

    /// <summary>Refuses a <paramref name="seed"/> outside the range with a <see cref="RunSpecException"/> naming <c>seed</c>.</summary>
    public static int Check(int seed) => Problem(seed) is { } problem ? throw new RunSpecException("seed", problem) : seed;

    /// <summary>
    /// The seed of every random choice of the run <paramref name="spec"/> describes: its <see cref="RunSpec.Seed"/>, or
    /// <see cref="Default"/> when it names none; a seed outside the range is refused as <see cref="Check"/> refuses it.
    /// </summary>
    public static int Of(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Check(spec.Seed ?? Default);
    }
}
