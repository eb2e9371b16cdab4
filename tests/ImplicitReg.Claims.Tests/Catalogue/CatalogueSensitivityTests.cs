using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Testing.Conditions;
using Xunit;
using Xunit.Abstractions;

namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>
/// How sensitive the catalogue's verified checks are: every check expected to hold is run again with its stated data
/// slightly wrong (<see cref="CatalogueMutants"/>, <see cref="FormulaMutants"/>), through the loader and runner
/// <c>verify</c> uses. A mutant that still comes back verified is a survivor; a survivor must be listed, with the reason
/// the mathematics gives (an equivalent mutant, a weaker or a stronger statement that is also true), in
/// <c>mutant-survivors.txt</c> beside this file, so a new survivor (a check that a wrong formula passes) fails the test.
/// CI runs a seeded subset (every claim file and every check kind, the mutants that once revealed a weak check, and
/// seeded others); <c>IMPLICITREG_MUTANTS=full</c> runs every mutant, <c>IMPLICITREG_MUTANTS_SEED</c> changes the
/// seed. The table (check, field, mutation, outcome) is printed and written to <c>$TMPDIR/implicitreg-mutants.txt</c>.
/// </summary>
public sealed class CatalogueSensitivityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The default seed: the occurrence each operator edits and the subset CI runs.</summary>
    private const int DefaultSeed = 7;

    /// <summary>Mutants CI runs besides one per claim file and check kind and the pinned ones.</summary>
    private const int Extra = 24;

    /// <summary>Mutants that once survived because the check or the claim was too weak; CI always runs them (regressions).</summary>
    private static readonly string[] Pinned = [];

    private readonly string _dir = ClaimText.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresZ3Fact]
    public void EveryMutantOfAVerifiedCheckIsKilledOrAListedSurvivor()
    {
        var clock = Stopwatch.StartNew();
        bool full = string.Equals(Environment.GetEnvironmentVariable("IMPLICITREG_MUTANTS"), "full", StringComparison.OrdinalIgnoreCase);
        int seed = int.TryParse(Environment.GetEnvironmentVariable("IMPLICITREG_MUTANTS_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var root = ImplicitReg.Testing.RepositoryRoot.Path;
        var files = Directory.GetFiles(Path.Combine(root, "proofs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = files.ToDictionary(f => f, f => CatalogueMutants.WithoutSnapshots(File.ReadAllText(f)));
        var all = files.SelectMany(f => CatalogueMutants.Of(f, texts[f], seed)).ToList();
        Assert.Equal(all.Count, all.Select(m => m.Key).Distinct().Count());
        var selected = full ? all : Subset(all, files, seed);
        output.WriteLine($"mutation test of the catalogue: {(full ? "full set" : "CI subset")}, seed {seed} (IMPLICITREG_MUTANTS=full for all {all.Count})");

        var outcomes = Run(selected, texts);
        var known = KnownSurvivors(root);
        var proved = Classify(selected.Where(m => outcomes[m].Outcome == "verified").ToList(), texts);
        var table = new StringBuilder();
        table.AppendLine($"{"check",-58} {"field",-34} {"mutation",-18} outcome");
        foreach (var m in selected)
        {
            var (outcome, _) = outcomes[m];
            var shown = outcome != "verified" ? outcome
                : proved.TryGetValue(m, out var why) ? $"survived: {why}"
                : Listed(known, m) is not null ? "survived: listed" : "SURVIVED (NEW)";
            table.AppendLine($"{m.ClaimId + "/" + m.CheckId,-58} {m.Field,-34} {m.Operator,-18} {shown}  {m.Mutated}");
        }
        var survivors = selected.Where(m => outcomes[m].Outcome == "verified").ToList();
        var fresh = survivors.Where(m => Listed(known, m) is null && !proved.ContainsKey(m)).ToList();
        // In the full set, a listed pattern is stale when no survivor needs it (the subset may run only killed mutants of a pattern).
        var stale = full ? known.Where(k => !survivors.Any(m => !proved.ContainsKey(m) && k.Matches(m))).Select(k => k.Pattern).ToList() : [];
        var counts = selected.GroupBy(m => outcomes[m].Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var summary = $"{selected.Count} mutants of {selected.Select(m => m.ClaimId + "/" + m.CheckId).Distinct().Count()} checks in " +
                      $"{selected.Select(m => m.File).Distinct().Count()} files: {string.Join(", ", counts)}; survivors: {proved.Count} legitimate by proof, " +
                      $"{survivors.Count - fresh.Count - proved.Count} listed, {fresh.Count} new; {clock.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores";
        table.AppendLine(summary);
        var path = Path.Combine(Path.GetTempPath(), "implicitreg-mutants.txt");
        File.WriteAllText(path, table.ToString());
        output.WriteLine(table.ToString());
        output.WriteLine($"table: {path}");

        Assert.True(fresh.Count == 0, $"{fresh.Count} mutants of checks expected to hold still verify (a wrong formula passes: strengthen the " +
            $"check or the claim, or list the mutant in mutant-survivors.txt with the reason the mathematics gives):\n" +
            string.Join("\n", fresh.Select(m => $"{m.Key}: {m.Mutated}")) + $"\n{summary}");
        Assert.True(stale.Count == 0, "listed survivors that no longer survive or are now legitimate by proof (remove their lines from mutant-survivors.txt):\n" +
            string.Join("\n", stale));
        var killed = selected.Count(m => outcomes[m].Outcome is "refuted" or "vacuous" or "unknown" or "error");
        Assert.True(killed >= selected.Count / 2, $"only {killed} of {selected.Count} mutants were killed by a check (the rest did not load): the mutants test the loader, not the checks");
    }

    /// <summary>
    /// The negative control of the harness: a check with slack (x > 0 proved from x > 1) leaves survivors that no proof
    /// makes legitimate (x > 1 is as true), so the test would fail on it; a check that is tight kills the same edits.
    /// </summary>
    [RequiresZ3Fact]
    public void ACheckWithSlackLeavesSurvivorsThatNeedAReason()
    {
        string Claim(string statement) => ImplicitReg.Testing.ClaimHeader.Text(depth: 2) +
            $"  - id: bound\n    kind: prove\n    expect: holds\n    statement: \"{statement}\"\n    assume: [\"x >= 1\", \"y = x + 1\"]\n";
        List<Mutant> Fresh(string statement)
        {
            var file = Path.Combine(_dir, statement.Length.ToString(CultureInfo.InvariantCulture), "t.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var texts = new Dictionary<string, string> { [file] = Claim(statement) };
            File.WriteAllText(file, texts[file]);
            var mutants = CatalogueMutants.Of(file, texts[file], DefaultSeed);
            Assert.Contains(mutants, m => m.Field == "statement");
            var outcomes = Run(mutants, texts);
            var survivors = mutants.Where(m => outcomes[m].Outcome == "verified").ToList();
            var proved = Classify(survivors, texts);
            return [.. survivors.Where(m => !proved.ContainsKey(m))];
        }

        var weak = Fresh("y > 0");
        Assert.Contains(weak, m => m.Field == "statement" && m.Operator == "constant-plus-1");   // y > 1 holds too: slack
        var tight = Fresh("y >= 2");
        Assert.DoesNotContain(tight, m => m.Field == "statement");
    }

    /// <summary>
    /// Survivors whose legitimacy Z3 proves, with the reason: a mutated statement or predicate that the original implies
    /// (a weaker or equivalent statement: <c>(original) implies (mutant)</c> proved with no assumption); a mutated
    /// assumption that implies the original (a stronger assumption: <c>(mutant) implies (original)</c>); an assumption
    /// the statement does not need (the check still verifies with it replaced by <c>0 = 0</c>). The remaining survivors
    /// need a reason written in mutant-survivors.txt.
    /// </summary>
    private Dictionary<Mutant, string> Classify(List<Mutant> survivors, Dictionary<string, string> texts)
    {
        var result = new Dictionary<Mutant, string>();
        var candidates = new List<(Mutant Mutant, string Statement, string Why)>();
        foreach (var m in survivors)
        {
            var original = m.Original;
            if (m.CheckKind == "prove" && m.Field.StartsWith("assume", StringComparison.Ordinal))
                candidates.Add((m, $"({m.Mutated}) implies ({original})", "stronger assumption"));
            else if (m.CheckKind == "prove" || m.Field.EndsWith(".holds", StringComparison.Ordinal))
                candidates.Add((m, $"({original}) implies ({m.Mutated})", "weaker or equivalent"));
        }
        if (candidates.Count > 0)
        {
            var dir = Path.Combine(_dir, "classify");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "implied.yaml");
            var yaml = new StringBuilder("id: implied\ntitle: implications between the original and the mutated data\nchecks:\n");
            for (int i = 0; i < candidates.Count; i++)
                yaml.Append(CultureInfo.InvariantCulture, $"  - {{id: c{i}, kind: prove, expect: holds, timeout-ms: 5000, statement: {Quote(candidates[i].Statement)}}}\n");
            File.WriteAllText(file, yaml.ToString());
            var run = ClaimRunner.Run([file], new RunnerOptions { Jobs = Math.Max(1, Environment.ProcessorCount) });
            foreach (var c in run.Checks.Where(c => c.Verdict == CheckVerdict.Verified))
            {
                var (m, _, why) = candidates[int.Parse(c.CheckId[1..], CultureInfo.InvariantCulture)];
                result[m] = why;
            }
        }
        // An assumption the statement does not need: every mutant of it survives.
        var drops = survivors.Where(m => m.CheckKind == "prove" && m.Field.StartsWith("assume", StringComparison.Ordinal) && !result.ContainsKey(m))
            .GroupBy(m => (m.File, m.CheckId, m.Field)).Select(g => g.First() with { Operator = "dropped", Mutated = "0 = 0", Replacement = "\"0 = 0\"" }).ToList();
        var dropped = Run(drops, texts);
        foreach (var m in survivors.Where(m => !result.ContainsKey(m)))
            if (dropped.FirstOrDefault(d => d.Key.File == m.File && d.Key.CheckId == m.CheckId && d.Key.Field == m.Field) is { Key: not null } d && d.Value.Outcome == "verified")
                result[m] = "assumption not needed";
        return result;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>
    /// The CI subset: one mutant of every claim file and every check kind, the pinned regressions, and
    /// <see cref="Extra"/> seeded others.
    /// </summary>
    private static List<Mutant> Subset(List<Mutant> all, List<string> files, int seed)
    {
        var chosen = new HashSet<Mutant>();
        uint Rank(Mutant m) => CatalogueMutants.Hash($"{seed}|subset|{m.Key}");
        foreach (var group in all.GroupBy(m => (m.File, m.CheckKind))) chosen.Add(group.MinBy(Rank)!);
        foreach (var group in all.GroupBy(m => m.CheckKind)) chosen.Add(group.MinBy(Rank)!);
        foreach (var m in all.Where(m => Pinned.Contains(m.Key))) chosen.Add(m);
        foreach (var m in all.Where(m => !chosen.Contains(m)).OrderBy(Rank).Take(Extra)) chosen.Add(m);
        Assert.True(files.All(f => chosen.Any(m => m.File == f) || all.All(m => m.File != f)), "every claim file with a check that holds has a mutant in the subset");
        return [.. all.Where(chosen.Contains)];
    }

    /// <summary>
    /// Runs the mutants: per claim file, round k edits the k-th mutant of every check at once (the checks of a file
    /// are independent), written to a directory of its own, and runs only those checks; rounds run two at a time. A
    /// round whose file does not load is split into single mutants, so one mutant the loader refuses costs no other.
    /// </summary>
    private Dictionary<Mutant, (string Outcome, string? Reason)> Run(List<Mutant> mutants, Dictionary<string, string> texts)
    {
        var rounds = new List<List<Mutant>>();
        foreach (var file in mutants.GroupBy(m => m.File))
        {
            var perCheck = file.GroupBy(m => m.CheckId).Select(g => g.ToList()).ToList();
            int n = perCheck.Max(l => l.Count);
            for (int k = 0; k < n; k++) rounds.Add(perCheck.Where(l => l.Count > k).Select(l => l[k]).ToList());
        }
        var outcomes = new ConcurrentDictionary<Mutant, (string, string?)>();
        int counter = 0;
        Parallel.ForEach(rounds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, round =>
        {
            var loaded = Load(round, texts, Interlocked.Increment(ref counter));
            if (loaded is null)
            {
                foreach (var m in round)
                {
                    if (round.Count == 1) { outcomes[m] = ("not loaded", null); continue; }
                    var single = Load([m], texts, Interlocked.Increment(ref counter));
                    if (single is null) outcomes[m] = ("not loaded", null);
                    else foreach (var (k, v) in Verify([m], single)) outcomes[k] = v;
                }
                return;
            }
            foreach (var (k, v) in Verify(round, loaded)) outcomes[k] = v;
        });
        return new Dictionary<Mutant, (string, string?)>(outcomes);
    }

    private string? Load(List<Mutant> round, Dictionary<string, string> texts, int n)
    {
        var first = round[0];
        var dir = Path.Combine(_dir, n.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, Path.GetFileName(first.File));
        File.WriteAllText(copy, CatalogueMutants.Apply(texts[first.File], round));
        return ClaimLoader.LoadFile(copy).Ok ? copy : null;
    }

    private static IEnumerable<(Mutant, (string, string?))> Verify(List<Mutant> round, string copy)
    {
        var ids = round.Select(m => m.CheckId).ToHashSet(StringComparer.Ordinal);
        var result = ClaimRunner.Run([copy], new RunnerOptions { Jobs = 1, Select = (_, check) => ids.Contains(check) });
        foreach (var m in round)
        {
            var check = result.Checks.Single(c => c.CheckId == m.CheckId);
            // Unknown because the mutated premises never hold together (the proof would be vacuous) is told apart from a solver that gave up.
            var outcome = check.Verdict == CheckVerdict.Unknown && check.Evidence == "premises never hold" ? "vacuous" : ResultNames.Of(check.Verdict);
            yield return (m, (outcome, check.Reason));
        }
    }

    private sealed record Survivor(string Pattern, string Reason)
    {
        private readonly System.Text.RegularExpressions.Regex _regex = new("^" + System.Text.RegularExpressions.Regex.Escape(Pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");

        public bool Matches(Mutant m) => _regex.IsMatch(m.Key);
    }

    private static Survivor? Listed(List<Survivor> known, Mutant m) => known.FirstOrDefault(k => k.Matches(m));

    /// <summary>
    /// The listed survivors from <c>mutant-survivors.txt</c>: <c>claim/check field operator  # reason</c>, where
    /// <c>*</c> matches any text (the generated steps of one chain share a reason).
    /// </summary>
    private static List<Survivor> KnownSurvivors(string root)
    {
        var path = Path.Combine(root, "tests", "ImplicitReg.Claims.Tests", "Catalogue", "mutant-survivors.txt");
        var result = new List<Survivor>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf("  #", StringComparison.Ordinal);
            Assert.True(hash > 0 && line[(hash + 3)..].Trim().Length > 0, $"mutant-survivors.txt: '{line}' gives no reason after '  #'");
            Assert.False(result.Any(r => r.Pattern == line[..hash].Trim()), $"mutant-survivors.txt: '{line[..hash].Trim()}' is listed twice");
            result.Add(new Survivor(line[..hash].Trim(), line[(hash + 3)..].Trim()));
        }
        return result;
    }
}
