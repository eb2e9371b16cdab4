using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// A published scalar formula in the kernel's syntax (parsed by the kernel's own parser), restricted to the names
/// the derivation binds, so a typo is an error naming the key instead of a silently free symbol.
/// </summary>
public static class ScalarFormula
{
    /// <summary>Parses <paramref name="formula"/>; a syntax error or a name outside <paramref name="names"/> is a <see cref="DerivationOptionException"/>.</summary>
    public static Expr Parse(string formula, string key, IReadOnlyCollection<string> names)
    {
        Expr e;
        try
        {
            e = Parser.ParseExpression(formula);
        }
        catch (ParseException ex)
        {
            throw new DerivationOptionException($"published formula '{key}' = '{formula}': {ex.Message}");
        }
        var unknown = Algebra.FreeSymbols(e).Select(s => s.Name).Where(n => !names.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new DerivationOptionException($"published formula '{key}' = '{formula}' uses {string.Join(", ", unknown.Select(n => $"'{n}'"))}; its names are {string.Join(", ", names)}");
        return e;
    }
}
