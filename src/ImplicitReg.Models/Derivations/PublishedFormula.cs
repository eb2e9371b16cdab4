namespace ImplicitReg.Models.Derivations;

/// <summary>
/// A published formula a derivation compares with, given as data: its key (what a claim file or
/// <see cref="DerivationOptions.Published"/> names), the paper's formula in the toolkit's syntax (the default), and
/// what the formula's names stand for. A negative control is this data with a wrong formula.
/// </summary>
public sealed record PublishedFormula(string Key, string Default, string Meaning)
{
    /// <summary>
    /// The formulas to use: each key's default, replaced by <see cref="DerivationOptions.Published"/> where given.
    /// An unknown key is a <see cref="DerivationOptionException"/> that lists the known ones.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(DerivationInfo info, DerivationOptions options)
    {
        var result = info.Published.ToDictionary(p => p.Key, p => p.Default, StringComparer.Ordinal);
        foreach (var (key, formula) in options.Published ?? new Dictionary<string, string>())
        {
            if (!result.ContainsKey(key))
                throw new DerivationOptionException(info.Published.Count == 0
                    ? $"{info.Name} compares with no published formula, so '{key}' cannot be given"
                    : $"{info.Name} has no published formula '{key}'; its keys: {string.Join(", ", info.Published.Select(p => p.Key))}");
            if (string.IsNullOrWhiteSpace(formula)) throw new DerivationOptionException($"the published formula '{key}' of {info.Name} is empty");
            result[key] = formula;
        }
        return result;
    }

    /// <summary>True when every formula is the paper's (nothing overridden, or overridden by the same text).</summary>
    public static bool AllDefault(DerivationInfo info, IReadOnlyDictionary<string, string> formulas) =>
        info.Published.All(p => formulas[p.Key] == p.Default);
}
