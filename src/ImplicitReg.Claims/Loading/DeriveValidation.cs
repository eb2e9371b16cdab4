using System.Globalization;
using ImplicitReg.Claims.Results;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Derivations.Costs;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Claims.Loading;

/// <summary>
/// What a derive check's data can be judged on when the file loads, so that it is a load error at its line (exit 2)
/// rather than an error verdict minutes later: every published formula must parse, and the options must fit the
/// work limit and memory budget of <c>implicitreg derive</c>.
/// </summary>
internal static class DeriveValidation
{
    /// <summary>
    /// Parses <paramref name="formula"/> as the derivation will: with the kernel's parser when the paper's formula for
    /// that key is kernel syntax, else as a matrix formula (<c>W(j+1)^T*W(j+1) - Wj*Wj^T</c>). Null when it parses,
    /// else the parser's reason. Whether its names are the ones the derivation binds is <see cref="CheckOptions"/>'s.
    /// </summary>
    public static string? FormulaProblem(PublishedFormula paper, string formula)
    {
        bool kernelSyntax = Problem(() => Parser.Parse(paper.Default)) is null;
        return kernelSyntax ? Problem(() => Parser.Parse(formula)) : Problem(() => MatrixFormula.Parse(formula));
    }

    /// <summary>
    /// The limits of <c>implicitreg derive</c> for these options: its fixed work limit (expanded monomials) and the
    /// memory hook of <paramref name="limits"/>; reported at <paramref name="at"/>. Nothing is checked without limits.
    /// </summary>
    public static void CheckCost(YamlReader r, SourceLocation at, DerivationInfo info, DerivationOptions options, RunLimits? limits)
    {
        if (limits is null) return;
        double work = DerivationCost.EstimateWork(info.Name, options);
        if (work > DerivationCost.WorkLimit)
        {
            r.Error(at, $"options are too large: {info.Name} would expand about {Scientific(work)} monomials, over the limit of " +
                        $"{Scientific(DerivationCost.WorkLimit)} (more than a few minutes of computing, as `implicitreg derive` refuses); choose a smaller depth or smaller dims");
            return;
        }
        try
        {
            limits.Memory?.Invoke("options.depth/options.dims", DerivationCost.EstimateBytes(info.Name, options), "the derivation's expressions");
        }
        catch (RunSpecException e)
        {
            r.Error(at, $"options {e.Reason}");
        }
    }

    /// <summary>
    /// The derivation's own judgement of the options and published formulas (<see cref="DerivationInfo.Check"/>, which
    /// derives nothing): a depth above its limit, layers of a shape it does not handle, a formula naming a symbol it does
    /// not bind. Reported at the formula the message names (<paramref name="locations"/>), else at <paramref name="at"/>.
    /// </summary>
    public static void CheckOptions(YamlReader r, SourceLocation at, DerivationInfo info, DerivationOptions options, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        try
        {
            info.Check(options);
        }
        catch (DerivationOptionException e)
        {
            var place = locations.FirstOrDefault(kv => e.Message.Contains($"'{kv.Key}'", StringComparison.Ordinal));
            r.Error(place.Value ?? at, place.Key is not null ? e.Message
                : $"{(e.NamesOption ? "" : "options: ")}{e.Spelled(ClaimKey)} ({OptionKeys(info)})");
        }
    }

    /// <summary>
    /// How a claim file spells a derive option: its key under <c>options</c> (<c>options.depth</c>), where the command
    /// line writes <c>--depth</c>; a message of the derivation names its options through this.
    /// </summary>
    public static string ClaimKey(string key) => "options." + key;

    // "derivation balancedness; its options: depth, dims, loss", the keys of the options it reads.
    private static string OptionKeys(DerivationInfo info)
    {
        var keys = info.OptionKeys.ToList();
        return keys.Count == 0 ? $"derivation {info.Name} takes no options" : $"derivation {info.Name}; its options: {string.Join(", ", keys)}";
    }

    private static string? Problem(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (ParseException e)
        {
            return e.Reason;
        }
        catch (Exception e) when (e is FormulaException or SymbolicException)
        {
            return e.Message;
        }
    }

    private static string Scientific(double v) => double.IsFinite(v) ? v.ToString("0.#E+0", CultureInfo.InvariantCulture) : "infinitely many";
}
