namespace ImplicitReg.Models.Derivations;

/// <summary>The kernel's verdict on one step of a derivation, and on its conclusion.</summary>
public enum Verdict
{
    /// <summary>A definition or the statement of the setting: nothing to check.</summary>
    Definition,

    /// <summary>A hypothesis of the claim (balanced initialization, σ &gt; 0): assumed, not checked.</summary>
    Assumed,

    /// <summary>Computed by the kernel (differentiation, substitution): true by construction.</summary>
    Derived,

    /// <summary>An identity the kernel proved exactly (the difference expands to 0).</summary>
    Proved,

    /// <summary>Refuted: an exact witness point where the two sides differ.</summary>
    Disproved,

    /// <summary>Equal at sampled points but not proved: evidence, never a proof.</summary>
    NumericOnly,
}

/// <summary>Lower-case names used in every output format.</summary>
public static class Verdicts
{
    /// <summary>The output name of <paramref name="v"/>: <c>definition</c>, <c>assumed</c>, <c>derived</c>, <c>proved</c>, <c>disproved</c> or <c>numeric only</c>.</summary>
    public static string Name(Verdict v) => v switch
    {
        Verdict.Definition => "definition",
        Verdict.Assumed => "assumed",
        Verdict.Derived => "derived",
        Verdict.Proved => "proved",
        Verdict.Disproved => "disproved",
        Verdict.NumericOnly => "numeric only",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    /// <summary>
    /// The weakest of several CHECK verdicts: any disproof wins, then numeric-only, then proved. Only the verdicts
    /// of kernel checks (Proved, Disproved, NumericOnly) may be combined: a Definition/Assumed/Derived step carries no
    /// check, and letting it count as proved would turn an assumption into a "proved" conclusion, so it is rejected.
    /// </summary>
    public static Verdict Weakest(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        var unchecked_ = list.FirstOrDefault(v => v is Verdict.Definition or Verdict.Assumed or Verdict.Derived, Verdict.Proved);
        if (unchecked_ != Verdict.Proved)
            throw new ArgumentException($"a '{Name(unchecked_)}' step is not a check: only proved, disproved or numeric-only verdicts decide a conclusion", nameof(verdicts));
        if (list.Contains(Verdict.Disproved)) return Verdict.Disproved;
        if (list.Contains(Verdict.NumericOnly)) return Verdict.NumericOnly;
        return Verdict.Proved;
    }
}
