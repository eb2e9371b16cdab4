using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// A published scalar formula in the kernel's syntax (parsed by the kernel's own parser), restricted to the names
/// the derivation binds, so a typo is an error naming the key instead of a silently free symbol. It keeps its
/// <see cref="Written"/> domain: the kernel folds <c>0*sqrt(sigma - 5)</c> to 0, but as written that formula says
/// nothing for sigma &lt; 5, so <see cref="IdentityCheck.Equal(Expr, ScalarFormula, string, SampleDomain?)"/> counts
/// a point of the derivation's domain outside it as a difference. Substitute through this type, never through
/// <see cref="Value"/> alone, so the conditions follow the formula wherever it is used.
/// </summary>
/// <param name="Value">The formula's canonical form.</param>
/// <param name="Written">Where the formula, as written, is defined (divisors non-zero, roots of non-negatives, …).</param>
public sealed record ScalarFormula(Expr Value, IReadOnlyList<Statement> Written)
{
    /// <summary>
    /// Parses <paramref name="formula"/>; a syntax error, a name outside <paramref name="names"/>, or a formula defined
    /// nowhere as written (<c>0*sqrt(-1 - sigma^2)</c>) is a <see cref="DerivationOptionException"/> naming the key.
    /// </summary>
    public static ScalarFormula Parse(string formula, string key, IReadOnlyCollection<string> names)
    {
        Expr e;
        IReadOnlyList<Statement> written;
        try
        {
            e = Parser.ParseWithDomain(formula, out written);
        }
        catch (ParseException ex)
        {
            throw new DerivationOptionException($"published formula '{key}' = '{formula}': {ex.Message}");
        }
        var unknown = Algebra.FreeSymbols([e, .. written]).Select(s => s.Name).Where(n => !names.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new DerivationOptionException($"published formula '{key}' = '{formula}' uses {string.Join(", ", unknown.Select(n => $"'{n}'"))}; its names are {string.Join(", ", names)}");
        // A formula defined nowhere "equals" anything vacuously: refuse it as input rather than judge it.
        if (Algebra.SearchWhereDefined(written, IdentityCheck.Seed) is { Found: false } search)
            throw new DerivationOptionException(
                $"published formula '{key}' = '{formula}' is defined nowhere as written: no real point where {string.Join(", ", written)} " +
                $"was found in {search.Tries} tries (seed {search.Seed}); write the formula without the undefined term");
        return new ScalarFormula(e, written);
    }

    /// <summary>The formula with each name of <paramref name="map"/> replaced, in its value and its written domain alike.</summary>
    public ScalarFormula Substitute(IReadOnlyDictionary<Expr, Expr> map) =>
        new(Algebra.Substitute(Value, map), [.. Written.Select(c => AsStatement(Algebra.Substitute(c, map)))]);

    /// <summary>The formula with <paramref name="name"/> replaced by <paramref name="value"/>.</summary>
    public ScalarFormula Substitute(Sym name, Expr value) => Substitute(new Dictionary<Expr, Expr> { [name] = value });

    /// <summary>
    /// The formula with <paramref name="name"/> replaced by another published formula: defined where both are
    /// (an exponent in kappa, with kappa itself published).
    /// </summary>
    public ScalarFormula Substitute(Sym name, ScalarFormula value)
    {
        var outer = Substitute(name, value.Value);
        return new(outer.Value, [.. outer.Written.Concat(value.Written).Distinct()]);
    }

    /// <summary>
    /// The value rewritten by <paramref name="rewrite"/> (e.g. powers of positive bases combined), the written domain
    /// kept: a rewrite valid on the derivation's domain does not change where the formula as written is defined.
    /// </summary>
    public ScalarFormula Rewrite(Func<Expr, Expr> rewrite) => this with { Value = rewrite(Value) };

    // A substituted condition stays a statement (a relation, or true/false once every name is a number).
    private static Statement AsStatement(Expr e) =>
        e as Statement ?? throw new InvalidOperationException($"a written condition became the expression {e} under substitution");

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
