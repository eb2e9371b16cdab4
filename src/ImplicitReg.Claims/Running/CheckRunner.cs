using System.Diagnostics;
using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;

namespace ImplicitReg.Claims.Running;

/// <summary>Runs one check, timed; any failure inside becomes an error verdict with its message, never a crash.</summary>
public static class CheckRunner
{
    /// <summary>Runs <paramref name="check"/> of <paramref name="claim"/> and times it. Anything that stops the check (bad input, a missing solver, a bug, an interruption) becomes an error verdict with its message and place, never an exception, so one check cannot stop the others.</summary>
    public static CheckResult Run(ClaimSpec claim, CheckSpec check, CheckContext context)
    {
        var clock = Stopwatch.StartNew();
        CheckVerdict verdict;
        string evidence;
        string? reason;
        CheckEvidence? details;
        bool badInput = false;
        try
        {
            context.Cancel.ThrowIfCancellationRequested();
            (verdict, evidence, reason, details) = check switch
            {
                DeriveCheckSpec d => DeriveCheck.Run(claim, d, context),
                ProveCheckSpec p => Widen(ProveCheck.Run(claim, p, context)),
                CompareCheckSpec c => Widen(CompareCheck.Run(c, context)),
                SimulateCheckSpec s => Widen(SimulateCheck.Run(s, context)),
                _ => throw new InvalidOperationException($"unknown check kind {check.GetType().Name}"),
            };
        }
        catch (ClaimDataException e)
        {
            (verdict, evidence, reason, details) = (CheckVerdict.Error, "bad options or formula", $"{e.Message}; change the claim file", null);
            badInput = true;
        }
        catch (OperationCanceledException)
        {
            (verdict, evidence, reason, details) = (CheckVerdict.Error, "interrupted", "the run was interrupted before this check finished", null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A check that cannot run is reported, with its place, rather than stopping the others; the message is the
            // user's to read, never an exception type name.
            (verdict, evidence, reason, details) = (CheckVerdict.Error, Short(e.Message), $"{check.Location}: {e.Message}", null);
        }
        var result = new CheckResult
        {
            ClaimId = claim.Id,
            CheckId = check.Id,
            Kind = check.Kind,
            Expected = check.Expect,
            Verdict = verdict,
            Time = clock.Elapsed,
            Evidence = evidence,
            Reason = reason,
            Location = check.Location,
            Details = details,
            BadInput = badInput,
        };
        // A mismatch says why: when the verdict is not the expected one and there is no reason yet, give the evidence and place.
        if (!result.Passed && result.Reason is null)
            result = result with { Reason = $"{check.Location}: expected {ResultNames.Of(check.Expect)}, got {ResultNames.Of(verdict)}: {evidence}" };
        return result;
    }

    private static (CheckVerdict, string, string?, CheckEvidence?) Widen((CheckVerdict, string, string?, CheckEvidence) r) => r;

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
