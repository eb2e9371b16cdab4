using System.Diagnostics;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Verdicts;

namespace ImplicitReg.Solver.Constructions;

/// <summary>The outcome of one catalogue entry: the verdict, the slowest obligation, and whether it met its expectation.</summary>
public sealed record EntryResult(CatalogueEntry Entry, VerdictKind Kind, TimeSpan Elapsed, TimeSpan SlowestObligation, int Obligations,
    Verdict? Verdict, DerivationResult? Derivation, string? Reason)
{
    /// <summary>True when the verdict is the one the entry expects.</summary>
    public bool AsExpected => Entry.Expect switch
    {
        Expectation.Proved => Kind == VerdictKind.Proved,
        _ => Kind == VerdictKind.Refuted,
    };
}

/// <summary>Runs catalogue entries with a prover.</summary>
public static class CatalogueRunner
{
    /// <summary>Decides one entry with <paramref name="prover"/> and times it.</summary>
    public static EntryResult Run(CatalogueEntry entry, Prover prover, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        switch (entry)
        {
            case ClaimEntry c:
            {
                var v = prover.Prove(c.Obligation, cancel);
                return new EntryResult(entry, v.Kind, clock.Elapsed, v.Elapsed, 1, v, null, v.Reason);
            }
            case DerivationEntry d:
            {
                var r = DerivationCheck.Run(d.Derivation, prover, cancel);
                return new EntryResult(entry, r.Kind, clock.Elapsed, r.SlowestStep, r.Steps.Count, null, r, r.Reason);
            }
            default:
                throw new ArgumentException($"unknown catalogue entry {entry.GetType().Name}", nameof(entry));
        }
    }
}
