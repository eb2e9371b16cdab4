using System.Text.Json;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>E4's results and claim checks, computed from the run records alone (so a merge summarises like a whole run).</summary>
public static class E4Summary
{
    /// <summary>A PSD flow matches the minimum-trace completion when its relative Frobenius distance is at most this at the smallest α.</summary>
    public const double MatchTolerance = 1e-2;

    /// <summary>A u∘u flow matches the minimum-ℓ₁ solution when its relative ℓ₁ distance is at most this at the smallest α.</summary>
    public const double UuTolerance = 5e-2;

    /// <summary>A flow's limit whose trace exceeds the certified minimum by more than this (relative) is no minimum-trace completion.</summary>
    public const double TraceExcess = 1e-3;

    /// <summary>(tr X_flow − min tr) / min tr at the smallest α.</summary>
    internal static double Excess(RunRecord r) => (r.Numbers("traceFlow")[^1] - r.Number("minTrace")) / r.Number("minTrace");

    private static string G(double x) => E4Gunasekar.G(x);
    private static string F(double x) => E4Gunasekar.F(x);

    // "the other 2 are near ties", "the other one is a near tie": the sentence's verb follows the count too.
    private static string NearTies(int n) => n == 1 ? "the other one is a near tie" : $"the other {n} are near ties";

    private static string I(int x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddLine(List<SummaryPart> parts, string text) => parts.Add(new SummaryLine(text));

    private static bool AllConverged(RunRecord r) => r.Numbers("converged").All(c => c == 1);

    /// <summary>The PSD and u∘u results (lines and tables) and the two claims, from the records of a complete sweep.</summary>
    public static ReproductionSummary Summarise(IReadOnlyList<RunRecord> records)
    {
        var psd = records.Where(r => r.Text("kind") == "psd").ToList();
        var uu = records.Where(r => r.Text("kind") == "uu").ToList();
        var parts = new List<SummaryPart>();
        var claims = new List<ClaimCheck>();
        if (psd.Count > 0)
        {
            PsdLines(psd, parts);
            claims.Add(PsdClaim(psd));
        }
        if (uu.Count > 0)
        {
            UuLines(uu, parts);
            claims.Add(UuClaim(uu));
        }
        return new ReproductionSummary(parts, w => E4Json.WriteBody(w, psd, uu), claims);
    }

    /// <summary>Unique problems with a certified baseline whose flows all converged: those the claim is decided on.</summary>
    internal static List<RunRecord> Decided(IEnumerable<RunRecord> psd) =>
        psd.Where(r => r.Text("class") == "unique" && AllConverged(r)).ToList();

    private static void PsdLines(List<RunRecord> psd, List<SummaryPart> parts)
    {
        var converged = psd.Where(r => r.Text("baselineStatus") == "converged").ToList();
        var gap = converged.Count == 0 ? double.NaN : converged.Max(r => Math.Abs(r.Number("relativeGap")));
        AddLine(parts, $"PSD 3x3 completions: {psd.Count} problems; min-trace baseline converged in {converged.Count} (largest relative duality gap {G(gap)}), undecided in {psd.Count - converged.Count}");
        int Count(string c) => psd.Count(r => r.Text("class") == c);
        AddLine(parts, $"  classes: {Count("unique")} unique min-trace completion, {Count("trivial")} trivial (every diagonal entry observed: the trace is fixed), {Count("not unique")} not unique, {Count("undecided")} undecided");
        var notConverged = psd.Where(r => !AllConverged(r)).Select(r => r.Id).ToList();
        AddLine(parts, $"  flows not reaching loss {F(E4Gunasekar.StopLoss)}: {(notConverged.Count == 0 ? "none" : string.Join(", ", notConverged))}");
        var decided = Decided(psd);
        AddLine(parts, $"  relative distance |X_flow - X_mintrace|_F / |X_mintrace|_F over the {decided.Count} unique problems:");
        var byAlpha = new List<IReadOnlyList<string>>();
        for (int a = 0; a < E4Gunasekar.PsdAlphas.Length; a++)
        {
            var d = decided.Select(r => r.Numbers("distance")[a]).Order().ToList();
            if (d.Count == 0) continue;
            byAlpha.Add([F(E4Gunasekar.PsdAlphas[a]), G(RunMedian.Of(d)), G(d[^1]), $"{d.Count(x => x <= MatchTolerance)}/{d.Count}"]);
        }
        parts.Add(new SummaryTable(["alpha", "median", "max", $"matches (<= {F(MatchTolerance)})"], byAlpha, [1, 2, 3]));
        foreach (var rank in E4Gunasekar.Ranks)
        {
            var ofRank = decided.Where(r => r.Number("rank") == rank).ToList();
            if (ofRank.Count == 0) continue;
            AddLine(parts, $"  rank-{rank} targets: {ofRank.Count(r => r.Numbers("distance")[^1] <= MatchTolerance)} of {ofRank.Count} match at alpha {F(E4Gunasekar.PsdAlphas[^1])}; " +
                      $"{ofRank.Count(r => Excess(r) > TraceExcess)} end with a trace more than {F(TraceExcess)} (relative) above the minimum");
        }
        AddLine(parts, $"  by pattern (distance at alpha {F(E4Gunasekar.PsdAlphas[^1])}):");
        var byPattern = new List<IReadOnlyList<string>>();
        foreach (var group in psd.GroupBy(r => r.Text("pattern")))
        {
            var u = Decided(group);
            var largest = u.Count == 0 ? double.NaN : u.Max(r => r.Numbers("distance")[^1]);
            byPattern.Add([group.Key, I(group.Count()), I(u.Count), I(u.Count(r => r.Numbers("distance")[^1] <= MatchTolerance)), G(largest)]);
        }
        parts.Add(new SummaryTable(["pattern", "problems", "unique", "matched", "largest distance"], byPattern, [1, 2, 3, 4]));
        var mismatches = decided.Where(r => r.Numbers("distance")[^1] > MatchTolerance).ToList();
        if (mismatches.Count > 0)
        {
            AddLine(parts, $"  mismatches at alpha {F(E4Gunasekar.PsdAlphas[^1])} (distance by alpha; trace of the flow's limit vs the minimum trace):");
            foreach (var r in mismatches)
                AddLine(parts, $"    {r.Id}: distance {string.Join(" / ", r.Numbers("distance").Select(G))}; trace {G(r.Numbers("traceFlow")[^1])} vs {G(r.Number("minTrace"))} (excess {G(Excess(r))}{(Excess(r) > TraceExcess ? "" : ", near tie")})");
        }
        var fixedTrace = psd.Where(r => r.Text("class") is "trivial" or "not unique" && AllConverged(r) && r.Text("baselineStatus") == "converged").ToList();
        if (fixedTrace.Count > 0)
        {
            var excess = fixedTrace.Max(r => (r.Numbers("traceFlow")[^1] - r.Number("minTrace")) / r.Number("minTrace"));
            AddLine(parts, $"  trivial and not-unique problems ({fixedTrace.Count}): largest relative excess of the flow's trace over the minimum trace {G(excess)}");
        }
    }

    private static ClaimCheck PsdClaim(List<RunRecord> psd)
    {
        var claim = $"with a small initialization U(0) = alpha I, gradient flow on X = U U^T converges to the minimum trace (= nuclear norm) PSD completion (Gunasekar et al. 2017, conjecture): relative distance <= {F(MatchTolerance)} at alpha {F(E4Gunasekar.PsdAlphas[^1])} for every problem with a unique, certified minimum";
        var decided = Decided(psd);
        if (decided.Count == 0) return new ClaimCheck(claim, Support.Undecided, "no problem has a unique certified minimum-trace completion and converged flows");
        var bad = decided.Where(r => r.Numbers("distance")[^1] > MatchTolerance).ToList();
        var shrinking = decided.Count(r => Shrinks(r.Numbers("distance")));
        // A mismatch whose trace is within TraceExcess of the minimum is a near tie: the objective is so flat along the
        // feasible set that a trace change below the flow's and the solver's resolution moves the point by more than the
        // match tolerance. Only mismatches with a clearly larger trace contradict the conjecture.
        var clear = bad.Where(r => Excess(r) > TraceExcess).ToList();
        var evidence = $"{decided.Count - bad.Count} of {decided.Count} unique problems match; the distance shrinks as alpha decreases in {shrinking} of {decided.Count}" +
                       (bad.Count == 0 ? "" : $"; {clear.Count} of the {bad.Count} mismatches end with a trace more than {F(TraceExcess)} (relative) above the certified minimum, " +
                                              $"so their limit is no minimum-trace completion at all; {NearTies(bad.Count - clear.Count)} (trace within {F(TraceExcess)})");
        if (bad.Count == 0) return new ClaimCheck(claim, Support.Supported, evidence);
        if (clear.Count == 0) return new ClaimCheck(claim, Support.Undecided, $"{evidence}: the mismatches are all near ties ({string.Join(", ", bad.Select(r => r.Id))})");
        return new ClaimCheck(claim, Support.NotSupported, $"{evidence}; clear mismatches: {string.Join(", ", clear.Select(r => $"{r.Id} ({G(r.Numbers("distance")[^1])}, trace +{G(Excess(r))})"))}");
    }

    /// <summary>Non-increasing along the α sequence (or already below 1e-4, where the loss tolerance dominates).</summary>
    internal static bool Shrinks(double[] distances) =>
        distances.Zip(distances.Skip(1), (a, b) => b <= a || b < 1e-4).All(x => x);

    private static void UuLines(List<RunRecord> uu, List<SummaryPart> parts)
    {
        var unique = uu.Where(r => r.Number("lpUnique") == 1 && AllConverged(r)).ToList();
        AddLine(parts, $"x = u o u corollary: {uu.Count} problems; exact minimum-l1 optimum in {uu.Count(r => r.Text("lpStatus") == "optimal")}, unique in {uu.Count(r => r.Number("lpUnique") == 1)}; " +
                  $"equal to x* in {uu.Count(r => r.Text("lpStatus") == "optimal" && r.Numbers("minL1Solution").SequenceEqual(r.Numbers("xStar")))}");
        AddLine(parts, $"  relative l1 distance |x_flow - x_l1|_1 / |x_l1|_1 over the {unique.Count} problems with a unique optimum and converged flows:");
        var byAlpha = new List<IReadOnlyList<string>>();
        for (int a = 0; a < E4Gunasekar.UuAlphas.Length; a++)
        {
            var d = unique.Select(r => r.Numbers("distance")[a]).Order().ToList();
            if (d.Count == 0) continue;
            byAlpha.Add([F(E4Gunasekar.UuAlphas[a]), G(RunMedian.Of(d)), G(d[^1])]);
        }
        parts.Add(new SummaryTable(["alpha", "median", "max"], byAlpha, [1, 2]));
    }

    private static ClaimCheck UuClaim(List<RunRecord> uu)
    {
        var claim = $"non-negative least squares with x = u o u from u(0) = alpha 1 converges to the minimum-l1 non-negative solution as alpha -> 0 (Gunasekar et al. 2017, corollary): the distance shrinks along alpha {string.Join(", ", E4Gunasekar.UuAlphas.Select(F))} and is <= {F(UuTolerance)} at the smallest";
        var unique = uu.Where(r => r.Number("lpUnique") == 1 && AllConverged(r)).ToList();
        if (unique.Count == 0) return new ClaimCheck(claim, Support.Undecided, "no problem has a unique minimum-l1 solution and converged flows");
        var bad = unique.Where(r => !Shrinks(r.Numbers("distance")) || r.Numbers("distance")[^1] > UuTolerance).ToList();
        var evidence = $"{unique.Count - bad.Count} of {unique.Count} problems with a unique optimum; distance at alpha {F(E4Gunasekar.UuAlphas[^1])}: largest {G(unique.Max(r => r.Numbers("distance")[^1]))}";
        return bad.Count == 0
            ? new ClaimCheck(claim, Support.Supported, evidence)
            : new ClaimCheck(claim, Support.NotSupported, $"{evidence}; against: {string.Join(", ", bad.Select(r => $"{r.Id} ({string.Join(" / ", r.Numbers("distance").Select(G))})"))}");
    }
}
