using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Models.Derivations;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>
/// A mutant of a claim file: one check's stated data minimally changed. <see cref="Key"/> (claim/check field operator)
/// names it in the table and in the list of legitimate survivors; <see cref="Start"/>..<see cref="End"/> is the span of
/// the file's text it replaces by <see cref="Replacement"/>.
/// </summary>
internal sealed record Mutant(string File, string ClaimId, string CheckId, string CheckKind, string Field, string Operator,
    string Original, string Mutated, int Start, int End, string Replacement)
{
    public string Key => $"{ClaimId}/{CheckId} {Field} {Operator}";
}

/// <summary>
/// The mutants of a claim file's checks that are expected to hold (a negative control is already false): every
/// published formula of a derive check (a derive check that writes none gets the derivation's defaults added, one key
/// at a time), every statement and assumption of a prove check (lemmas are not mutated: an unproved lemma proves
/// nothing and the statement is then tried alone, so a mutated lemma says nothing about the check), every
/// <c>holds</c>, <c>where</c> and <c>quantity</c> of a simulate check, and the order band of a flow-vs-gd comparison.
/// A singular-values comparison's tolerance is not mutated: a tighter tolerance that still holds is no weakness, and the
/// formula it compares (M4's closed forms) is mutated in its derive checks. Positions come from YamlDotNet's nodes.
/// </summary>
internal static partial class CatalogueMutants
{
    /// <summary><paramref name="text"/> with every <c>snapshot: true</c> turned off: a mutant must be judged by the
    /// mathematics, not by a pinned text that any edit changes.</summary>
    public static string WithoutSnapshots(string text) => SnapshotPattern().Replace(text, "snapshot: false");

    /// <summary>Every mutant of <paramref name="text"/> (already <see cref="WithoutSnapshots"/>), occurrences chosen by <paramref name="seed"/>.</summary>
    public static List<Mutant> Of(string file, string text, int seed)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var claimId = Scalar(Get(root, "id"))!;
        var result = new List<Mutant>();
        foreach (var node in Sequence(Get(root, "checks")))
        {
            if (node is not YamlMappingNode check || Scalar(Get(check, "expect")) != "holds") continue;
            var id = Scalar(Get(check, "id"))!;
            var kind = Scalar(Get(check, "kind"))!;
            void Formula(string field, YamlNode n, bool expression)
            {
                var formula = Scalar(n)!;
                int Pick(string op, int count) => (int)(Hash($"{seed}|{claimId}/{id} {field} {op}") % (uint)count);
                foreach (var m in FormulaMutants.Of(formula, Pick, expression))
                    result.Add(new Mutant(file, claimId, id, kind, field, m.Operator, formula, m.Text, (int)n.Start.Index, (int)n.End.Index, Quote(m.Text)));
            }
            switch (kind)
            {
                case "derive":
                    if (Get(check, "published") is YamlMappingNode published)
                        foreach (var (k, v) in published.Children) Formula($"published.{Scalar(k)}", v, !Scalar(v)!.Contains('='));
                    else if (DerivationRegistry.Find(Scalar(Get(check, "derivation")) ?? "") is { } info && Key(check, "derivation") is { } dk
                             && check.Style != YamlDotNet.Core.Events.MappingStyle.Flow)
                    {
                        // No published formula written: the paper's defaults are used; add one, mutated, on a line of its own.
                        int lineEnd = text.IndexOf('\n', (int)Get(check, "derivation")!.End.Index);
                        var indent = new string(' ', (int)dk.Start.Column - 1);
                        foreach (var p in info.Published)
                        {
                            var field = $"published.{p.Key}";
                            int Pick(string op, int count) => (int)(Hash($"{seed}|{claimId}/{id} {field} {op}") % (uint)count);
                            foreach (var m in FormulaMutants.Of(p.Default, Pick, !p.Default.Contains('=')))
                                result.Add(new Mutant(file, claimId, id, kind, field + "(default)", m.Operator, p.Default, m.Text, lineEnd, lineEnd,
                                    $"\n{indent}published: {{{p.Key}: {Quote(m.Text)}}}"));
                        }
                    }
                    break;
                case "prove":
                    if (Get(check, "statement") is { } s) Formula("statement", s, false);
                    int n = 0;
                    foreach (var item in Sequence(Get(check, "statements"))) Formula($"statements[{++n}]", item, false);
                    n = 0;
                    foreach (var item in Sequence(Get(check, "assume"))) Formula($"assume[{++n}]", item, false);
                    break;
                case "simulate":
                    foreach (var predicate in Sequence(Get(check, "predicates")).OfType<YamlMappingNode>())
                        foreach (var key in new[] { "holds", "where", "quantity" })
                            if (Get(predicate, key) is { } f) Formula($"{Scalar(Get(predicate, "name"))}.{key}", f, key == "quantity");
                    break;
                case "compare":
                    if (Get(check, "order") is YamlSequenceNode { Children.Count: 2 } band)
                    {
                        var lo = double.Parse(Scalar(band.Children[0])!, CultureInfo.InvariantCulture);
                        var hi = double.Parse(Scalar(band.Children[1])!, CultureInfo.InvariantCulture);
                        // Both ends move in one edit, so the band stays a band.
                        foreach (var (op, l, h) in new[] { ("band-scaled-up", lo * 8 / 7, hi * 8 / 7), ("band-scaled-down", lo * 6 / 7, hi * 6 / 7), ("band-plus-1", lo + 1, hi + 1) })
                        {
                            var r = $"{l.ToString("R", CultureInfo.InvariantCulture)}, {h.ToString("R", CultureInfo.InvariantCulture)}";
                            result.Add(new Mutant(file, claimId, id, kind, "order", op, string.Create(CultureInfo.InvariantCulture, $"[{lo}, {hi}]"), $"[{r}]", (int)band.Children[0].Start.Index, (int)band.Children[1].End.Index, r));
                        }
                    }
                    break;
            }
        }
        return result;
    }

    /// <summary>Applies edits (from the end backwards, so earlier offsets stay valid).</summary>
    public static string Apply(string text, IEnumerable<Mutant> mutants)
    {
        foreach (var m in mutants.OrderByDescending(m => m.Start)) text = text[..m.Start] + m.Replacement + text[m.End..];
        return text;
    }

    /// <summary>FNV-1a of the UTF-16 text: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (var c in s) h = (h ^ c) * 16777619;
        return h;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static YamlNode? Get(YamlMappingNode m, string key) => m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == key).Value;

    private static YamlNode? Key(YamlMappingNode m, string key) => m.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);

    private static string? Scalar(YamlNode? n) => (n as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Sequence(YamlNode? n) => n is YamlSequenceNode s ? s.Children : [];

    [GeneratedRegex(@"snapshot:\s*true")]
    private static partial Regex SnapshotPattern();
}
