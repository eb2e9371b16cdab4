using ImplicitReg.Solver.Translation;

namespace ImplicitReg.Solver.Constructions;

/// <summary>What a catalogue entry must come out as: a claim is proved, a negative control refuted.</summary>
public enum Expectation
{
    /// <summary>The claim must be proved.</summary>
    Proved,
    /// <summary>The negative control must be refuted.</summary>
    Refuted,
}

/// <summary>An entry of an obligation catalogue: one claim, or a derivation proved step by step.</summary>
public abstract record CatalogueEntry(string Id, string Title, Expectation Expect);

/// <summary>A claim decided by one call of the prover (its abs sign cases aside).</summary>
public sealed record ClaimEntry(string Id, string Title, Expectation Expect, Obligation Obligation) : CatalogueEntry(Id, Title, Expect);

/// <summary>A theorem proved by a chain of small obligations.</summary>
public sealed record DerivationEntry(string Id, string Title, Derivation Derivation) : CatalogueEntry(Id, Title, Expectation.Proved);
