namespace ImplicitReg.Claims.Results;

/// <summary>What a check found, independent of what the claim file expected.</summary>
public enum CheckVerdict
{
    /// <summary>The check's statement holds: the derivation matched, the solver proved it, the order fell in its band, every predicate held.</summary>
    Verified,

    /// <summary>The statement was shown false, with evidence (a disproved step, a counterexample, an order outside the band, a failing record).</summary>
    Refuted,

    /// <summary>Undecided (a solver timeout, a numeric-only identity). Never counts as a pass.</summary>
    Unknown,

    /// <summary>The check could not run (bad options, a run that diverged, an internal failure).</summary>
    Error,
}

/// <summary>What a claim file expects of a check: <c>expect: holds</c> or <c>expect: refuted</c>.</summary>
public enum Expectation
{
    /// <summary>The check must come back <see cref="CheckVerdict.Verified"/>.</summary>
    Holds,

    /// <summary>The check must come back <see cref="CheckVerdict.Refuted"/> (a negative control).</summary>
    Refuted,
}

/// <summary>The four kinds of check a claim file may contain.</summary>
public enum CheckKind
{
    /// <summary>A derivation of the kernel, compared with the published formula of the claim file.</summary>
    Derive,

    /// <summary>A statement proved or refuted by the solver.</summary>
    Prove,

    /// <summary>Gradient descent against the derived flow (or the singular-value equation) as the step shrinks.</summary>
    Compare,

    /// <summary>A recorded gradient-descent run and predicates over its series.</summary>
    Simulate,
}

/// <summary>The lower-case names every renderer uses.</summary>
public static class ResultNames
{
    /// <summary><c>verified</c>, <c>refuted</c>, <c>unknown</c> or <c>error</c>.</summary>
    public static string Of(CheckVerdict v) => v switch
    {
        CheckVerdict.Verified => "verified",
        CheckVerdict.Refuted => "refuted",
        CheckVerdict.Unknown => "unknown",
        _ => "error",
    };

    /// <summary><c>holds</c> or <c>refuted</c>, as written in claim files.</summary>
    public static string Of(Expectation e) => e == Expectation.Holds ? "holds" : "refuted";

    /// <summary><c>derive</c>, <c>prove</c>, <c>compare</c> or <c>simulate</c>, as written in claim files.</summary>
    public static string Of(CheckKind k) => k.ToString().ToLowerInvariant();
}
