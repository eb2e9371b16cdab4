using System.Diagnostics;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Verdicts;

namespace ImplicitReg.Solver.Constructions;

/// <summary>The verdict on each step of a derivation, and on the theorem.</summary>
public sealed record DerivationResult(Derivation Derivation, IReadOnlyList<(DerivationStep Step, Verdict Verdict)> Steps, TimeSpan Elapsed)
{
    /// <summary>Proved when every step is; otherwise the theorem is undecided by this derivation.</summary>
    public VerdictKind Kind => Steps.Count == Derivation.Steps.Count && Steps.All(s => s.Verdict.IsProved) ? VerdictKind.Proved : VerdictKind.Unknown;

    /// <summary>The slowest step (the per-obligation time budget applies to steps).</summary>
    public TimeSpan SlowestStep => Steps.Count == 0 ? TimeSpan.Zero : Steps.Max(s => s.Verdict.Elapsed);

    /// <summary>Why the derivation is not proved (the first step that is not), or null when it is.</summary>
    public string? Reason =>
        Steps.FirstOrDefault(s => !s.Verdict.IsProved) is var (step, v) && step is not null
            ? $"step '{step.Name}' was not proved ({v.Kind.ToString().ToLowerInvariant()}{(v.Reason is null ? "" : ": " + v.Reason)})"
            : null;
}

/// <summary>Proves a derivation step by step; stops at the first step that is not proved.</summary>
public static class DerivationCheck
{
    /// <summary>Proves the steps of <paramref name="derivation"/> in order, stopping at the first that is not proved.</summary>
    public static DerivationResult Run(Derivation derivation, Prover prover, CancellationToken cancel = default)
    {
        derivation.Validate();
        var clock = Stopwatch.StartNew();
        var results = new List<(DerivationStep, Verdict)>();
        foreach (var step in derivation.Steps)
        {
            cancel.ThrowIfCancellationRequested();
            var verdict = prover.Prove(derivation.StepObligation(step), cancel);
            results.Add((step, verdict));
            if (!verdict.IsProved) break;
        }
        return new DerivationResult(derivation, results, clock.Elapsed);
    }
}
